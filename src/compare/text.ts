/** The short human summaries `compare` and `sweep` print on stdout. */
import { figureInfo } from '../results/figure-info.js';
import { FIGURES, type FigureName } from '../results/registry.js';
import { formatValue } from '../results/format.js';
import { deltaScale, formatDelta, formatDeltaRange, formatFactor } from './format.js';
import { isTailDelta, type Comparison, type FigureDelta, type Sweep } from './types.js';

/** The committee's first questions, as in `limitlab run`'s summary (labels from the registry). */
export const MAIN_FIGURES: readonly { figure: string; label: string }[] = (
  [
    'annualDefaultRate',
    'lossRate',
    'lossRateVaR99',
    'freezeEventsPer1000AccountMonths',
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

function deltaCells(d: FigureDelta | undefined, figure: string): string[] {
  const { kind } = figureInfo(figure);
  if (!d) return ['—', '—', '—', 'not in both runs', ''];
  const base = formatValue(d.base, kind);
  const alt = formatValue(d.alternative, kind);
  if (isTailDelta(d)) return [base, alt, formatDelta(d.difference, kind), 'tail: no interval', ''];
  const mark = d.distinguishable ? '*' : '';
  const change = d.difference === null ? `n/a${d.reason ? ` (${d.reason})` : ''}` : `${formatDelta(d.difference, kind, deltaScale(d))}${mark}`;
  return [base, alt, change, formatDeltaRange(d, kind), formatFactor(d.varianceReduction)];
}

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
    const rows = [['figure', c.base, alt.label, 'change', '95% interval', 'CRN factor']];
    for (const { figure, label } of MAIN_FIGURES) {
      if (!alt.figures[figure]) continue;
      rows.push([label, ...deltaCells(alt.figures[figure], figure)]);
    }
    out.push(...table(rows, 1));
  }
  out.push(
    '',
    '* the 95% interval of the change excludes zero. CRN factor: (var A + var B) / var(A − B) across paths,',
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
const SHORT: Record<string, string> = {
  annualDefaultRate: 'default (ann.)',
  lossRate: 'loss rate',
  freezeEventsPer1000AccountMonths: 'freezes/1000am',
  riskAdjustedRevenueRate: 'risk-adj. rev.',
};

/**
 * One line per grid point: the main figures' levels, then their changes from the
 * reference point with 95% intervals (paired, so far narrower than the levels').
 */
export function formatSweepText(s: Sweep, files: { json: string }): string {
  const m = s.runs[0]!.manifest;
  const ref = s.rows[s.reference]!;
  const out: string[] = [
    `sweep: ${s.file} over ${s.grid.map((g) => `${g.path} (${g.values.length})`).join(' × ')} = ${s.rows.length} points — ${m.paths} paths × ${m.borrowersPerPath} borrowers, seed ${m.seed}, ${
      s.differentPopulation ? 'DIFFERENT populations' : 'common random numbers'
    }`,
  ];
  for (const note of s.notes) out.push(`note: ${note}`);
  const rows = [['point', ...SWEEP_LEVELS.map((f) => SHORT[f]!), ...SWEEP_CHANGES.map((c) => `${c.label} (95% interval)`)]];
  for (const r of s.rows) {
    const levels = SWEEP_LEVELS.map((f) => formatValue(r.figures[f]?.mean, figureInfo(f).kind));
    const changes = SWEEP_CHANGES.map(({ figure }) => {
      if (r.point === s.reference) return 'reference';
      const d = r.differenceFromReference[figure];
      if (!d || isTailDelta(d) || d.difference === null) return '—';
      const kind = figureInfo(figure).kind;
      return `${formatDelta(d.difference, kind, deltaScale(d))}${d.distinguishable ? '*' : ''} (${formatDeltaRange(d, kind)})`;
    });
    rows.push([r.label, ...levels, ...changes]);
  }
  out.push(...table(rows, 1));
  out.push(
    '',
    `Δ: paired change from the reference point ${ref.label} (common random numbers), * when its 95% interval excludes zero;`,
    'every figure with se and 95% interval is in the JSON file.',
    `sweep: ${files.json}`,
  );
  return `${out.join('\n')}\n`;
}
