/**
 * Financial distress (docs/model.md "Hidden states"): a two-state chain at
 * billings, and what being distressed does to the miss hazard. These are the
 * model's dynamics, not the lender's policy: nothing in policies/ reads them.
 */
import { rateToProb } from '../clock.js';

/**
 * Probability that a healthy, current borrower becomes distressed at this
 * billing: 1 − exp(−h·P/365), h = entryBase · exp(−scoreSlope·(score − refScore)/100),
 * where entryBase = entryPerYear·exp(−macroSlope·X_t) is the path's for the step.
 */
export function distressEntryProb(entryBase: number, scoreSlope: number, score: number, refScore: number, periodDays: number): number {
  return rateToProb(entryBase * Math.exp((-scoreSlope * (score - refScore)) / 100), periodDays);
}

/**
 * The liquidity channel: a distressed borrower's miss hazard is multiplied by
 * 1 + (frozenMissMultiplier − 1)·f, f the share of the billing period spent frozen.
 */
export function liquidityMultiplier(frozenMissMultiplier: number, frozenShare: number): number {
  const f = frozenShare < 0 ? 0 : frozenShare > 1 ? 1 : frozenShare;
  return 1 + (frozenMissMultiplier - 1) * f;
}

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
