/** The short human summary `limitlab run` prints at the end. */
import type { Stat, Summary } from '../results/types.js';
import { FIGURES, type FigureName } from '../results/registry.js';
import { pathsNeeded, tailLevelOf } from '../results/tail.js';
import { LOW_EFFECTIVE_SAMPLE_SIZE } from '../results/appetite.js';
import { tailMessages } from '../messages.js';

type Kind = 'percent' | 'number';

/** The committee's first questions: defaults, losses, freezes, requests, revenue (labels from the registry). */
const LINES: readonly FigureName[] = [
  'annualDefaultRate',
  'lossRate',
  'annualLossRate',
  'lossRateVaR99',
  'lossRateVaR999',
  'lossRateES99',
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
