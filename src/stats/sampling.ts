/**
 * Random variates as functions of uniforms. Nothing here owns a generator:
 * the caller passes uniforms in [0, 1) (or a `next` source), so the number of
 * uniforms each draw consumes is explicit — the engine's common random numbers
 * depend on it. All functions are HOT: no allocation.
 *
 * Inversion (Poisson, binomial, lognormal) uses exactly one uniform and is
 * monotone in it. Gamma and Beta use rejection and consume a variable number
 * of uniforms: give them a stream of their own.
 */
import { normalQuantile } from './normal.js';
import { binomialPmfPQ, poissonPmf } from './pmf.js';

/** Below this mean, search the CDF from 0 (expected mean + 1 steps). */
const SEARCH_FROM_ZERO_MAX_MEAN = 30;
/** Summing the CDF down from the mode stops at terms this small relative to the sum. */
const TAIL_EPS = 1e-20;
/** Margin under 1 − mean below which a Poisson count is surely 0 (several ulps of 1). */
const ZERO_MARGIN = 1e-15;
/**
 * Searching down from the mode, F(k) = F(m) − Σ pmf carries rounding of ~1e-16·√mean;
 * below this share of F(m) it is noise, and the search stops there rather than
 * follow the noise to 0 (Binomial(1000, 1 − 1e-12) at u = 0 would give 0).
 */
const DOWN_FLOOR = 1e-14;

function checkUniform(u: number, name: string): void {
  if (!(u >= 0 && u < 1)) throw new RangeError(`${name} requires u in [0, 1), got ${u}`);
}

/**
 * Poisson variate by inversion of its CDF with one uniform: the smallest k
 * with u < F(k). Non-decreasing in u. For mean ≤ 30 the CDF is searched from
 * 0; above, the search starts at the mode m = ⌊mean⌋, with F(m) summed down
 * from Loader's pmf(m) (~9 sd of terms), and moves up or down — O(√mean)
 * work, still an inversion of the same CDF, exact up to the rounding of F
 * (~1e-16·√mean; lower-tail values of F under 1e-14 are treated as 0).
 *
 * @see L. Devroye (1986), Non-Uniform Random Variate Generation, section X.3
 *   (inversion by sequential search, and search from the mode).
 * @param u a uniform in [0, 1)
 * @param mean the Poisson mean, ≥ 0 and finite
 * @returns a non-negative integer
 * @throws {RangeError} if u is outside [0, 1) or mean is negative or not finite
 * @example
 * poissonFromUniform(0.5, 3.7); // => 4
 */
export function poissonFromUniform(u: number, mean: number): number {
  // F(0) = e^−mean > 1 − mean, and Math.exp errs by under an ulp (1.1e-16 here),
  // so u below 1 − mean − ZERO_MARGIN gives 0 exactly as the search would, without
  // the exp: most of the engine's calls (a few draws a year, one step) end here.
  // This front is small enough for V8 to inline into the hot loop; the search is not.
  if (u >= 0 && mean >= 0 && u < 1 - mean - ZERO_MARGIN) return 0;
  return poissonSearch(u, mean);
}

function poissonSearch(u: number, mean: number): number {
  checkUniform(u, 'poissonFromUniform');
  if (!(mean >= 0 && mean < Infinity)) {
    throw new RangeError(`poissonFromUniform requires a finite mean >= 0, got ${mean}`);
  }
  if (mean === 0) return 0;
  if (mean <= SEARCH_FROM_ZERO_MAX_MEAN) {
    let k = 0;
    let pk = Math.exp(-mean);
    let cdf = pk;
    while (u >= cdf) {
      k++;
      pk *= mean / k;
      const next = cdf + pk;
      if (next === cdf && k > mean) break; // the rest of the mass is below rounding
      cdf = next;
    }
    return k;
  }
  const m = Math.floor(mean);
  const pm = poissonPmf(m, mean);
  let cdfM = pm;
  let t = pm;
  for (let j = m; j > 0; j--) {
    t *= j / mean;
    cdfM += t;
    if (t < cdfM * TAIL_EPS) break;
  }
  let k = m;
  let pk = pm;
  let cdf = cdfM;
  if (u < cdf) {
    const floor = cdfM * DOWN_FLOOR;
    while (k > 0) {
      const below = cdf - pk; // F(k − 1)
      if (u >= below || below < floor) break;
      pk *= k / mean;
      k--;
      cdf = below;
    }
    return k;
  }
  while (u >= cdf) {
    k++;
    pk *= mean / k;
    const next = cdf + pk;
    if (next === cdf) break;
    cdf = next;
  }
  return k;
}

