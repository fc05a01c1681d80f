/**
 * The standard normal distribution: density, CDF and quantile, accurate to a
 * few ulps. simple-statistics' `cumulativeStdNormalProbability` (a 0.01-step
 * table) and `probit` (~1e-3) are not accurate enough for the model's tails.
 */

const INV_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;

/**
 * exp(-y²/2) without the rounding error of y·y in the tails: y is split into a
 * multiple of 1/16 (whose square is exact) and a remainder (Cody, 1993).
 */
function expHalfSquare(y: number): number {
  const ys = Math.trunc(y * 16) / 16;
  const del = (y - ys) * (y + ys);
  return Math.exp(-ys * ys * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Standard normal density φ(x).
 *
 * @see https://en.wikipedia.org/wiki/Normal_distribution
 * @param x any number
 * @returns φ(x); 0 for ±Infinity, NaN for NaN
 * @example
 * normalPdf(0); // => 0.3989422804014327
 */
export function normalPdf(x: number): number {
  const y = Math.abs(x);
  if (y > 40) return 0;
  return INV_SQRT_2PI * expHalfSquare(y);
}

// W. J. Cody's rational Chebyshev approximations, as in R's pnorm.c.
const A0 = 2.2352520354606839287, A1 = 161.02823106855587881, A2 = 1067.6894854603709582;
const A3 = 18154.981253343561249, A4 = 0.065682337918207449113;
const B0 = 47.20258190468824187, B1 = 976.09855173777669322, B2 = 10260.932208618978205;
const B3 = 45507.789335026729956;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
] as const;
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
] as const;

/**
 * Standard normal CDF Φ(x), with ~1e-15 relative accuracy in both tails
 * (the lower tail is computed directly, never as 1 − something).
 *
 * @see W. J. Cody (1969), "Rational Chebyshev approximations for the error
 *   function", Math. Comp. 23, 631–637; W. J. Cody (1993), ACM TOMS 19, 22–32
 *   (ANORM), as implemented in R's `pnorm`.
 * @param x any number
 * @returns Φ(x); NaN for NaN
 * @example
 * normalCdf(-3.3); // => 4.834241423837772e-4
 */
export function normalCdf(x: number): number {
  const y = Math.abs(x);
  if (y <= 0.67448975) {
    const xsq = x * x;
    let xnum = A4 * xsq;
    let xden = xsq;
    xnum = (xnum + A0) * xsq;
    xden = (xden + B0) * xsq;
    xnum = (xnum + A1) * xsq;
    xden = (xden + B1) * xsq;
    xnum = (xnum + A2) * xsq;
    xden = (xden + B2) * xsq;
    return 0.5 + (x * (xnum + A3)) / (xden + B3);
  }
  if (y > 40) return x > 0 ? 1 : 0; // Φ(−40) ≈ 4e-350 underflows; also catches ±Infinity
  let ratio: number;
  if (y <= SQRT_32) {
    let xnum = C[8] * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]!) * y;
      xden = (xden + D[i]!) * y;
    }
    ratio = (xnum + C[7]) / (xden + D[7]);
  } else {
    const xsq = 1 / (x * x);
    let xnum = P[5] * xsq;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + P[i]!) * xsq;
      xden = (xden + Q[i]!) * xsq;
    }
    ratio = (INV_SQRT_2PI - (xsq * (xnum + P[4])) / (xden + Q[4])) / y;
  }
  const tail = expHalfSquare(y) * ratio; // Φ(−|x|)
  return x > 0 ? 1 - tail : tail;
}

// Wichura's AS241 (PPND16) coefficients.
const a0 = 3.387132872796366608, a1 = 133.14166789178437745, a2 = 1971.5909503065514427;
const a3 = 13731.693765509461125, a4 = 45921.953931549871457, a5 = 67265.770927008700853;
const a6 = 33430.575583588128105, a7 = 2509.0809287301226727;
const b1 = 42.313330701600911252, b2 = 687.1870074920579083, b3 = 5394.1960214247511077;
const b4 = 21213.794301586595867, b5 = 39307.89580009271061, b6 = 28729.085735721942674;
const b7 = 5226.495278852545925;
const c0 = 1.42343711074968357734, c1 = 4.6303378461565452959, c2 = 5.7694972214606914055;
const c3 = 3.64784832476320460504, c4 = 1.27045825245236838258, c5 = 0.24178072517745061177;
const c6 = 0.0227238449892691845833, c7 = 7.7454501427834140764e-4;
const d1 = 2.05319162663775882187, d2 = 1.6763848301838038494, d3 = 0.68976733498510000455;
const d4 = 0.14810397642748007459, d5 = 0.0151986665636164571966, d6 = 5.475938084995344946e-4;
const d7 = 1.05075007164441684324e-9;
const e0 = 6.6579046435011037772, e1 = 5.4637849111641143699, e2 = 1.7848265399172913358;
const e3 = 0.29656057182850489123, e4 = 0.026532189526576123093, e5 = 0.0012426609473880784386;
const e6 = 2.71155556874348757815e-5, e7 = 2.01033439929228813265e-7;
const f1 = 0.59983220655588793769, f2 = 0.13692988092273580531, f3 = 0.0148753612908506148525;
const f4 = 7.868691311456132591e-4, f5 = 1.8463183175100546818e-5, f6 = 1.4215117583164458887e-7;
const f7 = 2.04426310338993978564e-15;

/**
 * Standard normal quantile Φ⁻¹(p), relative accuracy ~1e-16. HOT: no allocation.
 *
 * @see M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the
 *   normal distribution", Applied Statistics 37, 477–484 (PPND16).
 * @param p a probability in [0, 1]
 * @returns x with Φ(x) = p; −Infinity at 0 and Infinity at 1
 * @throws {RangeError} if p is outside [0, 1] or NaN
 * @example
 * normalQuantile(0.999); // => 3.090232306167813
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile requires p in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q * (((((((a7 * r + a6) * r + a5) * r + a4) * r + a3) * r + a2) * r + a1) * r + a0)) /
      (((((((b7 * r + b6) * r + b5) * r + b4) * r + b3) * r + b2) * r + b1) * r + 1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((c7 * r + c6) * r + c5) * r + c4) * r + c3) * r + c2) * r + c1) * r + c0) /
      (((((((d7 * r + d6) * r + d5) * r + d4) * r + d3) * r + d2) * r + d1) * r + 1);
  } else {
    r -= 5;
    x =
      (((((((e7 * r + e6) * r + e5) * r + e4) * r + e3) * r + e2) * r + e1) * r + e0) /
      (((((((f7 * r + f6) * r + f5) * r + f4) * r + f3) * r + f2) * r + f1) * r + 1);
  }
  return q < 0 ? -x : x;
}
