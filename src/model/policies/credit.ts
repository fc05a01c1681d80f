/**
 * Credit events (MODEL.md step 2): the miss hazard and its one-factor threshold,
 * the cure probability. Pure functions; the borrower step does the bookkeeping.
 */
import { normalQuantile } from '../../stats/normal.js';
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

/** Probability that a delinquent borrower cures at this billing. */
export function cureProbability(cureRatePerYear: number, cureMacroSlope: number, x: number, periodDays: number): number {
  return rateToProb(cureRatePerYear * Math.exp(cureMacroSlope * x), periodDays);
}