/**
 * Binomial variate by inversion of its CDF with one uniform: the smallest k
 * with u < F(k). Non-decreasing in u. Sequential search from 0 when n·p ≤ 30
 * (and (1 − p)^n does not underflow), otherwise from the mode as in
 * {@link poissonFromUniform}.
 *
 * @see L. Devroye (1986), Non-Uniform Random Variate Generation, section X.4.
 * @param u a uniform in [0, 1)
 * @param n number of trials, a non-negative integer
 * @param p success probability in [0, 1]
 * @returns an integer in 0..n
 * @throws {RangeError} if u is outside [0, 1), n is not a non-negative integer or p is outside [0, 1]
 * @example
 * binomialFromUniform(0.5, 10, 0.3); // => 3
 */
export function binomialFromUniform(u: number, n: number, p: number): number {
  checkUniform(u, 'binomialFromUniform');
  if (!(Number.isInteger(n) && n >= 0)) {
    throw new RangeError(`binomialFromUniform requires an integer n >= 0, got ${n}`);
  }
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialFromUniform requires p in [0, 1], got ${p}`);
  if (p === 0 || n === 0) return 0;
  if (p === 1) return n;
  const q = 1 - p;
  const odds = p / q;
  const logP0 = n * Math.log1p(-p);
  if (n * p <= SEARCH_FROM_ZERO_MAX_MEAN && logP0 > -700) {
    let k = 0;
    let pk = Math.exp(logP0);
    let cdf = pk;
    while (u >= cdf && k < n) {
      pk *= ((n - k) / (k + 1)) * odds;
      k++;
      const next = cdf + pk;
      if (next === cdf && k > n * p) break;
      cdf = next;
    }
    return k;
  }
  const m = Math.min(n, Math.floor((n + 1) * p));
  const pm = binomialPmfPQ(m, n, p, q);
  let cdfM = pm;
  let t = pm;
  for (let j = m; j > 0; j--) {
    t *= (j / (n - j + 1)) / odds; // pmf(j − 1) from pmf(j)
    cdfM += t;
    if (t < cdfM * TAIL_EPS) break;
  }
  let k = m;
  let pk = pm;
  let cdf = cdfM;
  if (u < cdf) {
    const floor = cdfM * DOWN_FLOOR;
    while (k > 0) {
      const below = cdf - pk;
      if (u >= below || below < floor) break;
      pk *= (k / (n - k + 1)) / odds;
      k--;
      cdf = below;
    }
    return k;
  }
  while (u >= cdf && k < n) {
    pk *= ((n - k) / (k + 1)) * odds;
    k++;
    const next = cdf + pk;
    if (next === cdf) break;
    cdf = next;
  }
  return k;
}

/**
 * Marsaglia–Tsang squeeze-and-reject for a standard Gamma(shape ≥ 1) variate.
 * The normal inside is `normalQuantile(next())`, so the whole draw is a
 * function of the uniforms; each trial consumes two uniforms.
 */
function marsagliaTsang(next: () => number, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(next());
    const t = 1 + c * x;
    if (t <= 0) {
      next(); // keep two uniforms per trial, whatever happens
      continue;
    }
    const v = t * t * t;
    const u = next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

function checkShape(shape: number, name: string, what: string): void {
  if (!(shape > 0 && shape < Infinity)) {
    throw new RangeError(`${name} requires a finite ${what} > 0, got ${shape}`);
  }
}

/**
 * Gamma(shape, scale) variate (mean shape·scale). Marsaglia–Tsang for
 * shape ≥ 1; for shape < 1 a Gamma(shape + 1) variate times u^(1/shape), with
 * that u drawn after the Gamma(shape + 1) draw. Consumes 2 uniforms per
 * trial (acceptance ≥ 95%), plus one for shape < 1.
 *
 * @see G. Marsaglia and W. W. Tsang (2000), "A simple method for generating
 *   gamma variables", ACM TOMS 26(3), 363–372 (incl. the shape < 1 boost).
 * @param next a source of uniforms in [0, 1)
 * @param shape the shape k > 0
 * @param scale the scale θ > 0
 * @returns a non-negative number
 * @throws {RangeError} if shape or scale is not a finite positive number
 * @example
 * gammaSample(seedrandom.alea('x'), 2, 3); // a Gamma(2, 3) draw, mean 6
 */
export function gammaSample(next: () => number, shape: number, scale: number): number {
  checkShape(shape, 'gammaSample', 'shape');
  checkShape(scale, 'gammaSample', 'scale');
  if (shape >= 1) return scale * marsagliaTsang(next, shape);
  const g = marsagliaTsang(next, shape + 1);
  return scale * g * Math.pow(next(), 1 / shape);
}

/** log of a standard Gamma(shape) variate, drawn as in gammaSample; may be −Infinity. */
function logStandardGamma(next: () => number, shape: number): number {
  if (shape >= 1) return Math.log(marsagliaTsang(next, shape));
  const g = marsagliaTsang(next, shape + 1);
  return Math.log(g) + Math.log(next()) / shape;
}

/**
 * Beta(a, b) variate as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b) drawn in
 * that order (as {@link gammaSample} draws them). Computed from the logs of X
 * and Y, so small shapes whose gammas underflow still give a number in [0, 1].
 *
 * @see L. Devroye (1986), Non-Uniform Random Variate Generation, section IX.4.
 * @param next a source of uniforms in [0, 1)
 * @param a first shape > 0
 * @param b second shape > 0
 * @returns a number in [0, 1]
 * @throws {RangeError} if a or b is not a finite positive number
 * @example
 * betaSample(seedrandom.alea('x'), 0.9, 5.1); // a Beta draw, mean 0.15
 */
export function betaSample(next: () => number, a: number, b: number): number {
  checkShape(a, 'betaSample', 'a');
  checkShape(b, 'betaSample', 'b');
  const lx = logStandardGamma(next, a);
  const ly = logStandardGamma(next, b);
  const r = ly - lx;
  // Both logs −Infinity needs two uniforms exactly 0; give the mean rather than NaN.
  if (Number.isNaN(r)) return a / (a + b);
  return 1 / (1 + Math.exp(r));
}

/**
 * Lognormal variate by inversion: median·exp(σ·Φ⁻¹(u)).
 *
 * @see https://en.wikipedia.org/wiki/Log-normal_distribution
 * @param u a uniform in [0, 1)
 * @param median the median e^μ > 0
 * @param sigma the log-sd σ ≥ 0
 * @returns a non-negative number (0 at u = 0 when σ > 0)
 * @throws {RangeError} if u is outside [0, 1), median is not positive or sigma is negative
 * @example
 * lognormalFromUniform(0.5, 7000, 0.5); // => 7000
 */
export function lognormalFromUniform(u: number, median: number, sigma: number): number {
  checkUniform(u, 'lognormalFromUniform');
  if (!(median > 0 && median < Infinity && sigma >= 0 && sigma < Infinity)) {
    throw new RangeError(`lognormalFromUniform requires median > 0 and sigma >= 0, got ${median} and ${sigma}`);
  }
  if (sigma === 0) return median;
  return median * Math.exp(sigma * normalQuantile(u));
}
