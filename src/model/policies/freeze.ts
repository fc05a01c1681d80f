/**
 * Freeze rules (docs/model.md, "One step of one borrower", step 6) as pure functions: large-draw detection,
 * the velocity window, maintenance, the score floor with hysteresis,
 * attribution to the most severe cause, and closure.
 */

/** Cause indices in order of severity (index 0 is the most severe). */
export const enum Cause {
  Delinquency = 0,
  Fraud = 1,
  ScoreFloor = 2,
  Identity = 3,
  RiskModel = 4,
  Maintenance = 5,
}
export const CAUSE_COUNT = 6;

/**
 * How many of `attempts` unblocked attempts of `amount` each, drawn in turn and
 * each capped by what is left of the limit, come out above `largeShare·limit`.
 * Attempt j (1-based) gets min(amount, room − (j−1)·amount); it is large when
 * that exceeds largeShare·limit.
 */
export function largeDrawCount(attempts: number, amount: number, room: number, limit: number, largeShare: number): number {
  const threshold = largeShare * limit;
  if (attempts <= 0 || amount <= threshold || room <= threshold) return 0;
  return Math.min(attempts, Math.ceil((room - threshold) / amount));
}

/** Probability that at least one of `n` independent chances with `p` each fires. */
export function anyOf(n: number, p: number): number {
  return n <= 0 ? 0 : 1 - Math.pow(1 - p, n);
}

/**
 * Score-floor suspension with hysteresis: suspended below `min`, lifted only at
 * or above `min + hysteresis`. Returns the new suspended flag.
 */
export function scoreFloorSuspended(wasSuspended: boolean, score: number, min: number, hysteresis: number): boolean {
  return wasSuspended ? score < min + hysteresis : score < min;
}

/** The most severe cause among a bitmask of fired causes (bit i = cause i), or −1. */
export function mostSevere(firedMask: number): number {
  if (firedMask === 0) return -1;
  return 31 - Math.clz32(firedMask & -firedMask);
}

/**
 * Closure: `max` freeze events within (day − 365, day]. `recent` holds the days of
 * the latest events (a ring of size ≥ max, unused entries −Infinity).
 */
export function shouldClose(recent: Float64Array, day: number, max: number): boolean {
  let count = 0;
  for (let i = 0; i < recent.length; i++) if (recent[i]! > day - 365 && recent[i]! <= day) count++;
  return count >= max;
}

/** What an untimed freeze rule does at a step's end. */
export const enum Change {
  Keep = 0,
  Fire = 1,
  Lift = 2,
}

/** The delinquency freeze: fires when a delinquent account is not yet frozen for it, lifts when it is current again. */
export function delinquencyFreeze(active: boolean, dpd: number): number {
  if (dpd > 0 && !active) return Change.Fire;
  if (dpd === 0 && active) return Change.Lift;
  return Change.Keep;
}

/** The score-floor suspension (checked at billings), with its hysteresis. */
export function scoreFloorFreeze(suspended: boolean, score: number, min: number, hysteresis: number): number {
  const now = scoreFloorSuspended(suspended, score, min, hysteresis);
  if (now && !suspended) return Change.Fire;
  if (!now && suspended) return Change.Lift;
  return Change.Keep;
}

/** The risk model catches at least one of the step's `large` large draws, each with `detectProb`. */
export function largeDrawCaught(u: number, large: number, detectProb: number): boolean {
  return large > 0 && u < anyOf(large, detectProb);
}

/** At the end of a velocity window whose count reached `maxDraws`, the account is caught with `detectProb`. */
export function velocityCaught(u: number, windowEnds: boolean, windowDraws: number, maxDraws: number, detectProb: number): boolean {
  return windowEnds && windowDraws >= maxDraws && u < detectProb;
}

/** The step's maintenance events hit the account with `hitProb` (1 − (1 − affectedShare)^n). */
export function maintenanceHits(u: number, hitProb: number): boolean {
  return u < hitProb;
}
