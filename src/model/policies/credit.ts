/**
 * Credit events (docs/model.md, "One step of one borrower", step 4): the miss hazard and its one-factor threshold,
 * the cure probability. Pure functions; the borrower step does the bookkeeping.
 */
import { normalQuantile } from '../../stats/normal.js';
import { normalQuantileLowerBound, normalQuantileUpperBound } from '../../stats/normalBounds.js';
import { rateToProb } from '../clock.js';

export interface MissParams {
  annualMissRateAtRef: number;
  refScore: number;
  scoreSlope: number;
  utilSlope: number;
}

/** Yearly miss hazard for a current borrower at this score and utilisation. */
export function missHazard(p: MissParams, score: number, utilisation: number): number {
  return p.annualMissRateAtRef * Math.exp((-p.scoreSlope * (score - p.refScore)) / 100) * (1 + p.utilSlope * utilisation);
}

/**
 * Whether a current borrower misses this billing: the one-factor latent variable
 * sqrt(ρ)·X + sqrt(1−ρ)·ε falls below Φ⁻¹(q), q the period's miss probability.
 */
export function misses(hazard: number, periodDays: number, sqrtRho: number, sqrtOneMinusRho: number, x: number, eps: number): boolean {
  const q = rateToProb(hazard, periodDays);
  if (q <= 0) return false;
  if (q >= 1) return true;
  return sqrtRho * x + sqrtOneMinusRho * eps < normalQuantile(q);
}

/**
 * `misses(hazard, periodDays, sqrtRho, sqrtOneMinusRho, x, normalQuantile(u))`:
 * the same answer for every input, but the two normal quantiles are computed only
 * when bounds on them cannot settle it. With a miss probability of a few per mille,
 * the latent variable is nearly always far above the threshold: a bound below ε
 * and one above Φ⁻¹(q) show it, and the hot loop saves two quantiles a billing.
 * (Rounding is monotone, so the bounded sum is at or below the exact one.)
 */
export function missesFromUniform(
  hazard: number, periodDays: number, sqrtRho: number, sqrtOneMinusRho: number, x: number, u: number,
): boolean {
  const q = rateToProb(hazard, periodDays);
  if (q <= 0) return false;
  if (q >= 1) return true;
  const systematic = sqrtRho * x;
  if (systematic + sqrtOneMinusRho * normalQuantileLowerBound(u) >= normalQuantileUpperBound(q)) return false;
  return systematic + sqrtOneMinusRho * normalQuantile(u) < normalQuantile(q);
}

/** Probability that a delinquent borrower cures at this billing. */
export function cureProbability(cureRatePerYear: number, cureMacroSlope: number, x: number, periodDays: number): number {
  return rateToProb(cureRatePerYear * Math.exp(cureMacroSlope * x), periodDays);
}

/** A delinquent borrower cures at this billing when its uniform falls below the cure probability. */
export function cures(u: number, cureProb: number): boolean {
  return u < cureProb;
}

/** A current borrower that paid also prepays in full when its uniform falls below the period's prepayment probability. */
export function prepays(u: number, prepayProb: number): boolean {
  return u < prepayProb;
}

/** Default as soon as days past due exceed `defaultDpd`. */
export function defaultsNow(dpd: number, defaultDpd: number): boolean {
  return dpd > defaultDpd;
}
