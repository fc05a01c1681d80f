/**
 * Who the borrowers are (docs/model.md, "Borrowers"): segment quotas and each
 * borrower's traits, drawn from the borrower's own population stream so that the
 * population depends only on (seed, path, borrower) and the segment definitions.
 */
import type { Scenario, Segment } from '../scenario/schema.js';
import { normalQuantile } from '../stats/normal.js';
import { betaSample, gammaSample, lognormalFromUniform } from '../stats/sampling.js';
import { toOpenUnit } from './uniform.js';
import { roundLimit } from './policies/limits.js';

/**
 * Segment sizes for N borrowers: floor(share·N) each, the remainder to the largest
 * fractional parts (ties to the earlier segment). Borrowers are numbered
 * segment by segment, so borrower i's segment depends only on i and the shares.
 */
export function segmentQuotas(shares: readonly number[], n: number): number[] {
  const exact = shares.map((s) => s * n);
  const quotas = exact.map((e) => Math.floor(e));
  let remainder = n - quotas.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, frac: e - Math.floor(e) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; remainder > 0 && k < order.length; k++, remainder--) quotas[order[k]!.i]! += 1;
  return quotas;
}

/** First borrower index of each segment, plus a final entry equal to N. */
export function segmentStarts(quotas: readonly number[]): number[] {
  const starts = [0];
  for (const q of quotas) starts.push(starts[starts.length - 1]! + q);
  return starts;
}

export function segmentOf(starts: readonly number[], borrower: number): number {
  let s = 0;
  while (borrower >= starts[s + 1]!) s++;
  return s;
}

/**
 * What the population stream decides about a borrower. The borrower's state
 * (model/borrower.ts) has these fields, so traits are drawn straight into it.
 */
export interface Traits {
  segment: number;
  score: number;
  monthlyIncome: number;
  externalDti: number;
  drawsPerYear: number;
  drawShare: number;
  limit: number;
  balance: number;
}

/**
 * Draw one borrower's traits from its population stream (rejection sampling for
 * Gamma and Beta makes the count of uniforms vary, which is why this stream is
 * separate from the per-step shocks).
 */
export function drawTraits(scenario: Scenario, seg: Segment, segIndex: number, next: () => number, out: Traits): void {
  const sc = scenario.score;
  out.segment = segIndex;
  out.score = clamp(seg.score.mean + seg.score.sd * normalQuantile(toOpenUnit(next())), sc.min, sc.max);
  out.monthlyIncome = lognormalFromUniform(toOpenUnit(next()), seg.monthlyIncome.median, seg.monthlyIncome.sigma);
  out.externalDti = Math.max(0, seg.externalDti.mean + seg.externalDti.sd * normalQuantile(toOpenUnit(next())));
  const cv2 = seg.drawsPerYear.cv * seg.drawsPerYear.cv;
  out.drawsPerYear = seg.drawsPerYear.mean > 0 ? gammaSample(next, 1 / cv2, seg.drawsPerYear.mean * cv2) : 0;
  const ds = seg.drawShare;
  out.drawShare = betaSample(next, ds.mean * ds.concentration, (1 - ds.mean) * ds.concentration);
  const init = scenario.limits.initial;
  const raw = out.monthlyIncome * init.incomeMultiple * Math.exp((init.scoreSlope * (out.score - scenario.credit.refScore)) / 100);
  out.limit = roundLimit(clamp(raw, init.min, init.max), init.roundTo);
  const iu = seg.initialUtilisation;
  out.balance = out.limit * betaSample(next, iu.mean * iu.concentration, (1 - iu.mean) * iu.concentration);
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
