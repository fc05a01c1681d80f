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
