/**
 * Voluntary churn (docs/model.md, "One step of one borrower", step 8): a yearly rate, multiplied over the days that
 * fall within `afterFreezeDays` after the end of the latest freeze.
 */
import { rateToProb } from '../clock.js';

/** Length of the overlap of [lo1, hi1) and [lo2, hi2). */
export function overlap(lo1: number, hi1: number, lo2: number, hi2: number): number {
  const lo = lo1 > lo2 ? lo1 : lo2;
  const hi = hi1 < hi2 ? hi1 : hi2;
  return hi > lo ? hi - lo : 0;
}

/** Probability of churning in the step [from, to) given the end of the latest freeze. */
export function churnProbability(
  perYear: number,
  multiplier: number,
  afterFreezeDays: number,
  lastFreezeEnd: number,
  from: number,
  to: number,
): number {
  if (perYear <= 0) return 0;
  const elevated = overlap(lastFreezeEnd, lastFreezeEnd + afterFreezeDays, from, to);
  return rateToProb(perYear, to - from + (multiplier - 1) * elevated);
}

/** An open account churns in this step when its uniform falls below the step's churn probability. */
export function churns(u: number, prob: number): boolean {
  return u < prob;
}
