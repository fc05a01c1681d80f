import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf, indicatorCovariance } from '../oracles/bivariateNormal.js';
import { normalCdf } from '../../src/stats/normal.js';

describe('bivariateNormalCdf', () => {
  // mpmath at 40 digits: ∫_{−∞}^{a} φ(z)·Φ((b − ρz)/√(1−ρ²)) dz
  const reference: [number, number, number, number][] = [
    [0.3, -1.2, 0.5, 0.10364661613573978995],
    [-2, -2, 0.04, 0.00064377871421645983479],
    [1, 0.5, -0.7, 0.53599759957532868012],
    [-1.5, 2, 0.95, 0.066807201268858066004],
    [0, 0, 0.3, 0.29849334201033914525],
  ];
  it.each(reference)('Φ2(%d, %d; %d) matches mpmath to 1e-14 relative', (a, b, rho, v) => {
    expect(Math.abs(bivariateNormalCdf(a, b, rho) - v)).toBeLessThan(1e-14 * v);
  });

  it('has the closed forms at ρ = 0, ±1 and Φ2(0, 0; ρ) = 1/4 + asin(ρ)/(2π)', () => {
    expect(bivariateNormalCdf(0.4, -0.3, 0)).toBe(normalCdf(0.4) * normalCdf(-0.3));
    expect(bivariateNormalCdf(0.5, 0.2, 1)).toBeCloseTo(normalCdf(0.2), 14);
    expect(bivariateNormalCdf(0.5, -0.2, -1)).toBeCloseTo(normalCdf(0.5) + normalCdf(-0.2) - 1, 14);
    for (const rho of [-0.9, -0.3, 0.2, 0.8, 0.999]) {
      expect(bivariateNormalCdf(0, 0, rho)).toBeCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), 15);
    }
    expect(bivariateNormalCdf(-Infinity, 1, 0.5)).toBe(0);
    expect(() => bivariateNormalCdf(0, 0, 1.1)).toThrow(RangeError);
  });

  it('keeps relative accuracy in the small covariance of rare events', () => {
    // Var of the Vasicek rate at PD 2%, ρ 4%: mpmath 1.0194362059152822387e-4
    const a = -2.053748910631823;
    expect(Math.abs(indicatorCovariance(a, a, 0.04) - 1.0194362059152822387e-4)).toBeLessThan(1e-14 * 1.02e-4);
  });
});
