/**
 * Tail intervals and importance-sampling estimators against truth the code
 * does not compute: R's Student-t quantiles, the exact binomial law of order
 * statistics, and the Vasicek large-pool closed form sampled directly.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { studentTQuantile } from '../../src/results/student-t.js';
import { MIN_PATHS_BEYOND, orderStatisticRanks, pathsToBound, tailPair } from '../../src/results/tail.js';
import { effectiveSampleSize, weightedMean, weightedQuantileSorted } from '../../src/results/weighted.js';
import { summarise, tailStats } from '../../src/results/stat.js';
import { binomialPmf } from '../../src/stats/pmf.js';
import { normalCdf, normalQuantile } from '../../src/stats/normal.js';
import { vasicekCdf, vasicekQuantile } from '../oracles/vasicek.js';

/** The Vasicek large-pool default rate at factor z: p(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ)). */
const rateAt = (z: number, pd: number, rho: number): number =>
  normalCdf((normalQuantile(pd) - Math.sqrt(rho) * z) / Math.sqrt(1 - rho));

describe('studentTQuantile', () => {
  it("matches R's qt()", () => {
    // R 4.3: qt(0.975, c(1, 2, 4, 9, 29)), qt(0.995, 7), qt(0.025, 3)
    const r: [number, number, number][] = [
      [0.975, 1, 12.706204736174707],
      [0.975, 2, 4.302652729749464],
      [0.975, 4, 2.7764451051977987],
      [0.975, 9, 2.2621571628540993],
      [0.975, 29, 2.045229642132703],
      [0.995, 7, 3.4994832973505026],
      [0.025, 3, -3.182446305284263],
    ];
    for (const [p, df, q] of r) expect(studentTQuantile(p, df)).toBeCloseTo(q, 9);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
    expect(() => studentTQuantile(0.9, 2.5)).toThrow(RangeError);
  });
});

describe('summarise below 30 paths', () => {
  it('uses Student-t, says the interval is rough, and never clips it', () => {
    // the case: a few paths of a small rate give an interval below zero, which stays
    const s = summarise([0.001, 0.002, 0.07, 0.003]);
    expect(s.rough).toBe(true);
    expect(s.ci95![0]).toBeLessThan(0);
    expect(s.ci95![1] - s.mean!).toBeCloseTo(studentTQuantile(0.975, 3) * s.se!, 14);
    const many = summarise(Array.from({ length: 30 }, (_, i) => i));
    expect(many.rough).toBeUndefined();
    expect(many.ci95![1] - many.mean!).toBeCloseTo(1.96 * many.se!, 12);
  });
});

describe('orderStatisticRanks', () => {
  it('gives ranks whose exact binomial coverage is at least 95%, and neither end can move in without losing it', () => {
    for (const [n, alpha] of [[1000, 0.99], [400, 0.95], [100, 0.5], [5000, 0.999]] as const) {
      const { lower, upper, coverage } = orderStatisticRanks(n, alpha);
      expect(lower).not.toBeNull();
      expect(upper).not.toBeNull();
      const cdf = (k: number): number => {
        let c = 0;
        for (let j = 0; j <= k; j++) c += binomialPmf(j, n, alpha);
        return c;
      };
      // coverage P(l ≤ B ≤ u − 1); moving either end in drops it below 95%
      const cover = (l: number, u: number): number => cdf(u - 1) - cdf(l - 1);
      expect(coverage).toBeCloseTo(cover(lower!, upper!), 10);
      expect(coverage).toBeGreaterThanOrEqual(0.95);
      expect(cover(lower! + 1, upper!)).toBeLessThan(0.95);
      expect(cover(lower!, upper! - 1)).toBeLessThan(0.95);
    }
  });

  it('is unbounded above when even the largest value is not beyond the quantile often enough', () => {
    // 100 paths at 99.9%: P(all 100 below the quantile) = 0.999^100 = 0.905 > 2.5%
    expect(orderStatisticRanks(100, 0.999).upper).toBeNull();
    expect(orderStatisticRanks(100, 0.99).upper).toBeNull(); // 0.99^100 = 0.366
    expect(orderStatisticRanks(1000, 0.999).upper).toBeNull(); // 0.999^1000 = 0.368
    expect(orderStatisticRanks(400, 0.99).upper).toBe(400); // 0.99^400 = 0.018
    expect([0.95, 0.99, 0.999].map(pathsToBound)).toEqual([71, 348, 3456]);
    expect(orderStatisticRanks(347, 0.99).upper).toBeNull();
  });
});

