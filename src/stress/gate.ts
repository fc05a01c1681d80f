/**
 * The gate: every limit of every scenario judged on the mean, or a tail figure's
 * value, with its interval (src/results/appetite.ts),
 * and the run fails when any limit is breached, or cannot be judged (a limit
 * nobody can show is met is not "within appetite").
 */
import { appetiteVerdicts } from '../results/appetite.js';
import type { Summary } from '../results/types.js';
import type { Breach, StressVerdict, SuiteMember } from './types.js';

/** One verdict per gating limit of the member, with where the limit came from. */
export function memberVerdicts(member: SuiteMember, summary: Pick<Summary, 'headline'> & Pick<Partial<Summary>, 'estimation'>): StressVerdict[] {
  return appetiteVerdicts(summary, member.scenario.report?.appetite).map((v) => ({ ...v, source: member.limitSources[v.figure] ?? 'scenario' }));
}

/** The limits the run fails on, in suite order. Amber (the interval crosses, the mean is within) passes. */
export function breaches(outcomes: readonly { name: string; verdicts: readonly StressVerdict[] }[]): Breach[] {
  return outcomes.flatMap((o) =>
    o.verdicts
      .filter((v): v is StressVerdict & { verdict: 'red' | 'unknown' } => v.verdict === 'red' || v.verdict === 'unknown')
      .map((v) => ({ scenario: o.name, figure: v.figure, bound: v.bound, limit: v.limit, value: v.value, verdict: v.verdict, reason: v.reason })),
  );
}
