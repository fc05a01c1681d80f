/** The short human summaries `compare` and `sweep` print on stdout. */
import { figureInfo } from '../results/figure-info.js';
import { FIGURES, type FigureName } from '../results/registry.js';
import { formatLimit, formatValue } from '../results/format.js';
import { formatChange, formatDelta, formatDeltaRange, formatFactor, formatRelative } from './format.js';
import { isTailDelta, type Comparison, type FigureDelta, type PathFigureDelta, type Sweep } from './types.js';

/** The committee's first questions, as in `limitlab run`'s summary (labels from the registry). */
export const MAIN_FIGURES: readonly { figure: string; label: string }[] = (
  [
    'annualDefaultRate',
    'lossRate',
    'creditLossRate',
    'fraudLossRate',
    'lossRateVaR99',
    'freezeEventsPer1000AccountMonths',
    'goodCustomerFreezesPer1000AccountMonths',
    'holdsPer1000AccountMonths',
    'everRestrictedShare',
    'approvedShare',
    'meanLimitGrowthPerYear',
    'riskAdjustedRevenueRate',
  ] as const satisfies readonly FigureName[]
).map((figure) => ({ figure, label: FIGURES[figure].short }));

function table(rows: readonly (readonly string[])[], rightFrom: number): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const pad = (s: string, w: number, right: boolean) => {
    const fill = ' '.repeat(Math.max(0, w - [...s].length));
    return right ? fill + s : s + fill;
  };
  return rows.map((r) => `  ${r.map((cell, c) => pad(cell, widths[c]!, c >= rightFrom)).join('  ')}`.trimEnd());
}

/** The text mark of a verdict: a star for a material change, a word for a distinguishable but immaterial one. */
export function verdictMark(d: Pick<PathFigureDelta, 'verdict'>): string {
  return d.verdict === 'material' ? '*' : d.verdict === 'immaterial' ? 'immaterial' : '';
}

function deltaCells(d: FigureDelta | undefined, figure: string): string[] {
  const { kind } = figureInfo(figure);
  if (!d) return ['—', '—', '—', 'not in both runs', '', ''];
  const base = formatValue(d.base, kind);
  const alt = formatValue(d.alternative, kind);
  if (isTailDelta(d)) return [base, alt, formatChange(d, kind), 'tail: no interval', '', ''];
  const change = d.difference === null ? `n/a${d.reason ? ` (${d.reason})` : ''}` : formatChange(d, kind);
  return [base, alt, change, formatDeltaRange(d, kind), verdictMark(d), formatFactor(d.varianceReduction)];
}

const percent = (fraction: number) => formatLimit(fraction, 'share');

/** The comparison as a few tables of the main changes with their intervals. */
export function formatComparisonText(c: Comparison, files: { json: string }): string {
  const base = c.runs[0]!;
  const m = base.manifest;
  const out: string[] = [
    `compare: ${c.alternatives.map((a) => a.label).join(', ')} against ${c.base} — ${m.paths} paths × ${m.borrowersPerPath} borrowers, seed ${m.seed}, ${
      c.differentPopulation ? 'DIFFERENT populations' : 'common random numbers'
    }`,
  ];
  for (const note of c.notes) out.push(`note: ${note}`);
  for (const alt of c.alternatives) {
    out.push('', `${alt.label} − ${c.base}`);
    const rows = [['figure', c.base, alt.label, 'change (relative)', '95% interval', '', 'CRN factor']];
    for (const { figure, label } of MAIN_FIGURES) {
      if (!alt.figures[figure]) continue;
      rows.push([label, ...deltaCells(alt.figures[figure], figure)]);
    }
    out.push(...table(rows, 1));
  }
  out.push(
    '',
    `* material: the 95% interval of the change excludes zero and the change is at least ${percent(c.materiality)} of the base value;`,
    `  immaterial: the interval excludes zero but the change is smaller (set the threshold with --materiality).`,
    'Relative: the change as a share of the base value. CRN factor: (var A + var B) / var(A − B) across paths,',
    '  how many times more paths two independent runs would need for the same precision;',
    '  — where the change is the same in every path (var(A − B) = 0) or cannot be computed.',
    `comparison: ${files.json}`,
  );
  return `${out.join('\n')}\n`;
}

