/**
 * The one-factor Gaussian (Vasicek) model of a portfolio default rate: with
 * every policy off, `defaultDpd: 0` and one step, the engine's per-path default
 * rate follows it (docs/model.md, "Refinements and choices"). Reference values for the engine's tests come
 * from here, and the Basel IRB formula is the same quantile.
 */
import { indicatorCovariance } from './bivariateNormal.js';
import { normalCdf, normalPdf, normalQuantile } from '../../src/stats/normal.js';
import { binomialPmfPQ } from '../../src/stats/pmf.js';

function checkPdRho(name: string, pd: number, rho: number): void {
  if (!(pd >= 0 && pd <= 1)) throw new RangeError(`${name} requires pd in [0, 1], got ${pd}`);
  if (!(rho >= 0 && rho < 1)) throw new RangeError(`${name} requires rho in [0, 1), got ${rho}`);
}

/** pd ∈ {0, 1} or ρ = 0: the default rate is the constant pd. */
function isDegenerate(pd: number, rho: number): boolean {
  return pd === 0 || pd === 1 || rho === 0;
}

/**
 * CDF of the large-pool default rate: P(X ≤ x) =
 * Φ((√(1−ρ)·Φ⁻¹(x) − Φ⁻¹(PD))/√ρ). With pd ∈ {0, 1} or ρ = 0 the rate is
 * the constant pd (a step at pd).
 *
 * @see O. Vasicek (2002), "The distribution of loan portfolio value", Risk
 *   15(12), 160–162.
 * @param x a default rate
 * @param pd the unconditional default probability in [0, 1]
 * @param rho the asset correlation in [0, 1)
 * @returns P(X ≤ x)
 * @throws {RangeError} if pd or rho is out of range
 * @example
 * 1 - vasicekCdf(0.05, 0.02, 0.04); // => 0.013530375148349...
 */
export function vasicekCdf(x: number, pd: number, rho: number): number {
  checkPdRho('vasicekCdf', pd, rho);
  if (isDegenerate(pd, rho)) return x >= pd ? 1 : 0;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return normalCdf((Math.sqrt(1 - rho) * normalQuantile(x) - normalQuantile(pd)) / Math.sqrt(rho));
}

/**
 * α-quantile of the large-pool default rate:
 * Φ((Φ⁻¹(PD) + √ρ·Φ⁻¹(α))/√(1−ρ)).
 *
 * @see O. Vasicek (2002); BCBS (2005), "An explanatory note on the Basel II
 *   IRB risk weight functions", section 3.
 * @param alpha the level in [0, 1]
 * @param pd the unconditional default probability in [0, 1]
 * @param rho the asset correlation in [0, 1)
 * @returns the default rate x with P(X ≤ x) = α
 * @throws {RangeError} if alpha, pd or rho is out of range
 * @example
 * vasicekQuantile(0.999, 0.02, 0.04); // => 0.0714184965458513...
 */
export function vasicekQuantile(alpha: number, pd: number, rho: number): number {
  checkPdRho('vasicekQuantile', pd, rho);
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`vasicekQuantile requires alpha in [0, 1], got ${alpha}`);
  if (isDegenerate(pd, rho)) return pd;
  return normalCdf((normalQuantile(pd) + Math.sqrt(rho) * normalQuantile(alpha)) / Math.sqrt(1 - rho));
}

/**
 * Mean of the large-pool default rate: PD itself.
 *
 * @see O. Vasicek (2002).
 * @param pd the unconditional default probability in [0, 1]
 * @param rho the asset correlation in [0, 1)
 * @returns pd
 * @throws {RangeError} if pd or rho is out of range
 * @example
 * vasicekMean(0.02, 0.04); // => 0.02
 */
export function vasicekMean(pd: number, rho: number): number {
  checkPdRho('vasicekMean', pd, rho);
  return pd;
}

/**
 * Standard deviation of the large-pool default rate:
 * Var = Φ2(Φ⁻¹(PD), Φ⁻¹(PD); ρ) − PD², the covariance of two borrowers'
 * default indicators, integrated directly (no cancellation).
 *
 * @see O. Vasicek (2002); {@link indicatorCovariance} for the integral.
 * @param pd the unconditional default probability in [0, 1]
 * @param rho the asset correlation in [0, 1)
 * @returns the sd
 * @throws {RangeError} if pd or rho is out of range
 * @example
 * vasicekSd(0.02, 0.04); // => 0.010096713355915...
 */
export function vasicekSd(pd: number, rho: number): number {
  checkPdRho('vasicekSd', pd, rho);
  if (isDegenerate(pd, rho)) return 0;
  const a = normalQuantile(pd);
  return Math.sqrt(indicatorCovariance(a, a, rho));
}

/** Simpson intervals on z ∈ [−8, 8] (mass outside 1.2e-15); resolves the binomial peak for n up to ~1e6. */
const POOL_INTERVALS = 4000;
const POOL_Z = 8;
/** Binomial terms below this share of the term at the mode are dropped (the pmf is log-concave). */
const POOL_TAIL = 1e-18;

