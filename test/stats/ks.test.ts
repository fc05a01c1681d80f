import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  kolmogorovSurvival, ksCriticalValue, ksPValue, ksStatistic, ksStatisticDiscrete,
} from '../oracles/ks.js';
import { normalCdf, normalQuantile } from '../../src/stats/normal.js';
import { binomialPmf } from '../../src/stats/pmf.js';
import { binomialFromUniform, poissonFromUniform } from '../../src/stats/sampling.js';
import { finitePoolPmf } from '../oracles/vasicek.js';

describe('kolmogorovSurvival, ksCriticalValue, ksPValue', () => {
  it('match scipy.special.kolmogorov / kolmogi', () => {
    expect(kolmogorovSurvival(1.3581)).toBeCloseTo(0.0499996304316674, 14);
    expect(kolmogorovSurvival(0.5)).toBeCloseTo(0.9639452436648751, 14);
    expect(kolmogorovSurvival(1.0)).toBeCloseTo(0.26999967167735456, 14);
    expect(kolmogorovSurvival(2.0)).toBeCloseTo(0.0006709252557796953, 14);
    expect(kolmogorovSurvival(0)).toBe(1);
    // kolmogi(0.05) = 1.3580986393225507, kolmogi(0.01) = 1.6276236115189504; Stephens' scale √n + 0.12 + 0.11/√n
    expect(ksCriticalValue(100, 0.05) * (10 + 0.12 + 0.011)).toBeCloseTo(1.3580986393225507, 12);
    expect(ksCriticalValue(1, 0.01) * 1.23).toBeCloseTo(1.6276236115189504, 12);
  });

  it('are consistent: the p-value at the critical value is α', () => {
    for (const n of [5, 100, 10_000]) {
      for (const alpha of [0.01, 0.05, 0.2]) expect(ksPValue(ksCriticalValue(n, alpha), n)).toBeCloseTo(alpha, 10);
    }
  });

  it('is continuous where the two series meet (λ = 1.18)', () => {
    expect(kolmogorovSurvival(1.18 - 1e-12)).toBeCloseTo(kolmogorovSurvival(1.18), 11);
  });

  it('rejects bad arguments', () => {
    expect(() => ksCriticalValue(0, 0.05)).toThrow(RangeError);
    expect(() => ksCriticalValue(10, 1)).toThrow(RangeError);
    expect(() => ksPValue(Number.NaN, 10)).toThrow(RangeError);
  });
});

describe('ksStatistic (continuous)', () => {
  it('computes D by hand on a small sample', () => {
    // against U(0,1): steps at 0.1, 0.5, 0.9 → max(1/3 − 0.1, 0.5 − 1/3, 2/3 − 0.5, 0.9 − 2/3, 1 − 0.9) = 0.2333…
    expect(ksStatistic([0.9, 0.1, 0.5], (x) => x)).toBeCloseTo(0.23333333333333334, 15);
    expect(ksStatistic([0.5], (x) => x)).toBe(0.5);
    expect(() => ksStatistic([], (x) => x)).toThrow(RangeError);
  });

  it('does not modify its input', () => {
    const sample = Object.freeze([0.3, 0.1, 0.2]);
    ksStatistic(sample, (x) => x);
    expect(sample).toEqual([0.3, 0.1, 0.2]);
  });

  // Fixed seeds make these deterministic. At α = 0.01 a correct sampler fails 1% of seeds;
  // a 0.1-sd shift with n = 5000 gives D ≈ 0.04, three times the critical 0.023.
  it('passes normal draws against Φ and fails draws shifted by 0.1 sd', () => {
    const rng = seedrandom.alea('ks-normal');
    const n = 5000;
    const xs = Array.from({ length: n }, () => normalQuantile(rng()));
    const critical = ksCriticalValue(n, 0.01);
    expect(ksStatistic(xs, normalCdf)).toBeLessThan(critical);
    expect(ksStatistic(xs.map((x) => x + 0.1), normalCdf)).toBeGreaterThan(critical);
  });
});

describe('ksStatisticDiscrete', () => {
  it('computes D by hand on a small sample', () => {
    expect(ksStatisticDiscrete([0, 1, 1, 2], [0.25, 0.5, 0.25])).toBe(0);
    // F_n = (0.5, 0.5, 1) vs F = (0.25, 0.75, 1): D = 0.25
    expect(ksStatisticDiscrete([0, 0, 2, 2], [0.25, 0.5, 0.25])).toBe(0.25);
    // a value below the support counts before 0: F_n(−1) = 0.5 vs 0
    expect(ksStatisticDiscrete([-1, 1], [0.5, 0.5])).toBe(0.5);
    // a value above the support: F_n(1) = 0.5 vs F(1) = 1
    expect(ksStatisticDiscrete([0, 5], [0.5, 0.5])).toBe(0.5);
    expect(() => ksStatisticDiscrete([0.5], [1])).toThrow(RangeError);
    expect(() => ksStatisticDiscrete([0], [0.5, 0.4])).toThrow(RangeError);
  });

  it('passes Binomial(20, 0.3) draws against their pmf and fails Binomial(20, 0.32) draws', () => {
    const rng = seedrandom.alea('ks-binomial');
    const n = 20_000;
    const pmf = Float64Array.from({ length: 21 }, (_, k) => binomialPmf(k, 20, 0.3));
    const critical = ksCriticalValue(n, 0.01);
    const good = Array.from({ length: n }, () => binomialFromUniform(rng(), 20, 0.3));
    const shifted = Array.from({ length: n }, () => binomialFromUniform(rng(), 20, 0.32));
    expect(ksStatisticDiscrete(good, pmf)).toBeLessThan(critical);
    expect(ksStatisticDiscrete(shifted, pmf)).toBeGreaterThan(critical);
  });

  it('checks a finite pool: defaults drawn through the one-factor model match finitePoolPmf', () => {
    // The MODEL.md validation setting in miniature: per path Z ~ N(0,1), each of N borrowers
    // defaults when √ρ·Z + √(1−ρ)·ε < Φ⁻¹(PD); D counts defaults. Binomial(N, p(Z)) draws D in one
    // uniform with the same law.
    const rng = seedrandom.alea('ks-pool');
    const N = 500;
    const pd = 0.02;
    const rho = 0.04;
    const a = normalQuantile(pd);
    const paths = 4000;
    const counts = Array.from({ length: paths }, () => {
      const z = normalQuantile(rng());
      const p = normalCdf((a - Math.sqrt(rho) * z) / Math.sqrt(1 - rho));
      return binomialFromUniform(rng(), N, p);
    });
    const critical = ksCriticalValue(paths, 0.01);
    expect(ksStatisticDiscrete(counts, finitePoolPmf(N, pd, rho))).toBeLessThan(critical);
    // the same pool without correlation is far narrower: a clear failure
    expect(ksStatisticDiscrete(counts, finitePoolPmf(N, pd, 0))).toBeGreaterThan(critical);
    // and a Poisson count of the right mean is not the pool's law either
    const poisson = Array.from({ length: paths }, () => poissonFromUniform(rng(), N * pd));
    expect(ksStatisticDiscrete(poisson, finitePoolPmf(N, pd, rho))).toBeGreaterThan(critical);
  });
});
