/**
 * The trade-off committees ask for: default rate, loss rate and risk-adjusted
 * revenue against the freeze rate, one point per policy (or grid point). Bars
 * are the 95% interval of the paired change from the reference, drawn around
 * each point: what common random numbers know about where a policy sits
 * relative to the reference. The reference's own sampling error, shared by all
 * points, is not drawn (it moves every point together).
 */
import type { TopLevelSpec } from 'vega-lite';
import { figureInfo } from '../figures.js';
import { type Layer, type Panel, frame } from './common.js';
import { levelFormat, policyScale } from './compare-common.js';

export const TRADEOFF_X = 'freezeEventsPer1000AccountMonths';
export const TRADEOFF_Y = ['annualDefaultRate', 'lossRate', 'riskAdjustedRevenueRate'] as const;

const TRADEOFF_PANEL_WIDTH = 260;
const TRADEOFF_PANEL_HEIGHT = 230;

/** A figure's level at one point and the ends of its bar. */
export interface Level {
  value: number;
  lo: number;
  hi: number;
}

export interface TradeoffPoint {
  label: string;
  /** levels by figure name; null where the run gives no value */
  levels: Readonly<Record<string, Level | null>>;
}

export interface TradeoffInput {
  title: string;
  subtitle: string | readonly string[];
  points: readonly TradeoffPoint[];
  /** the label of the point the bars are measured from; drawn as an open diamond so a point on top of it still shows it */
  reference: string;
  colourOrder: readonly string[];
  /** join the points in order with a line (a one-axis sweep) */
  connect: boolean;
}

const spread = (l: Level | null | undefined): number[] => (l ? [l.lo, l.hi] : []);

export function tradeoffChart(input: TradeoffInput): TopLevelSpec {
  const xInfo = figureInfo(TRADEOFF_X);
  const xFormat = levelFormat(xInfo.kind, input.points.flatMap((p) => spread(p.levels[TRADEOFF_X])));
  const colour = { field: 'policy', type: 'nominal', title: null, scale: policyScale(input.colourOrder), sort: [...input.colourOrder] } as const;
  const panels = TRADEOFF_Y.map((figure): Panel => {
    const info = figureInfo(figure);
    const yFormat = levelFormat(info.kind, input.points.flatMap((p) => spread(p.levels[figure])));
    const rows = input.points.flatMap((p, order) => {
      const x = p.levels[TRADEOFF_X];
      const y = p.levels[figure];
      if (!x || !y) return [];
      return [{ policy: p.label, order, reference: p.label === input.reference, x: x.value, xLo: x.lo, xHi: x.hi, y: y.value, yLo: y.lo, yHi: y.hi }];
    });
    const xEnc = { type: 'quantitative', title: `${xInfo.label} (${xInfo.unit})`, axis: { format: xFormat }, scale: { zero: false } } as const;
    const yEnc = { type: 'quantitative', title: info.label, axis: { format: yFormat }, scale: { zero: false } } as const;
    const line: Layer[] = input.connect
      ? [{ mark: { type: 'line', color: '#9a9a9a', strokeWidth: 1 }, encoding: { x: { field: 'x', ...xEnc }, y: { field: 'y', ...yEnc }, order: { field: 'order', type: 'quantitative' } } }]
      : [];
    return {
      title: { text: info.label, fontSize: 12 },
      width: TRADEOFF_PANEL_WIDTH,
      height: TRADEOFF_PANEL_HEIGHT,
      data: { values: rows },
      layer: [
        ...line,
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'xLo', ...xEnc }, x2: { field: 'xHi' }, y: { field: 'y', ...yEnc }, color: colour } },
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: { field: 'x', ...xEnc }, y: { field: 'yLo', ...yEnc }, y2: { field: 'yHi' }, color: colour } },
        {
          transform: [{ filter: 'datum.reference' }],
          mark: { type: 'point', shape: 'diamond', filled: false, size: 200, strokeWidth: 2 },
          encoding: { x: { field: 'x', ...xEnc }, y: { field: 'y', ...yEnc }, color: colour },
        },
        {
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            x: { field: 'x', ...xEnc },
            y: { field: 'y', ...yEnc },
            color: colour,
            tooltip: [
              { field: 'policy', type: 'nominal', title: 'Policy' },
              { field: 'x', type: 'quantitative', title: xInfo.label, format: xFormat },
              { field: 'y', type: 'quantitative', title: info.label, format: yFormat },
              { field: 'yLo', type: 'quantitative', title: 'Bar from', format: yFormat },
              { field: 'yHi', type: 'quantitative', title: 'Bar to', format: yFormat },
            ],
          },
        },
      ],
    };
  });
  return {
    ...frame(input.title, input.subtitle, 'Trade-off: default rate, loss rate and risk-adjusted revenue against the freeze rate, one point per policy with interval bars.'),
    hconcat: panels,
    resolve: { scale: { y: 'independent', x: 'shared' } },
  };
}
