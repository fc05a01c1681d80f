import { describe, expect, it } from 'vitest';
import { normalCdf, normalPdf, normalQuantile } from '../../src/stats/normal.js';

/** |a − b| ≤ tol·|b|: relative agreement. */
function expectRel(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
}

describe('normalCdf', () => {
  // Reference: mpmath.ncdf at 40 digits (scipy.stats.norm.cdf agrees to the digits shown).
  const reference: [number, number][] = [
    [-38, 2.8854283600687843e-316],
    [-20, 2.7536241186062337e-89],
    [-8, 6.2209605742717841e-16],
    [-5, 2.8665157187919391e-7],
    [-3.3, 4.8342414238377751e-4],
    [-1, 0.15865525393145705],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.3, 0.61791142218895263],
    [0.67, 0.7485711049046899],
    [1.5, 0.93319279873114193],
    [3, 0.99865010196836991],
    [5.7, 0.9999999940096286],
    [8, 0.99999999999999938],
  ];
  it.each(reference)('Φ(%d) matches mpmath to 1e-14 relative', (x, p) => {
    // Φ(−38) is subnormal: only ~8 digits exist to compare
    expectRel(normalCdf(x), p, x === -38 ? 1e-7 : 1e-14);
  });

  it('gets the values the brief quotes, including the tail where a table fails', () => {
    expectRel(normalCdf(-3.3), 4.834241423837772e-4, 1e-15);
    expectRel(normalCdf(-8), 6.22096e-16, 1e-6);
  });

  it('is 0/1 at ±Infinity, and symmetric: Φ(x) + Φ(−x) = 1', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    for (const x of [0.1, 0.674, 0.675, 1.7, 4, 5.65, 5.66, 7]) {
      expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
    }
  });

  it('is continuous at the branch points of the approximation (0.67448975 and √32)', () => {
    for (const b of [0.67448975, Math.sqrt(32)]) {
      const below = normalCdf(-b * (1 - 1e-12));
      const above = normalCdf(-b * (1 + 1e-12));
      expectRel(below, above, 1e-10);
    }
  });
});

describe('normalPdf', () => {
  it('matches 1/√(2π)·exp(−x²/2)', () => {
    expect(normalPdf(0)).toBe(0.3989422804014327);
    // mpmath.npdf(8) = 5.0522710835368927e-15
    expectRel(normalPdf(8), 5.0522710835368927e-15, 1e-14);
    expectRel(normalPdf(-1.5), 0.12951759566589174, 1e-15); // scipy.stats.norm.pdf(-1.5)
    expect(normalPdf(Infinity)).toBe(0);
  });
});

describe('normalQuantile', () => {
  // Reference: scipy.stats.norm.ppf / R qnorm, confirmed by mpmath root-finding at 40 digits.
  const reference: [number, number][] = [
    [1e-300, -37.047096299361199],
    [1e-100, -21.273453560965324],
    [1e-10, -6.361340902404056],
    [1e-5, -4.2648907939228246],
    [0.001, -3.0902323061678135],
    [0.02, -2.053748910631823],
    [0.1, -1.2815515655446004],
    [0.3, -0.52440051270804082],
    [0.7, 0.52440051270804066],
    [0.999, 3.090232306167813],
  ];
  it.each(reference)('Φ⁻¹(%d) matches the reference to 1e-15 relative', (p, x) => {
    expectRel(normalQuantile(p), x, 1e-15);
  });

  it('gets the values the brief quotes', () => {
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0.02)).toBeCloseTo(-2.053748910631823, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 14);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('returns ∓Infinity at 0 and 1 and throws outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-1e-300, 1.0000001, Number.NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });

  it('round-trips with normalCdf', () => {
    for (let i = 1; i < 2000; i++) {
      const p = i / 2000;
      expectRel(normalCdf(normalQuantile(p)), p, 1e-14);
    }
    // In the far tail Φ(x) amplifies a relative error ε in x to ~x²·ε (Φ'(x)·x/Φ(x) ≈ x²),
    // so an x good to 3e-16 comes back with p good only to ~x²·3e-16 (3e-13 at 1e-200).
    for (const p of [1e-300, 1e-200, 1e-50, 1e-16, 1e-8, 1e-3]) {
      const x = normalQuantile(p);
      expectRel(normalCdf(x), p, Math.max(1e-14, x * x * 1e-15));
    }
    // Lower tail only: above 0, Φ(x) is a double near 1 whose spacing (1.1e-16) limits how
    // well x can be recovered (Δx ≈ 1.1e-16/φ(x)), whatever the algorithms.
    for (let i = 0; i <= 100; i++) {
      const x = -30 + 0.3 * i;
      expectRel(normalQuantile(normalCdf(x)), x, 1e-14);
    }
  });

  it('is increasing across its branch points (|p − 0.5| = 0.425, r = 5)', () => {
    const points = [0.075, 0.925, Math.exp(-25)];
    for (const p of points) {
      expect(normalQuantile(p * (1 - 1e-12))).toBeLessThan(normalQuantile(p));
      expect(normalQuantile(p)).toBeLessThan(normalQuantile(p * (1 + 1e-12)));
    }
  });
});