describe('plain VaR interval coverage (distribution-free)', () => {
  it('covers the true 99% quantile of the Vasicek rate 93–97% of the time over independent replicates', () => {
    // 3000 replicates of 1000 paths drawn from the Vasicek large-pool law (PD 2%, ρ 0.04); truth from
    // the closed form. Exact coverage of the ranks is c (≈ 95.7%); the hit rate's sd is
    // √(c(1−c)/3000) ≈ 0.37%, so 93–97% is 3.6 sd wide on each side of c.
    const pd = 0.02;
    const rho = 0.04;
    const truth = vasicekQuantile(0.99, pd, rho);
    const rng = seedrandom.alea('limitlab/test/coverage');
    const reps = 3000;
    const n = 1000;
    let hits = 0;
    const xs = new Array<number>(n);
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < n; i++) xs[i] = rateAt(normalQuantile(Math.max(1e-16, rng())), pd, rho);
      xs.sort((a, b) => a - b);
      const { var: v } = tailPair(xs, 0.99);
      if (v.ci95![0] <= truth && truth <= v.ci95![1]) hits++;
    }
    const rate = hits / reps;
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
    expect(Math.abs(rate - orderStatisticRanks(n, 0.99).coverage)).toBeLessThan(4 * Math.sqrt((0.95 * 0.05) / reps));
  });
});

describe('weighted (importance-sampling) estimators', () => {
  it('give the plain estimators with unit weights, bit for bit', () => {
    const values = [0.031, null, 0.012, 0.055, 0.02, 0.047, 0.009, 0.038];
    const ones = values.map(() => 1);
    expect(summarise(values, 'none', ones)).toEqual(summarise(values, 'none'));
    expect(tailStats(values, 0.9, ones)).toEqual(tailStats(values, 0.9));
  });

  it('weighted mean and quantile are the textbook ones on small cases', () => {
    expect(weightedMean([{ x: 1, w: 0.5 }, { x: 3, w: 1.5 }]).mean).toBe(2.5);
    const sorted = [1, 2, 3, 4].map((x) => ({ x, w: 1 }));
    expect(weightedQuantileSorted(sorted, 0.75)).toBe(3);
    expect(weightedQuantileSorted(sorted, 0.76)).toBe(4);
    expect(weightedQuantileSorted(sorted, 0.25)).toBe(1);
    expect(effectiveSampleSize([1, 1, 1, 1])).toBe(4);
    expect(effectiveSampleSize([2, 0, 0, 0])).toBe(1);
  });

  it('estimate the Vasicek 99.9% quantile and P(X > x) without bias from a shifted factor, and the interval covers', () => {
    // Z ~ N(μ, 1) with μ = Φ⁻¹(0.001) (the Glasserman–Li mode), weight φ(Z)/φ(Z − μ); 1000 draws.
    // Truth: the large-pool closed form. Tolerance: 4 standard errors of the weighted tail probability.
    const pd = 0.02;
    const rho = 0.04;
    const mu = normalQuantile(0.001);
    const rng = seedrandom.alea('limitlab/test/is-vasicek');
    const n = 1000;
    const values: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < n; i++) {
      const eps = normalQuantile(Math.max(1e-16, rng()));
      const z = eps + mu;
      values.push(rateAt(z, pd, rho));
      weights.push(Math.exp(-mu * eps - (mu * mu) / 2));
    }
    const x = vasicekQuantile(0.999, pd, rho);
    const tailProb = weightedMean(values.map((v, i) => ({ x: v > x ? 1 : 0, w: weights[i]! })));
    expect(Math.abs(tailProb.mean - 0.001)).toBeLessThan(4 * tailProb.se!);
    expect(tailProb.se!).toBeLessThan(0.0001); // plain Monte Carlo's se at 1000 paths: √(0.001·0.999/1000) = 0.001
    const { var: v, es } = tailStats(values, 0.999, weights);
    expect(v.beyond!).toBeGreaterThan(MIN_PATHS_BEYOND);
    expect(v.ci95![0]).toBeLessThanOrEqual(x);
    expect(v.ci95![1]).toBeGreaterThanOrEqual(x);
    expect(Math.abs(1 - vasicekCdf(v.mean!, pd, rho) - 0.001)).toBeLessThan(4 * tailProb.se!);
    expect(es.ci95).not.toBeNull();
  });
});
