/**
 * Importance sampling of the economy (docs/tail-risk.md) against closed forms
 * the engine does not compute: the finite-pool Vasicek distribution and the
 * Basel IRB capital formula. With every policy off and one 365-day step, a
 * path's default count is Binomial(N, p(Z)) (MODEL.md), so the weighted
 * estimators' truth is known exactly. Tolerances are stated per check.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { runScenario, simulate } from '../../src/engine/run.js';
import { S } from '../../src/results/layout.js';
import { tailStats } from '../../src/results/stat.js';
import { weightedMean } from '../../src/results/weighted.js';
import { pathWeights } from '../../src/engine/path-weights.js';
import { makeClock } from '../../src/model/clock.js';
import { autoShift, buildEconomy } from '../../src/model/economy.js';
import { economyStream } from '../../src/engine/streams.js';
import { baselRetailK, finitePoolPmf, vasicekCdf, vasicekQuantile } from '../oracles/vasicek.js';
import { normalQuantile } from '../../src/stats/normal.js';
import type { Scenario } from '../../src/scenario/schema.js';

const IS_AUTO = ['run.importanceSampling.enabled=true', 'run.importanceSampling.shift=auto'];

/** Default rates and weights of an importance-sampled Vasicek run. */
async function vasicekRun(overrides: string[]): Promise<{ scenario: Scenario; rates: number[]; weights: number[] }> {
  const scenario = await loadScenario('scenarios/validation/vasicek.yaml', [...IS_AUTO, ...overrides]);
  const run = await simulate(scenario, { workers: 2 });
  const n = scenario.run.borrowersPerPath;
  return {
    scenario,
    rates: run.paths.map((acc) => acc[S.defaults]! / n),
    weights: pathWeights(scenario, makeClock(scenario), scenario.run.paths)!,
  };
}

/** The α-quantile k/N of the finite-pool default rate, and P(X > x) for a rate x. */
function finitePool(n: number, pd: number, rho: number) {
  const pmf = finitePoolPmf(n, pd, rho);
  const tail = (x: number): number => {
    let t = 0;
    for (let k = Math.floor(x * n + 1e-9) + 1; k <= n; k++) t += pmf[k]!;
    return t;
  };
  const quantile = (alpha: number): number => {
    let c = 0;
    for (let k = 0; k <= n; k++) if ((c += pmf[k]!) >= alpha) return k / n;
    return 1;
  };
  return { tail, quantile };
}