/** Adds w·P(Bin(n, p) = k) to out[k] for every k with a non-negligible term, walking out from the mode. */
function addBinomial(out: Float64Array, n: number, p: number, q: number, w: number): void {
  if (p === 0 || n === 0) {
    out[0] = out[0]! + w;
    return;
  }
  if (q === 0) {
    out[n] = out[n]! + w;
    return;
  }
  const m = Math.min(n, Math.floor((n + 1) * p));
  const pm = binomialPmfPQ(m, n, p, q);
  out[m] = out[m]! + w * pm;
  const odds = p / q;
  const cutoff = pm * POOL_TAIL;
  let t = pm;
  for (let k = m; k < n; k++) {
    t *= ((n - k) / (k + 1)) * odds;
    if (t < cutoff) break;
    out[k + 1] = out[k + 1]! + w * t;
  }
  t = pm;
  for (let k = m; k > 0; k--) {
    t *= k / (n - k + 1) / odds;
    if (t < cutoff) break;
    out[k - 1] = out[k - 1]! + w * t;
  }
}

/**
 * Distribution of the number of defaults D in a pool of n borrowers under the
 * one-factor model: P(D = k) = ∫ C(n,k)·p(z)^k·(1−p(z))^(n−k)·φ(z) dz with
 * p(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ)). Integrated by Simpson's rule on 4001
 * points of [−8, 8] (Gauss–Hermite with ~100 nodes misses the narrow binomial
 * peaks of a large pool), with binomial pmfs by Loader's method.
 *
 * @see O. Vasicek (1987/2002); docs/model.md; C. Loader (2000).
 * @param n the pool size, a non-negative integer
 * @param pd the unconditional default probability in [0, 1]
 * @param rho the asset correlation in [0, 1)
 * @returns P(D = k) for k = 0..n (sums to 1 within ~1e-14)
 * @throws {RangeError} if n, pd or rho is out of range
 * @example
 * finitePoolPmf(10, 0.02, 0.04)[0]; // => 0.8208468879718...
 */
export function finitePoolPmf(n: number, pd: number, rho: number): Float64Array {
  checkPdRho('finitePoolPmf', pd, rho);
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`finitePoolPmf requires an integer n >= 0, got ${n}`);
  const out = new Float64Array(n + 1);
  if (isDegenerate(pd, rho)) {
    addBinomial(out, n, pd, 1 - pd, 1);
    return out;
  }
  const a = normalQuantile(pd);
  const sr = Math.sqrt(rho);
  const s1r = Math.sqrt(1 - rho);
  const h = (2 * POOL_Z) / POOL_INTERVALS;
  for (let i = 0; i <= POOL_INTERVALS; i++) {
    const z = -POOL_Z + i * h;
    const simpson = i === 0 || i === POOL_INTERVALS ? 1 : i % 2 === 1 ? 4 : 2;
    const w = ((simpson * h) / 3) * normalPdf(z);
    const t = (a - sr * z) / s1r;
    addBinomial(out, n, normalCdf(t), normalCdf(-t), w);
  }
  return out;
}

/**
 * Basel II IRB capital requirement K for retail exposures:
 * K = LGD·[Φ((Φ⁻¹(PD) + √R·Φ⁻¹(0.999))/√(1−R)) − PD]. Retail has no maturity
 * adjustment; R = 0.04 is qualifying revolving retail.
 *
 * @see BCBS (June 2006), "International Convergence of Capital Measurement and
 *   Capital Standards", paras 328–330; BCBS (July 2005), "An explanatory note
 *   on the Basel II IRB risk weight functions".
 * @param pd probability of default in [0, 1]
 * @param lgd loss given default in [0, 1]
 * @param r the asset correlation in [0, 1), default 0.04
 * @returns K, a share of exposure
 * @throws {RangeError} if pd, lgd or r is out of range
 * @example
 * baselRetailK(0.01, 0.45); // => 0.01377932797191956
 */
export function baselRetailK(pd: number, lgd: number, r = 0.04): number {
  checkPdRho('baselRetailK', pd, r);
  if (!(lgd >= 0 && lgd <= 1)) throw new RangeError(`baselRetailK requires lgd in [0, 1], got ${lgd}`);
  return lgd * (vasicekQuantile(0.999, pd, r) - pd);
}

/**
 * Basel II risk weight RW = 12.5·K for retail exposures.
 *
 * @see BCBS (June 2006), para 328; Annex 5 tabulates these weights.
 * @param pd probability of default in [0, 1]
 * @param lgd loss given default in [0, 1]
 * @param r the asset correlation in [0, 1), default 0.04
 * @returns the risk weight, a share of exposure (0.1722 = 17.22%)
 * @throws {RangeError} if pd, lgd or r is out of range
 * @example
 * baselRiskWeight(0.01, 0.45); // => 0.17224159964899...
 */
export function baselRiskWeight(pd: number, lgd: number, r = 0.04): number {
  return 12.5 * baselRetailK(pd, lgd, r);
}
