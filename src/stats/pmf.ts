/**
 * Poisson and binomial probability mass functions by Loader's saddle-point
 * method: relative accuracy ~1e-15 even for large counts, where lgamma-based
 * formulas lose digits to cancellation.
 */
import { bd0, stirlingError } from './saddlepoint.js';

const LOG_2PI = 1.837877066409345483560659472811;

/**
 * Poisson probability P(X = k) for mean `mean`. HOT: no allocation.
 *
 * @see C. Loader (2000), "Fast and accurate computation of binomial
 *   probabilities", `dpois_raw`.
 * @param k a non-negative integer
 * @param mean the Poisson mean, ≥ 0
 * @returns P(X = k)
 * @example
 * poissonPmf(2, 3); // => 0.22404180765538775
 */
export function poissonPmf(k: number, mean: number): number {
  if (mean === 0) return k === 0 ? 1 : 0;
  if (k === 0) return Math.exp(-mean);
  return Math.exp(-stirlingError(k) - bd0(k, mean) - 0.5 * (LOG_2PI + Math.log(k)));
}

/**
 * Binomial probability P(X = k) for n trials with success probability p,
 * given p and q = 1 − p separately so that a p close to 1 keeps the digits
 * of q. HOT: no allocation.
 *
 * @see C. Loader (2000), `dbinom_raw`.
 * @param k an integer in 0..n
 * @param n a non-negative integer
 * @param p success probability in [0, 1]
 * @param q 1 − p, computed by the caller as accurately as it can
 * @returns P(X = k)
 * @example
 * binomialPmfPQ(3, 10, 0.3, 0.7); // => 0.26682793199999993
 */
export function binomialPmfPQ(k: number, n: number, p: number, q: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q));
  }
  if (k === n) return Math.exp(q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p));
  const lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  const lf = LOG_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(lc - 0.5 * lf);
}

/**
 * Binomial probability P(X = k) for n trials with success probability p.
 * HOT: no allocation.
 *
 * @see C. Loader (2000), `dbinom_raw`.
 * @param k an integer in 0..n
 * @param n a non-negative integer
 * @param p success probability in [0, 1]
 * @returns P(X = k)
 * @example
 * binomialPmf(3, 10, 0.3); // => 0.26682793199999993
 */
export function binomialPmf(k: number, n: number, p: number): number {
  return binomialPmfPQ(k, n, p, 1 - p);
}
