/**
 * The change of a figure between two runs, from their per-path values: paired
 * across paths when the runs share their random numbers path by path, else as
 * the difference of two independent means. Never NaN or Infinity: what cannot
 * be computed is null with a reason.
 */
import { summarise } from '../results/stat.js';
import type { Stat } from '../results/types.js';
import { compareMessages } from '../messages.js';
import { DEFAULT_MATERIALITY, withMateriality } from './materiality.js';
import type { PathFigureDelta } from './types.js';

/** 97.5% normal quantile, as for every 95% interval of limitlab (src/results/stat.ts). */
const Z975 = 1.96;

/** Mean and sample variance (n − 1) by two passes, so that equal values give a variance of exactly 0. */
function meanVariance(xs: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: xs.length > 1 ? ss / (xs.length - 1) : 0 };
}

/** Placeholders until `judged` fills them in. */
const UNJUDGED = { relative: null, materialityThreshold: null, verdict: 'no interval' } as const;

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function interval(mean: number, se: number): { ci95: [number, number]; distinguishable: boolean } | undefined {
  const lo = mean - Z975 * se;
  const hi = mean + Z975 * se;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  // An interval of exactly [0, 0] (identical runs) is not distinguishable from zero.
  return { ci95: [lo, hi], distinguishable: lo > 0 || hi < 0 };
}

/**
 * The paired difference `b − a` of a figure with one value per path, the two
 * arrays in path order. Paths where either run gives no value (null) are left
 * out. Reports the mean difference, its standard error sd(bᵢ − aᵢ)/√n, the 95%
 * interval (± 1.96 se), whether it excludes zero, and the variance-reduction
 * factor (var a + var b)/var(b − a) over the same pairs: the factor by which
 * pairing (common random numbers) cuts the variance of the difference against
 * two independent runs of the same size; and the change relative to the base
 * with its verdict at `materiality` (src/compare/materiality.ts). Arrays of
 * different lengths cannot be paired: see {@link unpairedDifference}.
 *
 * @see docs/model.md, "Randomness and the engine's guarantees" (common random numbers); P. Glasserman
 *   (2003), Monte Carlo Methods in Financial Engineering, §4.2 (control of
 *   variance by common random numbers).
 * @param a the base's per-path values
 * @param b the alternative's per-path values
 * @param materiality the materiality threshold as a fraction of the base value (default 1%)
 * @returns the difference of the means, with se, interval, factor and verdict
 * @example
 * pairedDifference([1, 2, 3], [2, 3, 5]).difference; // => 1.3333333333333333
 * pairedDifference([1, 2, 3], [1, 2, 3]).varianceReduction; // => null
 */
export function pairedDifference(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>, materiality = DEFAULT_MATERIALITY): PathFigureDelta {
  if (a.length !== b.length) return unpairedDifference(summarise(a), summarise(b), compareMessages.notPairedLengths(a.length, b.length), materiality);
  return withMateriality(paired(a, b), materiality);
}

function paired(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>): PathFigureDelta {
  const xs: number[] = [];
  const ys: number[] = [];
  const ds: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!finite(x) || !finite(y)) continue;
    xs.push(x);
    ys.push(y);
    ds.push(y - x);
  }
  const n = ds.length;
  const base = summarise(a).mean;
  const alternative = summarise(b).mean;
  const out: PathFigureDelta = {
    base,
    alternative,
    method: 'paired',
    difference: null,
    se: null,
    ci95: null,
    n,
    distinguishable: null,
    varianceReduction: null,
    ...UNJUDGED,
  };
  if (n === 0) return { ...out, reason: compareMessages.noPairs(), varianceReductionReason: compareMessages.noPairs() };
  const d = meanVariance(ds);
  if (!Number.isFinite(d.mean)) return { ...out, reason: compareMessages.tooLarge(), varianceReductionReason: compareMessages.tooLarge() };
  out.difference = d.mean;
  if (n === 1) return { ...out, reason: compareMessages.onePair(), varianceReductionReason: compareMessages.onePair() };

  const se = Math.sqrt(d.variance / n);
  const iv = Number.isFinite(se) ? interval(d.mean, se) : undefined;
  if (iv) Object.assign(out, { se, ...iv });
  else out.reason = compareMessages.tooSpread();

  const varA = meanVariance(xs).variance;
  const varB = meanVariance(ys).variance;
  if (d.variance === 0) out.varianceReductionReason = compareMessages.zeroPairedVariance();
  else {
    const factor = (varA + varB) / d.variance;
    if (Number.isFinite(factor)) out.varianceReduction = factor;
    else out.varianceReductionReason = compareMessages.tooSpread();
  }
  return out;
}

/**
 * The difference `b − a` of two means from independent runs (or runs that cannot
 * be paired): se = √(se_a² + se_b²). No variance-reduction factor.
 *
 * @param a the base's Stat
 * @param b the alternative's Stat
 * @param why why the runs are not paired (recorded as the factor's reason)
 * @param materiality the materiality threshold as a fraction of the base value
 * @returns the difference with se and interval
 * @example
 * unpairedDifference(summarise([1, 2, 3]), summarise([2, 3, 4, 5]), 'different path counts').difference; // => 1.5
 */
export function unpairedDifference(a: Stat, b: Stat, why: string, materiality = DEFAULT_MATERIALITY): PathFigureDelta {
  return withMateriality(unpaired(a, b, why), materiality);
}

function unpaired(a: Stat, b: Stat, why: string): PathFigureDelta {
  const out: PathFigureDelta = {
    base: a.mean,
    alternative: b.mean,
    method: 'unpaired',
    difference: null,
    se: null,
    ci95: null,
    n: Math.min(a.n, b.n),
    distinguishable: null,
    varianceReduction: null,
    varianceReductionReason: why,
    ...UNJUDGED,
  };
  if (a.mean === null || b.mean === null) return { ...out, reason: a.reason ?? b.reason ?? compareMessages.noPairs() };
  out.difference = b.mean - a.mean;
  if (a.se === null || b.se === null) return { ...out, reason: a.se === null ? (a.reason ?? compareMessages.onePair()) : (b.reason ?? compareMessages.onePair()) };
  const se = Math.sqrt(a.se * a.se + b.se * b.se);
  const iv = Number.isFinite(se) ? interval(out.difference, se) : undefined;
  if (!iv) return { ...out, reason: compareMessages.tooSpread() };
  return { ...out, se, ...iv };
}
