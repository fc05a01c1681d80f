import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile } from '../../src/stats/normal.js';
import {
  baselRetailK, baselRiskWeight, finitePoolPmf, vasicekCdf, vasicekMean, vasicekQuantile, vasicekSd,
} from '../oracles/vasicek.js';

// MODEL.md "Reference values", to the digits quoted there; the longer values are mpmath at 40 digits.
const PD = 0.02;
const RHO = 0.04;

describe('Vasicek large pool (MODEL.md reference values)', () => {
  it('mean 2% and sd 1.0097%', () => {
    expect(vasicekMean(PD, RHO)).toBe(0.02);
    expect(vasicekSd(PD, RHO)).toBeCloseTo(0.010097, 6);
    expect(Math.abs(vasicekSd(PD, RHO) - 0.010096713355915786514)).toBeLessThan(1e-15);
  });

  it('99th percentile 5.248%, 99.9th 7.142%', () => {
    expect(vasicekQuantile(0.99, PD, RHO)).toBeCloseTo(0.05248, 5);
    expect(vasicekQuantile(0.999, PD, RHO)).toBeCloseTo(0.07142, 5);
    expect(vasicekQuantile(0.99, PD, RHO)).toBeCloseTo(0.052483631748092636, 15);
    expect(vasicekQuantile(0.999, PD, RHO)).toBeCloseTo(0.071418496545851374, 15);
  });

  it('P(X > 5%) = 1.353%', () => {
    expect(1 - vasicekCdf(0.05, PD, RHO)).toBeCloseTo(0.01353, 5);
    expect(1 - vasicekCdf(0.05, PD, RHO)).toBeCloseTo(0.013530375148349505, 14);
  });

  it('quantile and CDF are inverse', () => {
    for (const alpha of [0.001, 0.05, 0.5, 0.95, 0.999]) {
      expect(vasicekCdf(vasicekQuantile(alpha, PD, RHO), PD, RHO)).toBeCloseTo(alpha, 12);
    }
  });

  it('sd agrees with E[p(Z)²] − PD² by Simpson over Z (a check independent of the Φ2 integral)', () => {
    // p(z) = Φ((Φ⁻¹(PD) − √ρ·z)/√(1−ρ)); Simpson with h = 1e-3 on [−10, 10] is exact to ~1e-15 here
    const a = normalQuantile(PD);
    const m = 20_000;
    const h = 20 / m;
    let ex2 = 0;
    for (let i = 0; i <= m; i++) {
      const z = -10 + i * h;
      const w = i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2;
      ex2 += w * normalPdf(z) * normalCdf((a - Math.sqrt(RHO) * z) / Math.sqrt(1 - RHO)) ** 2;
    }
    ex2 *= h / 3;
    expect(Math.sqrt(ex2 - PD * PD)).toBeCloseTo(vasicekSd(PD, RHO), 12);
  });

  it('degenerates to a point at pd for ρ = 0 or pd ∈ {0, 1}', () => {
    expect(vasicekCdf(0.019, PD, 0)).toBe(0);
    expect(vasicekCdf(0.02, PD, 0)).toBe(1);
    expect(vasicekQuantile(0.999, PD, 0)).toBe(PD);
    expect(vasicekSd(0, RHO)).toBe(0);
    expect(vasicekCdf(0, 0, RHO)).toBe(1);
    expect(() => vasicekCdf(0.1, 1.5, RHO)).toThrow(RangeError);
    expect(() => vasicekCdf(0.1, PD, 1)).toThrow(RangeError);
    expect(() => vasicekQuantile(1.5, PD, RHO)).toThrow(RangeError);
  });
});

