/**
 * Bust-out fraud, account takeover and the investigation of risk-model catches
 * (docs/model.md "Hidden states"): the pure parts of their dynamics.
 */

/** A planner's onset day from its uniform: exponential with the mean sleeper time, from day 0. */
export function onsetDay(u: number, meanSleeperDays: number): number {
  return -Math.log1p(-u) * meanSleeperDays;
}

/** Days from one takeover arrival to the next (a Poisson process at perYear). */
export function takeoverGap(u: number, perYear: number): number {
  return (-Math.log1p(-u) * 365) / perYear;
}

/**
 * The identity check's pass probability for the account at hand: a taken-over
 * account's fraudster passes with 1 − takeoverCatchProb, a bust-out planner
 * (before or after its onset) with 1 − bustOutCatchProb, anyone else with passProb.
 */
export function identityPassProb(
  takenOver: boolean, planner: boolean, passProb: number, takeoverCatchProb: number, bustOutCatchProb: number,
): number {
  if (takenOver) return 1 - takeoverCatchProb;
  if (planner) return 1 - bustOutCatchProb;
  return passProb;
}

/**
 * An investigation confirms fraud only on an account in its bust-out or taken
 * over, with confirmProb; `u` is uniform on [0, 1) (the catch's own uniform,
 * rescaled: given the catch, u/p is uniform and independent of it).
 */
export function investigationConfirms(enabled: boolean, fraudulent: boolean, u: number, confirmProb: number): boolean {
  return enabled && fraudulent && u < confirmProb;
}

/**
 * A default on a taken-over account: the fraudster's part of the balance is
 * fraud loss in full, the rest credit loss at lgd. Returns the fraud part.
 */
export function takeoverFraudPart(balance: number, fraudsterDrawn: number): number {
  return Math.min(balance, fraudsterDrawn);
}
