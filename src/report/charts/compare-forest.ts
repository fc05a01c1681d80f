/**
 * The difference ("forest") chart: for each figure, each alternative's change
 * from the base with its 95% interval, one small panel per figure (each in its
 * own unit), a line at zero and a grey band for changes too small to matter
 * (± the materiality threshold). A black dot: a material change; a grey one:
 * distinguishable from zero but inside the band (immaterial); an open one: the
 * interval includes zero. Each panel's axis spans at least the band, so a
 * noise-sized change never fills a panel.
 */
import type { TopLevelSpec } from 'vega-lite';
import { figureInfo } from '../figures.js';
import { isTailDelta, type FigureDelta, type Verdict } from '../../compare/types.js';
import { formatChange, formatDeltaRange, formatFactor, formatRelative } from '../../compare/format.js';
import { type Layer, type Panel, WIDTH, frame } from './common.js';
import { changeDomain, changeUnit, policyScale } from './compare-common.js';

/** Figures a committee reads first (model v2's when the summaries carry them); the table has every figure. */
export const FOREST_FIGURES = [
  'annualDefaultRate',
  'lossRate',
  'creditLossRate',
  'fraudLossRate',
  'freezeEventsPer1000AccountMonths',
  'goodCustomerFreezesPer1000AccountMonths',
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

/** Legend words of each verdict, in the legend's order. */
const VERDICTS: Record<Verdict, string> = {
  material: 'material',
  immaterial: 'immaterial (inside the grey band)',
  'not distinguishable': 'interval includes zero',
  'no interval': 'no interval',
};

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
    let threshold: number | null = null;
    const rows = input.items.flatMap((item) => {
      const d = item.figures[figure];
      if (!d || isTailDelta(d) || d.difference === null) return [];
      if (d.materialityThreshold !== null) threshold = Math.max(threshold ?? 0, d.materialityThreshold);
      const lo = d.ci95?.[0] ?? d.difference;
      const hi = d.ci95?.[1] ?? d.difference;
      return [{
        policy: item.label,
        change: d.difference * unit.factor,
        lo: lo * unit.factor,
        hi: hi * unit.factor,
        zero: 0,
        verdict: VERDICTS[d.verdict],
        text: formatChange(d, info.kind),
        relative: formatRelative(d.relative),
        interval: formatDeltaRange(d, info.kind),
        factor: formatFactor(d.varianceReduction),
      }];
    });
    const t = threshold === null ? null : (threshold as number) * unit.factor;
    const domain = changeDomain(rows.flatMap((r) => [r.lo, r.hi]), t);
    const x = {
      type: 'quantitative',
      title: `Change (${unit.title})`,
      ...(unit.format ? { axis: { format: unit.format } } : {}),
      scale: domain ? { domain } : { zero: true },
    } as const;
    // The band spans the panel's height: it has no y of its own (the other layers carry theirs).
    const band: Layer[] = t
      ? [{ data: { values: [{ lo: -t, hi: t }] }, mark: { type: 'rect', color: '#e6e6e6', opacity: 0.8 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' } } }]
      : [];
    const y = { field: 'policy', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 180 } } as const;
    return {
      title: { text: info.label, fontSize: 12 },
      width: WIDTH,
      height: { step: 22 },
      data: { values: rows },
      layer: [
        ...band,
        { mark: { type: 'rule', color: '#888888', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', ...x }, y } },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y, x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: { field: 'policy', type: 'nominal', scale: policyScale(input.colourOrder), legend: null } },
        },
        {
          mark: { type: 'point', size: 70, strokeWidth: 2 },
          encoding: {
            y,
            x: { field: 'change', ...x },
            color: { field: 'policy', type: 'nominal', scale: policyScale(input.colourOrder), legend: null },
            fill: { field: 'verdict', type: 'nominal', scale: { domain: Object.values(VERDICTS), range: ['#222222', '#a0a0a0', '#ffffff', '#dddddd'] }, title: 'Change' },
            tooltip: [
              { field: 'policy', type: 'nominal', title: 'Policy' },
              { field: 'text', type: 'nominal', title: `Change from ${input.reference}` },
              { field: 'relative', type: 'nominal', title: `Relative to ${input.reference}` },
              { field: 'interval', type: 'nominal', title: '95% interval' },
              { field: 'verdict', type: 'nominal', title: 'Verdict' },
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
