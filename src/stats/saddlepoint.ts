/**
 * The two pieces of Loader's saddle-point expansion of discrete pmfs. They
 * avoid the cancellation of lgamma-based formulas, whose terms grow like
 * n·log n while the result is O(1).
 *
 * @see C. Loader (2000), "Fast and accurate computation of binomial
 *   probabilities" (the basis of R's dbinom and dpois).
 */

// stirlingError(n) for n = 0..15, from mpmath's loggamma at 40 digits.
const STIRLING_ERROR_TABLE = [
  0, 0.08106146679532725821967, 0.04134069595540929409382, 0.02767792568499833914879,
  0.02079067210376509311152, 0.01664469118982119216319, 0.01387612882307074799875,
  0.01189670994589177009506, 0.01041126526197209649748, 0.009255462182712732917729,
  0.008330563433362871256469, 0.007573675487951840794972, 0.006942840107209529865664,
  0.00640899418800420706844, 0.005951370112758847735624, 0.005554733551962801371039,
] as const;
// Coefficients B₂ₖ/(2k(2k−1)) of the asymptotic series in 1/n (alternating signs below).
const S0 = 1 / 12, S1 = 1 / 360, S2 = 1 / 1260, S3 = 1 / 1680, S4 = 1 / 1188, S5 = 691 / 360360, S6 = 1 / 156;

/**
 * The error of Stirling's formula: log(n!) − [(n + ½)·log(n) − n + log√(2π)].
 * Exact table for n ≤ 15, asymptotic series beyond (relative error ~1e-16).
 * HOT: no allocation.
 *
 * @see C. Loader (2000), section 2, `stirlerr`.
 * @param n a non-negative integer (any number above 15)
 * @returns the Stirling error (0 at n = 0 by convention)
 * @throws {RangeError} if n < 16 is not a non-negative integer
 * @example
 * stirlingError(1); // => 0.08106146679532726
 */
export function stirlingError(n: number): number {
  if (n <= 15) {
    const v = STIRLING_ERROR_TABLE[n];
    if (v !== undefined) return v;
    throw new RangeError(`stirlingError requires an integer n >= 0 below 16, got ${n}`);
  }
  const nn = n * n;
  // Each cutoff is where the first dropped term falls below 1e-16 of the sum.
  if (n > 3200) return (S0 - S1 / nn) / n;
  if (n > 210) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 60) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  if (n > 28) return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - (S4 - (S5 - S6 / nn) / nn) / nn) / nn) / nn) / nn) / n;
}

/**
 * The deviance term x·log(x/np) + np − x, computed without cancellation when
 * x is close to np (a series in v = (x − np)/(x + np)). HOT: no allocation.
 *
 * @see C. Loader (2000), section 3, `bd0`.
 * @param x a non-negative number
 * @param np a positive number
 * @returns x·log(x/np) + np − x (≥ 0)
 * @example
 * bd0(10, 10); // => 0
 */
export function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}
