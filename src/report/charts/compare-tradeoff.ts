/**
 * The trade-off committees ask for: default rate, loss rate and risk-adjusted
 * revenue against the freeze rate, one point per policy (or grid point). Bars
 * are the 95% interval of the paired change from the reference, drawn around
 * each point: what common random numbers know about where a policy sits
 * relative to the reference. The reference's own sampling error, shared by all
 * points, is not drawn (it moves every point together).
 *
 * With model v2's figures, a second trade-off puts loss, fraud loss and revenue
 * against freezes of good customers. Every axis spans at least
 * MIN_RELATIVE_SPAN of the reference's value (compare-common.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { figureInfo } from '../figures.js';
import { type Layer, type Panel, frame } from './common.js';
import { levelDomain, levelFormat, policyScale } from './compare-common.js';

/** Which figures a trade-off chart puts against which. */
export interface TradeoffAxes {
  x: string;
  ys: readonly string[];
  description: string;
}

export const TRADEOFF: TradeoffAxes = {
  x: 'freezeEventsPer1000AccountMonths',
  ys: ['annualDefaultRate', 'lossRate', 'riskAdjustedRevenueRate'],
  description: 'Trade-off: default rate, loss rate and risk-adjusted revenue against the freeze rate, one point per policy with interval bars.',
};

/** Model v2: what the rules save against whom they annoy; drawn only when the summaries carry these figures. */
export const GOOD_CUSTOMER_TRADEOFF: TradeoffAxes = {
  x: 'goodCustomerFreezesPer1000AccountMonths',
  ys: ['lossRate', 'fraudLossRate', 'riskAdjustedRevenueRate'],
  description: 'Trade-off: loss rate, fraud loss rate and risk-adjusted revenue against freezes of good customers, one point per policy with interval bars.',
};

/** Every figure a trade-off chart needs. */
export const TRADEOFF_FIGURES: readonly string[] = [...new Set([TRADEOFF.x, ...TRADEOFF.ys, GOOD_CUSTOMER_TRADEOFF.x, ...GOOD_CUSTOMER_TRADEOFF.ys])];

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
  /** false for a point off the joined line (a sweep's reference run that is not a grid point) */
  onLine?: boolean;
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
  /** the figures to draw (default TRADEOFF); panels whose figure no point has are left out */
  axes?: TradeoffAxes;
}

/** True when some point other than the reference has the x figure and one of the y figures. */
export function hasTradeoff(points: readonly TradeoffPoint[], axes: TradeoffAxes): boolean {
  return points.some((p) => p.levels[axes.x] && axes.ys.some((y) => p.levels[y]));
}

const spread = (l: Level | null | undefined): number[] => (l ? [l.lo, l.hi] : []);

/** An axis's domain under the minimum-span rule, and the tick format its span needs. */
function levelAxis(points: readonly TradeoffPoint[], figure: string, reference: string) {
  const info = figureInfo(figure);
  const domain = levelDomain(points.flatMap((p) => spread(p.levels[figure])), points.find((p) => p.label === reference)?.levels[figure]?.value ?? null);
  return { info, domain, format: levelFormat(info.kind, domain ?? points.flatMap((p) => spread(p.levels[figure]))) };
}

export function tradeoffChart(input: TradeoffInput): TopLevelSpec {
  const axes = input.axes ?? TRADEOFF;
  const xAxis = levelAxis(input.points, axes.x, input.reference);
  const xInfo = xAxis.info;
  const xFormat = xAxis.format;
  const colour = { field: 'policy', type: 'nominal', title: null, scale: policyScale(input.colourOrder), sort: [...input.colourOrder] } as const;
  const ys = axes.ys.filter((y) => input.points.some((p) => p.levels[y] && p.levels[axes.x]));
  const panels = ys.map((figure): Panel => {
    const yAxis = levelAxis(input.points, figure, input.reference);
    const info = yAxis.info;
    const yFormat = yAxis.format;
    const rows = input.points.flatMap((p, order) => {
      const x = p.levels[axes.x];
      const y = p.levels[figure];
      if (!x || !y) return [];
      return [{ policy: p.label, order, onLine: p.onLine !== false, reference: p.label === input.reference, x: x.value, xLo: x.lo, xHi: x.hi, y: y.value, yLo: y.lo, yHi: y.hi }];
    });
    const xEnc = { type: 'quantitative', title: `${xInfo.label} (${xInfo.unit})`, axis: { format: xFormat, tickCount: 5 }, scale: xAxis.domain ? { domain: xAxis.domain } : { zero: false } } as const;
    const yEnc = { type: 'quantitative', title: info.label, axis: { format: yFormat, tickCount: 6 }, scale: yAxis.domain ? { domain: yAxis.domain } : { zero: false } } as const;
    const line: Layer[] = input.connect
      ? [{ transform: [{ filter: 'datum.onLine' }], mark: { type: 'line', color: '#9a9a9a', strokeWidth: 1 }, encoding: { x: { field: 'x', ...xEnc }, y: { field: 'y', ...yEnc }, order: { field: 'order', type: 'quantitative' } } }]
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
    ...frame(input.title, input.subtitle, axes.description),
    hconcat: panels,
    resolve: { scale: { y: 'independent', x: 'shared' } },
  };
}
