/**
 * Importance-sampling estimators over paths with likelihood-ratio weights
 * w_i = dP/dQ (docs/tail-risk.md). Means are the plain (not self-normalised)
 * estimator (1/n)·Σ w_i·x_i: unbiased for the unshifted model whatever the
 * shift, and its standard error is the ordinary one of the products w_i·x_i.
 * Quantiles invert the weighted distribution function from the side they lie
 * on, so a 99.9% quantile only uses the far tail's weights.
 */

/** A path value with its weight, for sorting. */
export interface Weighted {
  x: number;
  w: number;
}

/**
 * Kish's effective sample size (Σw)²/Σw²: the number of plain paths that
 * would give a mean as precise, for weights that are not tied to the figure.
 *
 * @see L. Kish (1965), Survey Sampling, section 11.7.
 * @param weights the path weights (positive)
 * @returns the effective sample size, ≤ the number of weights (0 for none)
 * @example
 * effectiveSampleSize([1, 1, 1, 1]); // => 4
 */
export function effectiveSampleSize(weights: ReadonlyArray<number>): number {
  let s1 = 0;
  let s2 = 0;
  for (const w of weights) {
    s1 += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s1 * s1) / s2 : 0;
}

/**
 * The unbiased weighted mean (1/n)·Σ w_i·x_i and its standard error
 * sd(w·x)/√n (null for one path).
 *
 * @param pairs values with their weights
 * @returns mean and se
 * @example
 * weightedMean([{ x: 1, w: 0.5 }, { x: 3, w: 1.5 }]).mean; // => 2.5
 */
export function weightedMean(pairs: ReadonlyArray<Weighted>): { mean: number; se: number | null } {
  const n = pairs.length;
  let sum = 0;
  for (const p of pairs) sum += p.w * p.x;
  const mean = sum / n;
  if (n < 2) return { mean, se: null };
  let ss = 0;
  for (const p of pairs) ss += (p.w * p.x - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (n - 1) / n) };
}

/**
 * The q-quantile of the weighted distribution of sorted values: for q ≥ 0.5
 * the smallest value x with (1/n)·Σ_{x_i > x} w_i ≤ 1 − q (the tail side), for
 * q < 0.5 the smallest x with (1/n)·Σ_{x_i ≤ x} w_i ≥ q. With unit weights
 * this is the empirical quantile without interpolation.
 *
 * @see P. Glasserman, P. Heidelberger and P. Shahabuddin (2000), "Variance
 *   reduction techniques for estimating value-at-risk", Management Science 46,
 *   1349–1364, section 3.
 * @param sorted values with weights, ascending by value (at least one)
 * @param q the level in (0, 1)
 * @returns the quantile
 * @example
 * weightedQuantileSorted([{ x: 1, w: 1 }, { x: 2, w: 1 }, { x: 3, w: 1 }, { x: 4, w: 1 }], 0.75); // => 3
 */
export function weightedQuantileSorted(sorted: ReadonlyArray<Weighted>, q: number): number {
  const n = sorted.length;
  if (q >= 0.5) {
    let above = 0;
    for (let j = n - 1; j >= 0; j--) {
      // the run of values equal to sorted[j] is above every smaller value
      if (j < n - 1 && sorted[j]!.x !== sorted[j + 1]!.x && above / n > 1 - q) return sorted[j + 1]!.x;
      above += sorted[j]!.w;
    }
    return sorted[0]!.x;
  }
  let below = 0;
  for (let j = 0; j < n; j++) {
    below += sorted[j]!.w;
    if ((j === n - 1 || sorted[j + 1]!.x !== sorted[j]!.x) && below / n >= q) return sorted[j]!.x;
  }
  return sorted[n - 1]!.x;
}
