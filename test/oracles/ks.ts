/**
 * One-sample Kolmogorov–Smirnov tests, for the statistical tests of the
 * engine: does a simulated distribution match a closed form?
 */

/**
 * Kolmogorov's limiting survival function Q(λ) = P(√n·D > λ) as n → ∞:
 * 2·Σ (−1)^(j−1)·exp(−2j²λ²), or, for λ < 1.18 where that converges slowly,
 * 1 − (√(2π)/λ)·Σ exp(−(2j−1)²π²/(8λ²)).
 *
 * @see A. N. Kolmogorov (1933); W. H. Press et al., Numerical Recipes, 3rd ed.,
 *   section 6.14 (the two series).
 * @param lambda a non-negative number
 * @returns Q(λ) in [0, 1]
 * @example
 * kolmogorovSurvival(1.3581); // => 0.04999963...
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    const y = Math.exp((-Math.PI * Math.PI) / (8 * lambda * lambda));
    if (y === 0) return 1;
    let sum = 0;
    for (let j = 1; j < 100; j++) {
      const k = 2 * j - 1;
      const term = Math.pow(y, k * k);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  let sign = 1;
  for (let j = 1; j < 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += sign * term;
    if (term < 1e-17) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** Stephens' effective sample size: √n + 0.12 + 0.11/√n. */
function stephensScale(n: number): number {
  const s = Math.sqrt(n);
  return s + 0.12 + 0.11 / s;
}

function checkSampleSize(name: string, n: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`${name} requires an integer n >= 1, got ${n}`);
}

/**
 * KS statistic D = sup |F_n(x) − F(x)| of a sample against a continuous CDF:
 * max over the order statistics of i/n − F(x₍ᵢ₎) and F(x₍ᵢ₎) − (i−1)/n.
 *
 * @see https://en.wikipedia.org/wiki/Kolmogorov%E2%80%93Smirnov_test
 * @param sample at least one number (not modified)
 * @param cdf the hypothesised continuous CDF
 * @returns D in [0, 1]
 * @throws {RangeError} if the sample is empty or holds NaN
 * @example
 * ksStatistic([0.1, 0.5, 0.9], (x) => x); // => 0.2333333333333334
 */
export function ksStatistic(sample: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = sample.length;
  if (n === 0) throw new RangeError('ksStatistic requires at least one data point');
  const sorted = Float64Array.from(sample);
  if (sorted.some(Number.isNaN)) throw new RangeError('ksStatistic requires numbers, got NaN');
  sorted.sort();
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * KS statistic of integer data against a discrete distribution given as its
 * pmf on 0..m: D = sup_x |F_n(x) − F(x)|. Both CDFs are step functions with
 * jumps at the integers, so the sup is attained at a jump point, comparing
 * the two CDFs on both sides of it: F_n(k) with F(k), and F_n(k⁻) = F_n(k−1)
 * with F(k⁻) = F(k−1). Using Kolmogorov's continuous critical values with this
 * D is conservative (a discrete null gives smaller D), so a pass is a pass and
 * a failure may be a little less likely than α suggests.
 *
 * @see G. E. Noether (1963), "Note on the Kolmogorov statistic in the discrete
 *   case", Metrika 7, 115–116; W. J. Conover (1972), JASA 67, 591–596.
 * @param sample integers (values outside 0..m count as below or above the support)
 * @param pmf P(X = k) for k = 0..m, summing to 1 within 1e-9
 * @returns D in [0, 1]
 * @throws {RangeError} if the sample is empty or holds a non-integer, or the pmf does not sum to 1
 * @example
 * ksStatisticDiscrete([0, 1, 1, 2], [0.25, 0.5, 0.25]); // => 0
 */
export function ksStatisticDiscrete(sample: ArrayLike<number>, pmf: ArrayLike<number>): number {
  const n = sample.length;
  if (n === 0) throw new RangeError('ksStatisticDiscrete requires at least one data point');
  const m = pmf.length - 1;
  if (m < 0) throw new RangeError('ksStatisticDiscrete requires a pmf with at least one value');
  let total = 0;
  for (let k = 0; k <= m; k++) total += pmf[k]!;
  if (!(Math.abs(total - 1) <= 1e-9)) throw new RangeError(`ksStatisticDiscrete requires a pmf summing to 1, got ${total}`);
  const counts = new Float64Array(m + 1);
  let below = 0;
  for (let i = 0; i < n; i++) {
    const x = sample[i]!;
    if (!Number.isInteger(x)) throw new RangeError(`ksStatisticDiscrete requires integer data, got ${x}`);
    if (x < 0) below++;
    else if (x <= m) counts[x]!++;
  }
  let empirical = below / n; // F_n just below 0, where F = 0
  let d = empirical;
  let cdf = 0;
  for (let k = 0; k <= m; k++) {
    empirical += counts[k]! / n;
    cdf = Math.min(1, cdf + pmf[k]!);
    d = Math.max(d, Math.abs(empirical - cdf));
  }
  // above m, F = 1 and F_n = 1: nothing more to compare
  return d;
}

/**
 * Critical value of D at level α for a sample of n: λ_α/(√n + 0.12 + 0.11/√n)
 * with Q(λ_α) = α (Kolmogorov's limit with Stephens' small-sample correction,
 * good for n ≥ ~5). Reject when D exceeds it.
 *
 * @see M. A. Stephens (1970), "Use of the Kolmogorov–Smirnov, Cramér–von
 *   Mises and related statistics without extensive tables", JRSS B 32, 115–122.
 * @param n the sample size, an integer ≥ 1
 * @param alpha the level in (0, 1)
 * @returns the critical D
 * @throws {RangeError} if n or alpha is out of range
 * @example
 * ksCriticalValue(100, 0.05); // => 0.13404...
 */
export function ksCriticalValue(n: number, alpha: number): number {
  checkSampleSize('ksCriticalValue', n);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`ksCriticalValue requires alpha in (0, 1), got ${alpha}`);
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = 0.5 * (lo + hi);
    if (kolmogorovSurvival(mid) > alpha) lo = mid;
    else hi = mid;
  }
  return (0.5 * (lo + hi)) / stephensScale(n);
}

/**
 * Asymptotic p-value of a KS statistic D from a sample of n:
 * Q((√n + 0.12 + 0.11/√n)·D).
 *
 * @see M. A. Stephens (1970); Numerical Recipes, 3rd ed., section 14.3.3.
 * @param d the statistic in [0, 1]
 * @param n the sample size, an integer ≥ 1
 * @returns the p-value in [0, 1]
 * @throws {RangeError} if n is out of range or d is NaN
 * @example
 * ksPValue(0.13404, 100); // => 0.05000...
 */
export function ksPValue(d: number, n: number): number {
  checkSampleSize('ksPValue', n);
  if (Number.isNaN(d)) throw new RangeError('ksPValue requires a number, got NaN');
  return kolmogorovSurvival(stephensScale(n) * d);
}