describe('importance sampling of the economy', () => {
  it('with shift 0 gives the results of plain Monte Carlo, byte for byte, with unit weights', async () => {
    const sizes = ['run.paths=4', 'run.borrowersPerPath=300', 'run.shardSize=150'];
    const plain = await runScenario(await loadScenario('scenarios/baseline.yaml', sizes), { inProcess: true });
    const zero = await runScenario(
      await loadScenario('scenarios/baseline.yaml', [...sizes, 'run.importanceSampling.enabled=true', 'run.importanceSampling.shift=0']),
      { inProcess: true },
    );
    expect(zero.perPath.weight).toEqual([1, 1, 1, 1]);
    const { weight, ...zeroPerPath } = zero.perPath;
    void weight;
    // the fields importance sampling adds: perPath.weight, estimation, lossDistribution.probability
    const { probability, ...zeroLoss } = zero.lossDistribution;
    expect(probability).toEqual(plain.lossDistribution.count.map((c) => c / 4));
    const strip = (s: typeof plain) => JSON.stringify({ ...s, manifest: null, estimation: null, perPath: null, lossDistribution: null });
    const same = strip(zero) === strip(plain); // not toBe: a failure would print two whole summaries
    expect(same).toBe(true);
    expect(zeroLoss).toEqual(plain.lossDistribution);
    expect(JSON.stringify(zeroPerPath)).toBe(JSON.stringify(plain.perPath));
    expect(zero.estimation).toMatchObject({ method: 'importance sampling', shift: 0, effectiveSampleSize: 4 });
  });

  it('shifts the mean of every Z_t, leaves the maintenance draws alone, and weighs by dP/dQ', async () => {
    // Over 4000 economies of the baseline (24 monthly steps, φ = 0.9): the mean of Z_t under the shift
    // is shift ± 4·1/√4000 = ±0.063 at every t (Z_t has unit variance), and E_Q[w] = 1 within 4 se.
    const base = await loadScenario('scenarios/baseline.yaml');
    const clock = makeClock(base);
    const shift = -1.5;
    const shifted = { ...base, run: { ...base.run, importanceSampling: { enabled: true, shift } } };
    const m = 4000;
    const sums = new Float64Array(clock.steps);
    const ws: number[] = [];
    for (let p = 0; p < m; p++) {
      const e = buildEconomy(shifted, clock, economyStream(base.seed, p));
      const plain = buildEconomy(base, clock, economyStream(base.seed, p));
      expect(e.maintenanceEvents).toEqual(plain.maintenanceEvents);
      e.x.forEach((x, t) => (sums[t]! += x));
      ws.push(e.weight);
    }
    for (const s of sums) expect(Math.abs(s / m - shift)).toBeLessThan(4 / Math.sqrt(m));
    const w = weightedMean(ws.map((x) => ({ x, w: 1 })));
    expect(Math.abs(w.mean - 1)).toBeLessThan(4 * w.se!);
    // auto: sd of the horizon's mean factor times Φ⁻¹(0.001); one step: Φ⁻¹(0.001) itself
    const vasicek = await loadScenario('scenarios/validation/vasicek.yaml');
    expect(autoShift(vasicek, makeClock(vasicek))).toBeCloseTo(normalQuantile(0.001), 12);
  });

  it('Vasicek: the weighted 99.9% quantile and P(X > x) match the finite pool, the interval covers it, and the variance is far below plain Monte Carlo', async () => {
    const { scenario, rates, weights } = await vasicekRun(['run.paths=2000', 'run.borrowersPerPath=1000', 'run.shardSize=1000']);
    const n = scenario.run.borrowersPerPath;
    const pd = 1 - Math.exp(-scenario.credit.annualMissRateAtRef);
    const pool = finitePool(n, pd, scenario.segments[0]!.correlation);
    const paths = rates.length;

    // P(X > x) for x beyond the 99.9% quantile: the unbiased weighted mean of the indicator; 4 se.
    const x = pool.quantile(0.999) + 0.005;
    const tailProb = weightedMean(rates.map((r, i) => ({ x: r > x ? 1 : 0, w: weights[i]! })));
    expect(Math.abs(tailProb.mean - pool.tail(x))).toBeLessThan(4 * tailProb.se!);

    // The weighted VaR 99.9%: its exceedance probability under the exact law is 0.1% within 4 se of
    // the weighted tail probability near it (the estimate is a grid point k/N, so allow one grid step).
    const { var: v } = tailStats(rates, 0.999, weights);
    const at = weightedMean(rates.map((r, i) => ({ x: r > v.mean! ? 1 : 0, w: weights[i]! })));
    const exceed = (q: number) => pool.tail(q);
    expect(exceed(v.mean! - 1 / n) + 4 * at.se!).toBeGreaterThanOrEqual(0.001);
    expect(exceed(v.mean!) - 4 * at.se!).toBeLessThanOrEqual(0.001);
    expect(v.ci95![0]).toBeLessThanOrEqual(pool.quantile(0.999));
    expect(v.ci95![1]).toBeGreaterThanOrEqual(pool.quantile(0.999));
    expect(v.unreliable).toBeUndefined();

    // Variance of P̂(X > x) at the 99.9% quantile over 20 independent batches of 100 paths (each a
    // different set of economies), against plain Monte Carlo's exact binomial variance p(1 − p)/100.
    // The batch variance's own relative error is about √(2/19) ≈ 0.32; the bar is 10×.
    const q = pool.quantile(0.999);
    const p = pool.tail(q);
    const batch = 100;
    const estimates: number[] = [];
    for (let b = 0; b < paths / batch; b++) {
      let s = 0;
      for (let i = b * batch; i < (b + 1) * batch; i++) if (rates[i]! > q) s += weights[i]!;
      estimates.push(s / batch);
    }
    const mean = estimates.reduce((a, e) => a + e, 0) / estimates.length;
    const variance = estimates.reduce((a, e) => a + (e - mean) ** 2, 0) / (estimates.length - 1);
    expect(variance * 10).toBeLessThan((p * (1 - p)) / batch);
  }, 60_000);

  it('Basel IRB retail: LGD·VaR99.9(default rate) − LGD·PD reproduces K at PD 1%, ρ 0.04, LGD 45%', async () => {
    const pd = 0.01;
    const lgd = 0.45;
    const { scenario, rates, weights } = await vasicekRun([
      `credit.annualMissRateAtRef=${-Math.log(1 - pd)}`,
      'run.paths=500',
      'run.borrowersPerPath=4000',
      'run.shardSize=4000',
    ]);
    const n = scenario.run.borrowersPerPath;
    const rho = scenario.segments[0]!.correlation;
    const k = baselRetailK(pd, lgd, rho);
    expect(12.5 * k).toBeCloseTo(0.1722, 4); // MODEL.md: risk weight 17.22%
    const { var: v } = tailStats(rates, 0.999, weights);
    // Stated error: the quantile's Monte Carlo error, 4 se of the weighted tail probability at the
    // estimate turned into a rate by the large-pool density f(x) (a difference quotient), plus the
    // finite pool's own shift of the quantile (binomial noise of N borrowers, from the exact pmf),
    // plus one grid step 1/N; all times LGD.
    const at = weightedMean(rates.map((r, i) => ({ x: r > v.mean! ? 1 : 0, w: weights[i]! })));
    const x = vasicekQuantile(0.999, pd, rho);
    const h = 1e-5;
    const density = (vasicekCdf(x + h, pd, rho) - vasicekCdf(x - h, pd, rho)) / (2 * h);
    const finiteShift = Math.abs(finitePool(n, pd, rho).quantile(0.999) - x);
    const tolerance = lgd * ((4 * at.se!) / density + finiteShift + 1 / n);
    expect(Math.abs(lgd * v.mean! - lgd * pd - k)).toBeLessThan(tolerance);
    expect(tolerance).toBeLessThan(0.25 * k); // the check means something: well under K itself
  }, 60_000);
});
