/**
 * Summaries of a figure across paths: the `Stat` of summary.json (mean, its
 * standard error and 95% interval, percentiles), tail figures (VaR, ES) and
 * the histogram behind the loss-distribution chart. Never NaN or Infinity: a
 * value that cannot be computed is null and `reason` says why.
 */
import { mean as ssMean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { Stat } from './types.js';
import { studentTQuantile } from './student-t.js';
import { type TailPair, tailPair } from './tail.js';
import { type Weighted, weightedMean, weightedQuantileSorted } from './weighted.js';

export const NO_VALUE_REASON = 'no path gave a value';
export const ONE_PATH_REASON = 'one path: no standard error';

/** 97.5% normal quantile, for the 95% interval of the mean. */
const Z975 = 1.96;

function empty(n: number, reason: string, tail = false): Stat {
  const s: Stat = { mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n };
  if (tail) s.tail = true;
  s.reason = reason;
  return s;
}

/**
 * The numbers among the path values, sorted ascending, or the reason they
 * cannot be summarised.
 */
function sortedNumbers(values: ReadonlyArray<number | null>, sort = true): number[] | string {
  const xs: number[] = [];
  let bad = 0;
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isFinite(v)) bad++;
    else xs.push(v);
  }
  if (bad > 0) return `${bad} path value${bad === 1 ? ' is' : 's are'} not a finite number`;
  return sort ? xs.sort((a, b) => a - b) : xs;
}

/** Below this many paths an interval of a mean uses Student-t and is called rough. */
export const ROUGH_BELOW_PATHS = 30;

/** The 97.5% quantile for an interval of a mean over n paths: Student-t below 30 paths. */
function intervalQuantile(n: number): number {
  return n < ROUGH_BELOW_PATHS ? studentTQuantile(0.975, n - 1) : Z975;
}

/** True when there are weights and one of them is not exactly 1 (shift 0 gives exactly 1). */
function isWeighted(weights: ReadonlyArray<number> | undefined): weights is ReadonlyArray<number> {
  return weights !== undefined && weights.some((w) => w !== 1);
}

/**
 * Summarises a per-path figure across paths. Nulls (paths without a value)
 * are skipped and n counts the rest. se = sample sd (n − 1) / √n;
 * ci95 = mean ± 1.96·se, or ± t(0.975, n − 1)·se below 30 paths (then
 * `rough: true`; the interval is never clipped); percentiles interpolate
 * linearly between order statistics (R's type 7, simple-statistics'
 * `quantileSorted`). With one path the se and interval are null (reason "one
 * path: no standard error"); with none everything is null with
 * `reasonIfNone`. A NaN or infinite path value, or an overflow, makes the
 * whole Stat null with a reason rather than NaN.
 *
 * With importance-sampling `weights` (the paths' likelihood ratios, aligned
 * with `values`) the mean is (1/n)·Σ w·x, se = sd(w·x)/√n and percentiles
 * invert the weighted distribution function (src/results/weighted.ts). Unit
 * weights give the plain estimators, bit for bit.
 *
 * @see R. J. Hyndman and Y. Fan (1996), "Sample quantiles in statistical
 *   packages", The American Statistician 50, 361–365 (type 7); docs/model.md,
 *   "What is counted"; docs/tail-risk.md.
 * @param values per-path values in path order, null where a path gives none
 * @param reasonIfNone the reason when no path gives a value
 * @param weights the paths' likelihood ratios in path order, or undefined
 * @returns the Stat
 * @example
 * summarise([1, 2, 3, 4, 100]).p95; // => 80.79999999999998
 */
