/** The two-state distress chain's closed form (MODEL.md "Reference values", v2): an oracle for tests. */

/**
 * The distressed share after k billings of a two-state chain with per-period
 * entry p and exit q from a start share π0: π∞ + (π0 − π∞)(1 − p − q)^k,
 * π∞ = p/(p+q). The closed form the engine is tested against.
 */
export function distressedShareAfter(p: number, q: number, pi0: number, k: number): number {
  if (p + q === 0) return pi0;
  const piInf = p / (p + q);
  return piInf + (pi0 - piInf) * Math.pow(1 - p - q, k);
}
