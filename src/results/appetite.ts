/**
 * Traffic lights against a scenario's risk appetite (`report.appetite`). Pure:
 * the run report and `limitlab stress` both call `appetiteVerdicts`.
 *
 * Each appetite key names a headline figure. A bare number or `{ max }` is a
 * maximum, `{ min }` a minimum; a value equal to the limit is within it.
 * - path figures: green when the mean and its whole 95% interval are within,
 *   amber when the mean is within but the interval crosses the limit, red when
 *   the mean breaches it. A mean within but without an interval (one path) is
 *   amber: nothing shows the limit is safely met.
 * - tail figures (VaR, ES) the same way, with their own 95% interval (the
 *   order-statistic or asymptotic one of src/results/tail.ts); a tail level
 *   with fewer than 10 paths beyond its VaR says it is unreliable.
 * - a red verdict says whether the interval lies wholly beyond the limit or
 *   reaches back within it (then the breach may be noise).
 * - a figure the summary lacks, or whose value is null: `unknown`, with the reason.
 * - an importance-sampled run with an effective sample size below 30: an
 *   ordinary (non-tail) figure is at best amber — the shift serves the tail.
 */
import type { AppetiteLimit } from '../scenario/schema.js';
import type { Stat, Summary } from './types.js';

export type Verdict = 'green' | 'amber' | 'red' | 'unknown';

/** Below this effective sample size an importance-sampled run's ordinary figures are not judged green. */
export const LOW_EFFECTIVE_SAMPLE_SIZE = 30;

export interface AppetiteVerdict {
  /** the headline figure the appetite key names */
  figure: string;
  bound: 'max' | 'min';
  limit: number;
  /** the figure's mean (the value, for a tail figure); null when unknown */
  value: number | null;
  ci95: [number, number] | null;
  tail: boolean;
  verdict: Verdict;
  /** one sentence a reader can act on */
  reason: string;
}

export type Appetite = Record<string, AppetiteLimit>;

/** Normalises an appetite entry to a bound and a limit. */
export function appetiteBound(limit: AppetiteLimit): { bound: 'max' | 'min'; limit: number } {
  if (typeof limit === 'number') return { bound: 'max', limit };
  if ('min' in limit) return { bound: 'min', limit: limit.min };
  return { bound: 'max', limit: limit.max };
}

function within(value: number, bound: 'max' | 'min', limit: number): boolean {
  return bound === 'max' ? value <= limit : value >= limit;
}

const pct = (x: number): string => `${(100 * x).toPrecision(3)}%`;

/** A tail figure's reliability, in words, or '' when it has 10 paths or more beyond its VaR. */
function tailCaveat(stat: Stat): string {
  if (!stat.unreliable) return '';
  const k = stat.beyond ?? 0;
  return `; unreliable: only ${k} path${k === 1 ? '' : 's'} at or beyond the VaR (run more paths or switch importance sampling on)`;
}

/** The verdict for one figure against one limit. */
export function judge(figure: string, stat: Stat | undefined, entry: AppetiteLimit): AppetiteVerdict {
  const { bound, limit } = appetiteBound(entry);
  const base = { figure, bound, limit, value: stat?.mean ?? null, ci95: stat?.ci95 ?? null, tail: stat?.tail === true };
  const side = bound === 'max' ? 'above the maximum' : 'below the minimum';
  const what = base.tail ? 'the value' : 'the mean';
  if (!stat) return { ...base, verdict: 'unknown', reason: `the summary has no headline figure '${figure}'` };
  if (stat.mean === null) {
    return { ...base, verdict: 'unknown', reason: `no value: ${stat.reason ?? 'not computed'}` };
  }
  const caveat = base.tail ? tailCaveat(stat) : '';
  const rough = stat.rough ? ' (a rough interval: fewer than 30 paths)' : '';
  if (!within(stat.mean, bound, limit)) {
    if (!stat.ci95) {
      return { ...base, verdict: 'red', reason: `${what} is ${side}, with no 95% interval to tell it from noise (${stat.reason ?? 'too few paths'})${caveat}` };
    }
    const [lo, hi] = stat.ci95;
    const wholly = !within(lo, bound, limit) && !within(hi, bound, limit);
    return {
      ...base,
      verdict: 'red',
      reason: wholly
        ? `${what} and its whole 95% interval${rough} are ${side}${caveat}`
        : `${what} is ${side}, but its 95% interval [${pct(lo)}, ${pct(hi)}]${rough} reaches back within the limit: it may be noise (check on more paths or another seed)${caveat}`,
    };
  }
  if (!stat.ci95) {
    return { ...base, verdict: 'amber', reason: `${what} is within but has no 95% interval (${stat.reason ?? 'too few paths'})${caveat}` };
  }
  const [lo, hi] = stat.ci95;
  if (within(lo, bound, limit) && within(hi, bound, limit)) {
    return { ...base, verdict: 'green', reason: `${what} and its 95% interval${rough} are within the limit${caveat}` };
  }
  return { ...base, verdict: 'amber', reason: `${what} is within but its 95% interval${rough} reaches ${side}${caveat}` };
}

/**
 * One verdict per appetite key, in the appetite's key order. An absent appetite
 * gives no verdicts.
 * @example appetiteVerdicts(summary, { annualDefaultRate: 0.025, riskAdjustedRevenueRate: { min: 0.05 } })
 */
export function appetiteVerdicts(summary: Pick<Summary, 'headline'> & Pick<Partial<Summary>, 'estimation'>, appetite: Appetite | undefined): AppetiteVerdict[] {
  if (!appetite) return [];
  const ess = summary.estimation?.method === 'importance sampling' ? summary.estimation.effectiveSampleSize : null;
  return Object.entries(appetite).map(([figure, entry]) => {
    const v = judge(figure, Object.hasOwn(summary.headline, figure) ? summary.headline[figure] : undefined, entry);
    // An importance-sampled run aims at the tail: with few effective paths an ordinary mean
    // "within" the limit shows nothing, so it is amber, never green.
    if (ess !== null && ess < LOW_EFFECTIVE_SAMPLE_SIZE && !v.tail && v.verdict === 'green') {
      return { ...v, verdict: 'amber', reason: `${v.reason}, but importance sampling left an effective sample size of ${ess.toFixed(1)}: judge this figure on a plain run` };
    }
    return v;
  });
}

/** The worst verdict of a set (red > amber > unknown > green); green for none. */
export function worstVerdict(verdicts: readonly AppetiteVerdict[]): Verdict {
  const order: Verdict[] = ['red', 'amber', 'unknown', 'green'];
  for (const v of order) if (verdicts.some((x) => x.verdict === v)) return v;
  return 'green';
}
