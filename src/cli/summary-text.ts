/** The short human summary `limitlab run` prints at the end. */
import type { Stat, Summary } from '../results/types.js';
import { FIGURES, type FigureName } from '../results/registry.js';

type Kind = 'percent' | 'number';

/** The committee's first questions: defaults, losses, freezes, requests, revenue (labels from the registry). */
const LINES: readonly FigureName[] = [
  'annualDefaultRate',
  'lossRate',
  'annualLossRate',
  'lossRateVaR99',
  'creditLossRate',
  'fraudLossRate',
  'freezeEventsPer1000AccountMonths',
  'goodCustomerFreezesPer1000AccountMonths',
  'falseFlagsPerTrueFlagRiskModelRule',
  'holdsPer1000AccountMonths',
  'approvedShare',
  'interestRevenueRate',
  'riskAdjustedRevenueRate',
  'annualRiskAdjustedRevenueRate',
];

/** A figure's short label and how the terminal prints it: shares as percentages. */
export function textLine(figure: FigureName): { figure: FigureName; label: string; kind: Kind } {
  const def = FIGURES[figure];
  return { figure, label: def.short, kind: def.format === 'share' ? 'percent' : 'number' };
}

export function formatSummary(summary: Summary, summaryPath: string): string {
  const m = summary.manifest;
  const out: string[] = [];
  out.push(
    `${m.scenario.name}: ${m.paths} paths × ${m.borrowersPerPath} borrowers, ${m.horizonDays} days in ${m.steps} steps of ${m.stepDays}, ${m.execution.elapsedSeconds.toFixed(1)} s`,
  );
  const lines = LINES.map(textLine);
  const width = Math.max(...lines.map((l) => l.label.length));
  for (const line of lines) {
    out.push(`  ${line.label.padEnd(width)}  ${formatStat(summary.headline[line.figure], line.kind)}`);
  }
  out.push(`summary: ${summaryPath}`);
  return `${out.join('\n')}\n`;
}

/** "1.46%  (95% CI 1.34% to 1.58%)"; a tail figure has no interval; null says why. */
export function formatStat(stat: Stat | undefined, kind: Kind): string {
  if (!stat) return 'n/a (not in the summary)';
  if (stat.mean === null) return `n/a${stat.reason ? ` (${stat.reason})` : ''}`;
  const value = formatValue(stat.mean, kind);
  if (stat.tail) return `${value}  (across paths)`;
  if (stat.ci95) return `${value}  (95% CI ${formatValue(stat.ci95[0], kind)} to ${formatValue(stat.ci95[1], kind)})`;
  return `${value}${stat.reason ? `  (no interval: ${stat.reason})` : ''}`;
}

export function formatValue(x: number, kind: Kind): string {
  if (kind === 'percent') return `${fixed(100 * x)}%`;
  return fixed(x);
}

/** Two decimals for small values, fewer for large ones: enough to compare, not noise. */
function fixed(x: number): string {
  const a = Math.abs(x);
  const digits = a >= 1000 ? 0 : a >= 100 ? 1 : 2;
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
