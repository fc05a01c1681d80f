/** The short human summary `limitlab run` prints at the end. */
import type { Stat, Summary } from '../results/types.js';
import type { HeadlineFigure } from '../results/figure-names.js';
import { pathsNeeded, tailLevelOf } from '../results/tail.js';
import { LOW_EFFECTIVE_SAMPLE_SIZE } from '../results/appetite.js';
import { tailMessages } from '../messages.js';

type Kind = 'percent' | 'number';



/** The committee's first questions: defaults, losses, freezes, requests, revenue. */
const LINES: readonly { label: string; figure: HeadlineFigure; kind: Kind }[] = [
  { label: 'default rate (annualised)', figure: 'annualDefaultRate', kind: 'percent' },
  { label: 'loss rate', figure: 'lossRate', kind: 'percent' },
  { label: 'loss rate VaR 99%', figure: 'lossRateVaR99', kind: 'percent' },
  { label: 'loss rate VaR 99.9%', figure: 'lossRateVaR999', kind: 'percent' },
  { label: 'loss rate ES 99%', figure: 'lossRateES99', kind: 'percent' },
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
    out.push(`  ${line.label.padEnd(width)}  ${formatStat(summary.headline[line.figure], line.kind, tailLevelOf(line.figure))}`);
  }
  const est = summary.estimation;
  if (est?.method === 'importance sampling') {
    out.push(`  ${tailMessages.importanceSampling(est.shift, est.effectiveSampleSize, m.paths)}`);
    if (est.effectiveSampleSize < LOW_EFFECTIVE_SAMPLE_SIZE) out.push(`  warning: ${tailMessages.lowEffectiveSampleSize(est.effectiveSampleSize, est.meanWeight)}`);
  }
  if (Object.values(summary.headline).some((s) => s.rough)) out.push(`  intervals over ${m.paths} paths use Student-t and are rough`);
  out.push(`summary: ${summaryPath}`);
  return `${out.join('\n')}\n`;
}

/**
 * "1.46%  (95% CI 1.34% to 1.58%)"; a tail figure adds its paths beyond the
 * VaR, and one with fewer than 10 says in words that it is not reliable
 * instead of printing a bare number; null says why.
 */
export function formatStat(stat: Stat | undefined, kind: Kind, tailLevel: number | null = null): string {
  if (!stat) return 'n/a (not in the summary)';
  if (stat.mean === null) return `n/a${stat.reason ? ` (${stat.reason})` : ''}`;
  const value = formatValue(stat.mean, kind);
  if (stat.tail && stat.unreliable) {
    return tailMessages.unreliable(stat.beyond ?? 0, tailLevel === null ? null : pathsNeeded(tailLevel));
  }
  const notes = [
    ...(stat.tail && stat.beyond !== undefined ? [tailMessages.beyond(stat.beyond)] : []),
    ...(stat.rough ? [tailMessages.rough] : []),
  ];
  const extra = notes.length ? `, ${notes.join(', ')}` : '';
  if (stat.ci95) return `${value}  (95% CI ${formatValue(stat.ci95[0], kind)} to ${formatValue(stat.ci95[1], kind)}${extra})`;
  if (stat.tail && stat.beyond === undefined) return `${value}  (across paths)`;
  return `${value}${stat.reason ? `  (no interval: ${stat.reason}${extra})` : ''}`;
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