const SWEEP_LEVELS = ['annualDefaultRate', 'lossRate', 'freezeEventsPer1000AccountMonths', 'riskAdjustedRevenueRate'];
const SWEEP_CHANGES = [
  { figure: 'lossRate', label: 'Δ loss rate' },
  { figure: 'freezeEventsPer1000AccountMonths', label: 'Δ freeze events' },
  { figure: 'riskAdjustedRevenueRate', label: 'Δ risk-adj. revenue' },
];
/** Model v2: whom a rule annoys, shown when the summaries carry it. */
const SWEEP_V2_CHANGE = { figure: 'goodCustomerFreezesPer1000AccountMonths', label: 'Δ good-customer freezes' };
const SHORT: Record<string, string> = {
  annualDefaultRate: 'default (ann.)',
  lossRate: 'loss rate',
  freezeEventsPer1000AccountMonths: 'freezes/1000am',
  riskAdjustedRevenueRate: 'risk-adj. rev.',
};

/** "−0.012 pp ± 0.004 (−0.36%)*": a sweep's change, compact enough for three in a row. */
function sweepChange(d: PathFigureDelta, kind: ReturnType<typeof figureInfo>['kind']): string {
  const mark = d.verdict === 'material' ? '*' : d.verdict === 'immaterial' ? '°' : '';
  const half = d.ci95 ? (d.ci95[1] - d.ci95[0]) / 2 : null;
  const pm = half === null ? '' : ` ± ${formatDelta(half, kind, half).replace(/^\+/, '')}`;
  const rel = d.relative === null ? '' : ` (${formatRelative(d.relative)})`;
  return `${formatDelta(d.difference, kind, half ?? undefined)}${pm}${rel}${mark}`;
}

/**
 * One line per grid point (the reference first when it is not one): the main
 * figures' levels, then their changes from the reference (the scenario as
 * given, or the --reference point) with 95% intervals (paired, so far narrower
 * than the levels').
 */
export function formatSweepText(s: Sweep, files: { json: string }): string {
  const m = s.runs[0]!.manifest;
  const ref = s.reference;
  const out: string[] = [
    `sweep: ${s.file} over ${s.grid.map((g) => `${g.path} (${g.values.length})`).join(' × ')} = ${s.rows.length} points — ${m.paths} paths × ${m.borrowersPerPath} borrowers, seed ${m.seed}, ${
      s.differentPopulation ? 'DIFFERENT populations' : 'common random numbers'
    }`,
  ];
  for (const note of s.notes) out.push(`note: ${note}`);
  const changeFigures = s.rows.some((r) => r.differenceFromReference[SWEEP_V2_CHANGE.figure]) ? [...SWEEP_CHANGES, SWEEP_V2_CHANGE] : SWEEP_CHANGES;
  const rows = [['point', ...SWEEP_LEVELS.map((f) => SHORT[f]!), ...changeFigures.map((c) => `${c.label} ± 95% (relative)`)]];
  const levels = (figures: Sweep['rows'][number]['figures']) => SWEEP_LEVELS.map((f) => formatValue(figures[f]?.mean, figureInfo(f).kind));
  if (ref.point === null) rows.push([ref.label, ...levels(s.runs[ref.run]!.headline), ...changeFigures.map(() => 'reference')]);
  for (const r of s.rows) {
    const changes = changeFigures.map(({ figure }) => {
      if (r.point === ref.point) return 'reference';
      const d = r.differenceFromReference[figure];
      if (!d || isTailDelta(d) || d.difference === null) return '—';
      return sweepChange(d, figureInfo(figure).kind);
    });
    rows.push([r.label, ...levels(r.figures), ...changes]);
  }
  out.push(...table(rows, 1));
  const which =
    ref.source === 'point' ? `the grid point ${ref.label}, named with --reference,` : ref.source === 'run' ? `${ref.label}, the first run given,` : ref.point === null ? `the scenario ${ref.label}, run on the same seed` : `${ref.label}, the scenario as given`;
  out.push(
    '',
    `Δ: paired change from ${which} (common random numbers), ± the half-width of its 95% interval;`,
    `* material (the interval excludes zero and the change is at least ${percent(s.materiality)} of the reference value), ° distinguishable but immaterial;`,
    'every figure with se and 95% interval is in the JSON file.',
    `sweep: ${files.json}`,
  );
  return `${out.join('\n')}\n`;
}
