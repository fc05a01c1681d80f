/**
 * Tail figures across paths with their 95% intervals (docs/tail-risk.md):
 * VaR_α and ES_α of a per-path figure, the paths at or beyond the VaR, and
 * whether that is enough to trust the level.
 *
 * - VaR, plain Monte Carlo: the type-7 α-quantile, and the distribution-free
 *   order-statistic interval [X_(l), X_(u)] with P(l ≤ B < u) ≥ 95% for
 *   B ~ Binomial(n, α) — exact, whatever the distribution. With too few paths
 *   one end does not exist, and the interval is null with the reason.
 * - VaR, importance sampling: the weighted quantile on the tail side, and the
 *   interval that inverts the test of P(X > x) = 1 − α: the values x whose
 *   estimated tail probability is within 1.96 standard errors of 1 − α.
 * - ES: the (weighted) mean of the values at or above VaR, and the asymptotic
 *   interval ES ± 1.96·sd(w·(X − VaR)⁺)/(√n·(1 − α)) (Manistre–Hancock; with
 *   unit weights, Var = [Var(X | X > v) + α·(ES − v)²]/(n·(1 − α))).
 */
import { binomialPmfPQ } from '../stats/pmf.js';
import type { Stat } from './types.js';
import { type Weighted, weightedQuantileSorted } from './weighted.js';
import { quantileSorted } from 'simple-statistics';

/** Paths at or beyond the VaR below which a tail level is marked unreliable. */
export const MIN_PATHS_BEYOND = 10;

const Z975 = 1.96;

/** The level of a tail figure named like lossRateVaR999 or lossAmountES95 (0.999, 0.95), or null. */
export function tailLevelOf(figure: string): number | null {
  const m = /(?:VaR|ES)(\d+)$/.exec(figure);
  return m ? Number(`0.${m[1]}`) : null;
}

/** Paths a level needs to have about MIN_PATHS_BEYOND paths beyond its VaR. */
export function pathsNeeded(alpha: number): number {
  return Math.ceil(MIN_PATHS_BEYOND / (1 - alpha) - 1e-9);
}

/**
 * The ranks (1-based) of the order statistics bounding the distribution-free
 * 95% interval of the α-quantile over n values, P(l ≤ B < u) ≥ 95% for
 * B ~ Binomial(n, α): from equal tails (P(B < l) ≤ 2.5%, P(B ≥ u) ≤ 2.5%),
 * narrowed one rank at a time while the coverage stays at or above 95%, so
 * it is exact and no wider than it must be.
 * A side that needs rank 0 or n + 1 is null (the interval is unbounded there).
 *
 * @see H. A. David and H. N. Nagaraja (2003), Order Statistics, 3rd ed., section 7.1.
 * @param n the number of values
 * @param alpha the level in (0, 1)
 * @returns the lower and upper ranks, and the exact coverage P(l ≤ B < u)
 * @example
 * orderStatisticRanks(1000, 0.99); // => { lower: 984, upper: 996, coverage: 0.9568… }
 */
export function orderStatisticRanks(n: number, alpha: number): { lower: number | null; upper: number | null; coverage: number } {
  const cdf: number[] = [];
  let c = 0;
  for (let k = 0; k <= n; k++) {
    c += binomialPmfPQ(k, n, alpha, 1 - alpha);
    cdf.push(Math.min(1, c));
  }
  const below = (r: number): number => (r <= 0 ? 0 : cdf[r - 1]!); // P(B < r)
  let lower = 0;
  while (lower + 1 <= n && below(lower + 1) <= 0.025) lower++;
  let upper = n + 1;
  while (upper - 1 >= 1 && 1 - below(upper - 1) <= 0.025) upper--;
  // Equal tails overshoot 95% by up to two ranks' probability; move in whichever
  // end keeps the coverage at or above 95%, the larger step first, while one does.
  const cover = (l: number, u: number): number => below(u) - below(Math.max(l, 0));
  for (;;) {
    const up = lower + 1 < upper - 1 ? cover(lower + 1, upper) : 0;
    const down = upper - 1 > lower + 1 ? cover(lower, upper - 1) : 0;
    if (up >= 0.95 && (up <= down || down < 0.95)) lower++;
    else if (down >= 0.95) upper--;
    else break;
  }
  const coverage = cover(lower, upper);
  return { lower: lower >= 1 ? lower : null, upper: upper <= n ? upper : null, coverage };
}

/**
 * About the fewest paths whose order-statistic interval of the α-quantile is
 * bounded on both sides (binary search; bounded-ness is monotone in n up to
 * the odd rank of discreteness): 71 at 95%, 348 at 99%, 3 456 at 99.9%.
 */
export function pathsToBound(alpha: number): number {
  const known = boundCache.get(alpha);
  if (known !== undefined) return known;
  const bounded = (n: number): boolean => {
    const r = orderStatisticRanks(n, alpha);
    return r.lower !== null && r.upper !== null;
  };
  let hi = 2;
  while (!bounded(hi)) hi *= 2;
  let lo = Math.floor(hi / 2);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (bounded(mid)) hi = mid;
    else lo = mid;
  }
  boundCache.set(alpha, hi);
  return hi;
}
const boundCache = new Map<number, number>();

export interface TailPair {
  var: Stat;
  es: Stat;
}

