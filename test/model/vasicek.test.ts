/**
 * The engine against the one-factor Gaussian closed form (MODEL.md): with every
 * policy off, defaultDpd 0, no score or utilisation effect and one step of 365
 * days, a path's default count is Binomial(N, p(Z)) with Z ~ N(0,1) — the
 * finite-pool Vasicek distribution. This is truth the engine does not compute.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';
import { S } from '../../src/results/layout.js';
import { finitePoolPmf, vasicekMean, vasicekSd } from '../oracles/vasicek.js';
import { ksCriticalValue, ksStatisticDiscrete } from '../oracles/ks.js';

describe('vasicek validation scenario', () => {
  it('per-path default counts follow the finite-pool Vasicek distribution', async () => {
    const scenario = await loadScenario('scenarios/validation/vasicek.yaml');
    const n = scenario.run.borrowersPerPath;
    const paths = scenario.run.paths;
    const rho = scenario.segments[0]!.correlation;
    const pd = 1 - Math.exp(-scenario.credit.annualMissRateAtRef);
    expect(pd).toBeCloseTo(0.02, 12);

    const run = await simulate(scenario, { workers: 2 });
    const counts = run.paths.map((acc) => acc[S.defaults]!);
    expect(run.paths.every((acc) => acc[S.borrowers] === n)).toBe(true);

    // Kolmogorov–Smirnov against the exact finite-pool pmf (discrete KS is
    // conservative). Critical value at α = 0.001 for `paths` observations.
    const pmf = finitePoolPmf(n, pd, rho);
    const d = ksStatisticDiscrete(counts, pmf);
    const critical = ksCriticalValue(paths, 0.001);
    expect(d).toBeLessThan(critical);

    // Moments of the default rate: Var = Var_Vasicek + E[p(1−p)]/N. The mean's
    // tolerance is 4 standard errors of a mean over `paths` paths; the sd's is
    // 4 standard errors of a sample sd (≈ sd·sqrt((κ−1)/(4·paths)), κ ≤ 6 here).
    const rates = counts.map((c) => c / n);
    const mean = rates.reduce((a, b) => a + b, 0) / paths;
    const sd = Math.sqrt(rates.reduce((a, b) => a + (b - mean) ** 2, 0) / (paths - 1));
    const vSd = vasicekSd(pd, rho);
    const trueSd = Math.sqrt(vSd ** 2 + (pd * (1 - pd) - vSd ** 2) / n);
    expect(Math.abs(mean - vasicekMean(pd, rho))).toBeLessThan((4 * trueSd) / Math.sqrt(paths));
    expect(Math.abs(sd - trueSd)).toBeLessThan(4 * trueSd * Math.sqrt(5 / (4 * paths)));
  });
});