describe('Basel II retail risk weights (BCBS 2006 Annex 5, R = 0.04)', () => {
  // Annex 5 at LGD 45%: PD 0.03% → 0.98%, 0.10% → 2.71%, 1% → 17.22%, 2% → 28.92%, 2.5% → 33.98%;
  // at LGD 85%, PD 1% → 32.53% (MODEL.md). Rounded to 0.01% in the table.
  const table: [number, number, number][] = [
    [0.0003, 0.45, 0.0098],
    [0.001, 0.45, 0.0271],
    [0.01, 0.45, 0.1722],
    [0.02, 0.45, 0.2892],
    [0.025, 0.45, 0.3398],
    [0.01, 0.85, 0.3253],
  ];
  it.each(table)('PD %d, LGD %d → RW %d', (pd, lgd, rw) => {
    expect(Math.abs(baselRiskWeight(pd, lgd) - rw)).toBeLessThanOrEqual(0.00005 + 1e-12);
  });

  it('LGD·x_0.999 = K + LGD·PD (the loss quantile of the Vasicek model)', () => {
    expect(0.45 * vasicekQuantile(0.999, 0.01, 0.04)).toBeCloseTo(baselRetailK(0.01, 0.45) + 0.45 * 0.01, 15);
    expect(baselRetailK(0.01, 0.45)).toBeCloseTo(0.013779327971919561, 15); // mpmath
  });

  it('rejects an LGD outside [0, 1]', () => {
    expect(() => baselRetailK(0.01, 1.2)).toThrow(RangeError);
  });
});

describe('finitePoolPmf', () => {
  const moments = (pmf: Float64Array): { total: number; mean: number; variance: number } => {
    let total = 0;
    let m1 = 0;
    let m2 = 0;
    pmf.forEach((p, k) => {
      total += p;
      m1 += k * p;
      m2 += k * k * p;
    });
    return { total, mean: m1, variance: m2 - m1 * m1 };
  };

  it('matches direct integration (mpmath quad, 40 digits) for n = 10 and n = 1000', () => {
    const small = finitePoolPmf(10, PD, RHO);
    expect(small[0]).toBeCloseTo(0.8208468879718343373, 13);
    expect(small[1]).toBeCloseTo(0.15993840696507567391, 13);
    expect(Math.abs(small[3]! - 0.0014318763656868656637)).toBeLessThan(1e-14);
    const large = finitePoolPmf(1000, PD, RHO);
    expect(Math.abs(large[5]! - 0.015461539013939801036)).toBeLessThan(1e-14);
    expect(Math.abs(large[20]! - 0.036217836183055841056)).toBeLessThan(1e-14);
    expect(Math.abs(large[60]! - 0.00064802882409950163521)).toBeLessThan(1e-15);
  });

  it('sums to 1, has mean n·PD and variance n·(PD − PD² − V) + n²·V (V the Vasicek variance)', () => {
    const V = 1.0194362059152822387e-4; // mpmath
    for (const n of [1, 10, 1000, 20_000]) {
      const { total, mean, variance } = moments(finitePoolPmf(n, PD, RHO));
      expect(total).toBeCloseTo(1, 12);
      expect(mean / n).toBeCloseTo(PD, 12);
      const expected = n * (PD - PD * PD - V) + n * n * V;
      expect(Math.abs(variance - expected)).toBeLessThan(1e-10 * expected);
    }
  });

  it('approaches the large-pool law: P(D > 5% of 100 000) near P(X > 5%) = 1.353%', () => {
    const n = 100_000;
    const pmf = finitePoolPmf(n, PD, RHO);
    let above = 0;
    for (let k = 5001; k <= n; k++) above += pmf[k]!;
    // binomial noise of a pool this size moves the tail by ~1e-4 (checked: 1.3562% vs 1.3530%)
    expect(Math.abs(above - 0.01353)).toBeLessThan(1e-4);
  });

  it('is binomial for ρ = 0 and a point mass at pd ∈ {0, 1}', () => {
    const b = finitePoolPmf(3, 0.5, 0);
    expect(Array.from(b).map((p) => p * 8)).toEqual([1, 3, 3, 1].map((x) => expect.closeTo(x, 14)));
    expect(Array.from(finitePoolPmf(4, 0, RHO))).toEqual([1, 0, 0, 0, 0]);
    expect(Array.from(finitePoolPmf(4, 1, RHO))).toEqual([0, 0, 0, 0, 1]);
    expect(() => finitePoolPmf(2.5, PD, RHO)).toThrow(RangeError);
  });
});