function tailShell(n: number): Stat {
  return { mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n, tail: true };
}

function markReliability(s: Stat, beyond: number): void {
  s.beyond = beyond;
  if (beyond < MIN_PATHS_BEYOND) s.unreliable = true;
}

/**
 * VaR_α and ES_α of finite values, sorted ascending, with their intervals.
 * `weights` (aligned with `sorted`) switch to the importance-sampling
 * estimators; without them the estimators are the plain ones.
 *
 * @param sorted the path values, ascending, at least one
 * @param alpha the level in (0, 1)
 * @param weights the paths' likelihood ratios, in the same order, or undefined
 * @returns the VaR and ES Stats (`tail: true`, `beyond`, `unreliable`)
 */
export function tailPair(sorted: readonly number[], alpha: number, weights?: readonly number[]): TailPair {
  const n = sorted.length;
  const v = tailShell(n);
  const e = tailShell(n);
  const w = (i: number): number => (weights ? weights[i]! : 1);

  // 1. the VaR and its interval
  let valueAtRisk: number;
  if (!weights) {
    valueAtRisk = quantileSorted(sorted as number[], alpha);
    const { lower, upper } = orderStatisticRanks(n, alpha);
    if (lower !== null && upper !== null) v.ci95 = [sorted[lower - 1]!, sorted[upper - 1]!];
    else v.reason = `the 95% interval is unbounded ${lower === null ? 'below' : 'above'} with ${n} paths (about ${pathsToBound(alpha)} needed)`;
  } else {
    const pairs: Weighted[] = sorted.map((x, i) => ({ x, w: w(i) }));
    valueAtRisk = weightedQuantileSorted(pairs, alpha);
    v.ci95 = invertedInterval(pairs, alpha);
    if (!v.ci95) v.reason = 'the 95% interval could not be bounded from the weighted tail';
  }
  v.mean = valueAtRisk;

  // 2. ES: the (weighted) mean at or above VaR, and its asymptotic interval
  let first = n;
  while (first > 0 && sorted[first - 1]! >= valueAtRisk) first--;
  let sw = 0;
  let swx = 0;
  for (let i = first; i < n; i++) {
    sw += w(i);
    swx += w(i) * sorted[i]!;
  }
  e.mean = sw > 0 ? swx / sw : valueAtRisk;
  const beyond = n - first;
  let m = 0;
  for (let i = first; i < n; i++) m += w(i) * (sorted[i]! - valueAtRisk);
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const y = i >= first ? w(i) * (sorted[i]! - valueAtRisk) : 0;
    ss += (y - m) ** 2;
  }
  markReliability(v, beyond);
  markReliability(e, beyond);
  if (n < 2) {
    e.reason = 'one path: no interval';
  } else if (beyond < MIN_PATHS_BEYOND) {
    e.reason = `only ${beyond} path${beyond === 1 ? '' : 's'} at or beyond the VaR: no interval below ${MIN_PATHS_BEYOND}`;
    if (weights && v.ci95) {
      v.ci95 = null;
      v.reason = e.reason;
    }
  } else {
    e.se = Math.sqrt(ss / (n - 1) / n) / (1 - alpha);
    e.ci95 = [e.mean - Z975 * e.se, e.mean + Z975 * e.se];
  }
  if (![v.mean, e.mean, ...(v.ci95 ?? []), ...(e.ci95 ?? [])].every((x) => x === null || Number.isFinite(x))) {
    const bad = { ...tailShell(n), reason: 'path values too large to summarise' };
    return { var: bad, es: { ...bad } };
  }
  return { var: v, es: e };
}

/**
 * The 95% interval of a weighted VaR by test inversion: with
 * g(x) = (1/n)·Σ_{x_i > x} w_i and its standard error s(x), the smallest
 * value with g − 1.96·s ≤ 1 − α, and the smallest with g + 1.96·s < 1 − α.
 */
function invertedInterval(sorted: readonly Weighted[], alpha: number): [number, number] | null {
  const n = sorted.length;
  if (n < 2) return null;
  const target = 1 - alpha;
  // suffix sums over the values strictly above sorted[j]
  const above1 = new Float64Array(n);
  const above2 = new Float64Array(n);
  let s1 = 0;
  let s2 = 0;
  for (let j = n - 1; j >= 0; j--) {
    above1[j] = s1;
    above2[j] = s2;
    s1 += sorted[j]!.w;
    s2 += sorted[j]!.w ** 2;
  }
  // ties: a value's "above" is that of the last of its run
  for (let j = n - 2; j >= 0; j--) {
    if (sorted[j]!.x === sorted[j + 1]!.x) {
      above1[j] = above1[j + 1]!;
      above2[j] = above2[j + 1]!;
    }
  }
  let lo: number | null = null;
  let hi: number | null = null;
  for (let j = 0; j < n; j++) {
    const g = above1[j]! / n;
    const variance = Math.max(0, (above2[j]! - n * g * g) / (n - 1));
    const s = Math.sqrt(variance / n);
    if (lo === null && g - Z975 * s <= target) lo = sorted[j]!.x;
    if (hi === null && g + Z975 * s < target) {
      hi = sorted[j]!.x;
      break;
    }
  }
  return lo !== null && hi !== null ? [lo, hi] : null;
}
