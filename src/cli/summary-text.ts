/** The short human summary `limitlab run` prints at the end. */
import type { Stat, Summary } from '../results/types.js';
import type { HeadlineFigure } from '../results/figure-names.js';

type Kind = 'percent' | 'number';

/** The committee's first questions: defaults, losses, freezes, requests, revenue. */
const LINES: readonly { label: string; figure: HeadlineFigure; kind: Kind }[] = [
  { label: 'default rate (annualised)', figure: 'annualDefaultRate', kind: 'percent' },
  { label: 'loss rate', figure: 'lossRate', kind: 'percent' },
  { label: 'loss rate VaR 99%', figure: 'lossRateVaR99', kind: 'percent' },
  { label: 'freeze events / 1000 account-months', figure: 'freezeEventsPer1000AccountMonths', kind: 'number' },
  { label: 'holds / 1000 account-months', figure: 'holdsPer1000AccountMonths', kind: 'number' },
  { label: 'limit requests approved', figure: 'approvedShare', kind: 'percent' },
  { label: 'interest revenue / balance at start', figure: 'interestRevenueRate', kind: 'percent' },
  { label: 'risk-adjusted revenue / balance at start', figure: 'riskAdjustedRevenueRate', kind: 'percent' },
];

export function formatSummary(summary: Summary, summaryPath: string): string {
  const m = summary.manifest;
  const out: string[] = [];
  out.push(
    `${m.scenario.name}: ${m.paths} paths × ${m.borrowersPerPath} borrowers, ${m.horizonDays} days in ${m.steps} steps of ${m.stepDays}, ${m.execution.elapsedSeconds.toFixed(1)} s`,
  );
  const width = Math.max(...LINES.map((l) => l.label.length));
  for (const line of LINES) {
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