export function summarise(
  values: ReadonlyArray<number | null>,
  reasonIfNone: string = NO_VALUE_REASON,
  weights?: ReadonlyArray<number>,
): Stat {
  // weighted: the pairs are sorted instead (sorting twice cost more than the estimators)
  const xs = sortedNumbers(values, !isWeighted(weights));
  const count = values.reduce<number>((c, v) => (v === null ? c : c + 1), 0);
  if (typeof xs === 'string') return empty(count, xs);
  const n = xs.length;
  if (n === 0) return empty(0, reasonIfNone);
  let mean: number;
  let p05: number;
  let p50: number;
  let p95: number;
  let se: number | null;
  if (isWeighted(weights)) {
    const pairs = weightedPairs(values, weights);
    ({ mean, se } = weightedMean(pairs));
    p05 = weightedQuantileSorted(pairs, 0.05);
    p50 = weightedQuantileSorted(pairs, 0.5);
    p95 = weightedQuantileSorted(pairs, 0.95);
  } else {
    mean = ssMean(xs);
    p05 = quantileSorted(xs, 0.05);
    p50 = quantileSorted(xs, 0.5);
    p95 = quantileSorted(xs, 0.95);
    se = n > 1 ? sampleStandardDeviation(xs) / Math.sqrt(n) : null;
  }
  if (![mean, p05, p50, p95].every(Number.isFinite)) return empty(n, 'path values too large to summarise');
  if (n === 1 || se === null) return { mean, se: null, ci95: null, p05, p50, p95, n, reason: ONE_PATH_REASON };
  const half = intervalQuantile(n) * se;
  const lo = mean - half;
  const hi = mean + half;
  if (![se, lo, hi].every(Number.isFinite)) {
    return { mean, se: null, ci95: null, p05, p50, p95, n, reason: 'path values too spread to give a standard error' };
  }
  const s: Stat = { mean, se, ci95: [lo, hi], p05, p50, p95, n };
  if (n < ROUGH_BELOW_PATHS) s.rough = true;
  return s;
}

/** The non-null values with their weights, ascending by value. */
function weightedPairs(values: ReadonlyArray<number | null>, weights: ReadonlyArray<number>): Weighted[] {
  if (weights.length !== values.length) throw new RangeError(`weights (${weights.length}) and values (${values.length}) differ in length`);
  const pairs: Weighted[] = [];
  values.forEach((x, i) => {
    if (x !== null) pairs.push({ x, w: weights[i]! });
  });
  return pairs.sort((a, b) => a.x - b.x);
}

/**
 * VaR_α and ES_α of a per-path figure with their 95% intervals, the paths at
 * or beyond the VaR and whether the level is reliable (src/results/tail.ts).
 * VaR_α is the α-quantile of the path values (type 7 for plain Monte Carlo,
 * the weighted tail-side quantile with importance sampling); ES_α the
 * (weighted) mean of the path values at or above VaR_α.
 *
 * @see docs/model.md, "What is counted"; C. Acerbi and D. Tasche (2002), "On the
 *   coherence of expected shortfall", J. Banking & Finance 26, 1487–1503.
 * @param values per-path values, null where a path gives none
 * @param alpha the level in (0, 1), e.g. 0.99
 * @param weights the paths' likelihood ratios aligned with `values`, or undefined
 * @param reasonIfNone the reason when no path gives a value
 * @returns the VaR and ES Stats
 * @throws {RangeError} if alpha is outside (0, 1)
 * @example
 * tailStats([1, 2, 3, 4, 100], 0.95).es.mean; // => 100
 */
export function tailStats(
  values: ReadonlyArray<number | null>,
  alpha: number,
  weights?: ReadonlyArray<number>,
  reasonIfNone: string = NO_VALUE_REASON,
): TailPair {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`tailStats requires alpha in (0, 1), got ${alpha}`);
  const xs = sortedNumbers(values, !isWeighted(weights));
  const count = values.reduce<number>((c, v) => (v === null ? c : c + 1), 0);
  const none = (n: number, reason: string): TailPair => ({ var: empty(n, reason, true), es: empty(n, reason, true) });
  if (typeof xs === 'string') return none(count, xs);
  if (xs.length === 0) return none(0, reasonIfNone);
  if (isWeighted(weights)) {
    const pairs = weightedPairs(values, weights);
    return tailPair(pairs.map((p) => p.x), alpha, pairs.map((p) => p.w));
  }
  return tailPair(xs, alpha);
}

