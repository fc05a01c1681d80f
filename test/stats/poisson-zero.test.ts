/**
 * poissonFromUniform's shortcut (u < 1 − mean − 1e-15 ⇒ 0, no exp) answers what
 * the plain search from 0 answers, right up to the edge u = e^−mean.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { poissonFromUniform } from '../../src/stats/sampling.js';

/** The search from 0 without the shortcut, as poissonFromUniform did it for mean ≤ 30. */
function searchFromZero(u: number, mean: number): number {
  let k = 0;
  let pk = Math.exp(-mean);
  let cdf = pk;
  while (u >= cdf) {
    k++;
    pk *= mean / k;
    const next = cdf + pk;
    if (next === cdf && k > mean) break;
    cdf = next;
  }
  return k;
}

describe('poissonFromUniform near zero', () => {
  it('agrees with the plain search for small means, at random and around both edges', () => {
    const rng = seedrandom.alea('poisson-zero');
    let bad = 0;
    let zeros = 0;
    for (let i = 0; i < 200000; i++) {
      const mean = [1e-12, 1e-8, 1e-4, 0.01, 0.33, 1, 3][i % 7]! * (0.5 + rng());
      const edge = [Math.exp(-mean), 1 - mean - 1e-15][i % 2]!;
      const u = i % 3 === 0 ? rng() : Math.min(1 - 2 ** -53, Math.max(0, edge + (rng() - 0.5) * 1e-14));
      const k = poissonFromUniform(u, mean);
      if (k !== searchFromZero(u, mean)) bad++;
      if (k === 0) zeros++;
    }
    expect(bad).toBe(0);
    expect(zeros).toBeGreaterThan(50000);
  });
});
