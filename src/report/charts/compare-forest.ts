/**
 * The difference ("forest") chart: for each figure, each alternative's change
 * from the base with its 95% interval, one small panel per figure (each in its
 * own unit), a line at zero. A filled dot: the interval excludes zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import { figureInfo } from '../figures.js';
import { isTailDelta, type FigureDelta } from '../../compare/types.js';
import { formatDelta, formatDeltaRange, deltaScale, formatFactor } from '../../compare/format.js';
import { type Panel, WIDTH, frame } from './common.js';
import { changeUnit, policyScale } from './compare-common.js';

/** Figures a committee reads first; the table has every figure. */
export const FOREST_FIGURES = [
  'annualDefaultRate',
  'lossRate',
  'freezeEventsPer1000AccountMonths',
  'holdsPer1000AccountMonths',
  'everRestrictedShare',
  'frozenDaysPerAccountYear',
  'blockedDrawsPerAccountYear',
  'preIncreaseRestriction',
  'approvedShare',
  'meanLimitGrowthPerYear',
  'exposureRatio',
  'riskAdjustedRevenueRate',
];

export interface ForestInput {
  title: string;
  subtitle: string;
  /** what every change is measured from */
  reference: string;
  /** the compared runs, each with its changes from the reference; `colourOrder` fixes colours across charts */
  items: readonly { label: string; figures: Readonly<Record<string, FigureDelta>> }[];
  colourOrder: readonly string[];
}

export function forestChart(input: ForestInput): TopLevelSpec {
  const labels = input.items.map((i) => i.label);
  const figures = FOREST_FIGURES.filter((f) => input.items.some((i) => {
    const d = i.figures[f];
    return d !== undefined && !isTailDelta(d) && d.difference !== null;
  }));
  const panels = figures.map((figure): Panel => {
    const info = figureInfo(figure);
    const unit = changeUnit(info.kind, info.unit);
    const rows = input.items.flatMap((item) => {
      const d = item.figures[figure];
      if (!d || isTailDelta(d) || d.difference === null) return [];
      const lo = d.ci95?.[0] ?? d.difference;
      const hi = d.ci95?.[1] ?? d.difference;
      return [{
        policy: item.label,
        change: d.difference * unit.factor,
        lo: lo * unit.factor,
        hi: hi * unit.factor,
        zero: 0,
        verdict: d.distinguishable === true ? 'excludes zero' : d.distinguishable === false ? 'includes zero' : 'no interval',
        text: formatDelta(d.difference, info.kind, deltaScale(d)),
        interval: formatDeltaRange(d, info.kind),
        factor: formatFactor(d.varianceReduction),
      }];
    });
    const x = { type: 'quantitative', title: `Change (${unit.title})`, ...(unit.format ? { axis: { format: unit.format } } : {}), scale: { zero: true } } as const;
    const y = { field: 'policy', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 180 } } as const;
    return {
      title: { text: info.label, fontSize: 12 },
      width: WIDTH,
      height: { step: 22 },
      data: { values: rows },
      encoding: { y },
      layer: [
        { mark: { type: 'rule', color: '#888888', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', ...x } } },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: { field: 'policy', type: 'nominal', scale: policyScale(input.colourOrder), legend: null } },
        },
        {
          mark: { type: 'point', size: 70, strokeWidth: 2 },
          encoding: {
            x: { field: 'change', ...x },
            color: { field: 'policy', type: 'nominal', scale: policyScale(input.colourOrder), legend: null },
            fill: { field: 'verdict', type: 'nominal', scale: { domain: ['excludes zero', 'includes zero', 'no interval'], range: ['#222222', '#ffffff', '#bbbbbb'] }, title: '95% interval' },
            tooltip: [
              { field: 'policy', type: 'nominal', title: 'Policy' },
              { field: 'text', type: 'nominal', title: `Change from ${input.reference}` },
              { field: 'interval', type: 'nominal', title: '95% interval' },
              { field: 'verdict', type: 'nominal', title: 'Interval' },
              { field: 'factor', type: 'nominal', title: 'Variance reduction (CRN)' },
            ],
          },
        },
      ],
    };
  });
  return {
    ...frame(input.title, input.subtitle, `Forest chart: change of each figure from ${input.reference}, with 95% intervals, per policy.`),
    vconcat: panels,
    resolve: { scale: { x: 'independent', fill: 'shared' } },
  };
}