/**
 * One tail figure of {@link tailStats}: VaR_α ('var') or ES_α ('es').
 *
 * @param values per-path values, null where a path gives none
 * @param alpha the level in (0, 1), e.g. 0.99
 * @param kind 'var' or 'es'
 * @param reasonIfNone the reason when no path gives a value
 * @returns the Stat
 * @throws {RangeError} if alpha is outside (0, 1)
 * @example
 * tailStat([1, 2, 3, 4, 100], 0.95, 'es').mean; // => 100
 */
export function tailStat(
  values: ReadonlyArray<number | null>,
  alpha: number,
  kind: 'var' | 'es',
  reasonIfNone: string = NO_VALUE_REASON,
): Stat {
  return tailStats(values, alpha, undefined, reasonIfNone)[kind];
}

export interface Histogram {
  binStart: number[];
  binEnd: number[];
  count: number[];
}

/**
 * A "nice" bin width: 1, 2 or 5 × 10^k, the smallest not below `raw`.
 * Returned with its inverse when that is an integer, so bin edges can be
 * computed as i/inverse (correctly rounded: 0.3, not 0.30000000000000004).
 */
function niceStep(raw: number): { step: number; inverse: number | null } {
  const exponent = Math.floor(Math.log10(raw));
  for (let e = exponent - 1; e <= exponent + 1; e++) {
    for (const m of [1, 2, 5]) {
      const step = e >= 0 ? m * 10 ** e : m / 10 ** -e;
      if (step >= raw * (1 - 1e-12)) return { step, inverse: e < 0 ? 10 ** -e / m : null };
    }
  }
  return { step: 10 ** (exponent + 1), inverse: null };
}

/**
 * A histogram of the path values with nice, deterministic bin edges: the
 * width is the smallest 1, 2 or 5 × 10^k giving at most `bins` bins over the
 * data's range (at most 2 when `bins` is 1 and the range straddles a
 * multiple of every width, such as 0), edges are multiples of the width,
 * bins are [start, end) and the last also holds its end. Nulls are skipped; non-finite values are not
 * counted. No values: empty arrays. All values equal: one bin holding them.
 *
 * @see P. S. Heckbert (1990), "Nice numbers for graph labels", Graphics Gems.
 * @param values the path values
 * @param bins the most bins wanted, an integer ≥ 1
 * @returns bin starts, ends and counts, in ascending order
 * @throws {RangeError} if bins is not a positive integer
 * @example
 * histogram([0.01, 0.02, 0.035, 0.05], 4); // => { binStart: [0.01, 0.02, 0.03, 0.04], binEnd: [0.02, 0.03, 0.04, 0.05], count: [1, 1, 1, 1] }
 */
export function histogram(values: ReadonlyArray<number | null>, bins: number): Histogram {
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`histogram requires an integer bins >= 1, got ${bins}`);
  const xs: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) xs.push(v);
  if (xs.length === 0) return { binStart: [], binEnd: [], count: [] };
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const span = max > min ? max - min : Math.abs(min) > 0 ? Math.abs(min) : 1;
  let { step, inverse } = niceStep(span / bins);
  let first = Math.floor(min / step);
  let last = Math.max(first + 1, Math.ceil(max / step));
  // Rounding to the nice grid can add a bin at each end; widen the step until it fits.
  // A range that straddles a multiple of every step (e.g. 0) needs two bins however wide.
  while (last - first > bins && step < span) {
    ({ step, inverse } = niceStep(step * (1 + 1e-9)));
    first = Math.floor(min / step);
    last = Math.max(first + 1, Math.ceil(max / step));
  }
  const edge = (i: number): number => (inverse !== null ? i / inverse : i * step);
  const nb = last - first;
  const binStart: number[] = [];
  const binEnd: number[] = [];
  const count: number[] = new Array<number>(nb).fill(0);
  for (let i = 0; i < nb; i++) {
    binStart.push(edge(first + i));
    binEnd.push(edge(first + i + 1));
  }
  for (const x of xs) {
    let i = Math.min(nb - 1, Math.max(0, Math.floor((x - binStart[0]!) / step)));
    while (i > 0 && x < binStart[i]!) i--;
    while (i < nb - 1 && x >= binEnd[i]!) i++;
    count[i]!++;
  }
  return { binStart, binEnd, count };
}
