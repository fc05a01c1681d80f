import { describe, expect, it } from 'vitest';
import { binomialPmf, binomialPmfPQ, poissonPmf } from '../../src/stats/pmf.js';
import { bd0, stirlingError } from '../../src/stats/saddlepoint.js';

function expectRel(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.abs(b));
}

describe('stirlingError', () => {
  it('matches log(n!) − (n+½)log n + n − log√(2π) (mpmath, 40 digits)', () => {
    // mpmath: loggamma(n+1) - (n+0.5)*log(n) + n - log(sqrt(2*pi))
    expectRel(stirlingError(1), 0.08106146679532725822, 1e-15);
    expectRel(stirlingError(15), 0.005554733551962801371, 1e-15);
    // on both sides of each switch between series lengths (28, 60, 210, 3200)
    const series: [number, number][] = [
      [16, 0.0052076559196096404407],
      [17, 0.0049013959484347378607],
      [28, 0.002976063983550408826],
      [29, 0.0028734493623524663876],
      [60, 0.0013888760298270132647],
      [61, 0.001366107981587896049],
      [210, 0.0003968250968837294604],
      [211, 0.00039494441204362494169],
      [3200, 0.000026041666581895618685],
      [3201, 0.000026033531103478738657],
      [1e6, 8.3333333333330555285e-8],
    ];
    for (const [n, v] of series) expectRel(stirlingError(n), v, 4e-16);
  });
  it('throws for a non-integer below 16', () => {
    expect(() => stirlingError(2.5)).toThrow(RangeError);
  });
});

describe('bd0', () => {
  it('is x·log(x/np) + np − x, without cancellation near x = np', () => {
    expect(bd0(10, 10)).toBe(0);
    expectRel(bd0(3, 5), 3 * Math.log(3 / 5) + 2, 1e-14);
    // mpmath: 1000*log(1000/1000.5) + 0.5 = 1.24958348952085936e-4 (the naive formula keeps ~8 digits)
    expectRel(bd0(1000, 1000.5), 1.24958348952085936e-4, 1e-14);
  });
});

describe('poissonPmf and binomialPmf', () => {
  it('match exact values (mpmath at 30 digits)', () => {
    expectRel(poissonPmf(2, 3), 0.224041807655387743407, 1e-15);
    expectRel(poissonPmf(500, 500), 0.0178382678695117790093, 1e-14);
    expectRel(poissonPmf(45, 45), 0.0593607764730670344905, 1e-14);
    expect(poissonPmf(0, 0)).toBe(1);
    expect(poissonPmf(3, 0)).toBe(0);
    expectRel(binomialPmf(3, 10, 0.3), 0.266827932, 1e-14);
    expectRel(binomialPmf(600, 1000, 0.6), 0.0257448188014825162191, 1e-14);
    expectRel(binomialPmf(17, 40, 0.37), 0.0982526043985850846276, 1e-14);
    expectRel(binomialPmf(0, 19, 0.05), 0.95 ** 19, 1e-14);
    expectRel(binomialPmf(19, 19, 0.95), 0.95 ** 19, 1e-14);
  });
  it('sum to 1', () => {
    let s = 0;
    for (let k = 0; k <= 200; k++) s += binomialPmf(k, 200, 0.13);
    expect(s).toBeCloseTo(1, 14);
    s = 0;
    for (let k = 0; k <= 400; k++) s += poissonPmf(k, 200);
    expect(s).toBeCloseTo(1, 14);
  });
  it('keep the digits of q when passed separately', () => {
    // P(X = 19 | n = 20, p = 1 − 1e-12) = 20·1e-12·(1 − 1e-12)^19
    expectRel(binomialPmfPQ(19, 20, 1 - 1e-12, 1e-12), 20e-12, 1e-10);
  });
});
