/**
 * missesFromUniform is an exact shortcut: for every input it answers what
 * misses(…, normalQuantile(u)) answers, including on the knife's edge where the
 * latent variable meets the threshold.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { misses, missesFromUniform } from '../../src/model/policies/credit.js';
import { normalCdf, normalQuantile } from '../../src/stats/normal.js';

describe('missesFromUniform', () => {
  const rng = seedrandom.alea('misses-fast');
  const rhos = [0, 0.04, 0.08, 0.3, 0.99, 1];

  it('agrees with misses(…, Φ⁻¹(u)) on random inputs across hazards, correlations and economies', () => {
    let disagreements = 0;
    let missesSeen = 0;
    for (let i = 0; i < 200000; i++) {
      const hazard = [0, 1e-6, 0.01, 0.05, 0.3, 3, 50][i % 7]! * Math.exp(rng() * 2 - 1);
      const rho = rhos[i % rhos.length]!;
      const x = (rng() - 0.5) * 8;
      const u = Math.max(2 ** -33, i % 5 === 0 ? rng() * 0.02 : rng());
      const P = [30, 60, 365][i % 3]!;
      const exact = misses(hazard, P, Math.sqrt(rho), Math.sqrt(1 - rho), x, normalQuantile(u));
      if (missesFromUniform(hazard, P, Math.sqrt(rho), Math.sqrt(1 - rho), x, u) !== exact) disagreements++;
      if (exact) missesSeen++;
    }
    expect(disagreements).toBe(0);
    expect(missesSeen).toBeGreaterThan(1000); // both answers were exercised
  });

  it('agrees on the knife edge, where the latent variable is within a few ulps of the threshold', () => {
    let disagreements = 0;
    let missesSeen = 0;
    for (let i = 0; i < 20000; i++) {
      const rho = rhos[1 + (i % 4)]!;
      const sr = Math.sqrt(rho);
      const s1 = Math.sqrt(1 - rho);
      const x = (rng() - 0.5) * 6;
      const hazard = 0.01 + rng() * 0.5;
      const q = -Math.expm1((-hazard * 30) / 365);
      // the u whose ε puts the latent variable exactly on Φ⁻¹(q), nudged by a few ulps either way
      const u0 = normalCdf((normalQuantile(q) - sr * x) / s1);
      for (const k of [-3, -1, 0, 1, 3]) {
        const u = Math.min(1 - 2 ** -53, Math.max(2 ** -33, u0 + k * Number.EPSILON * u0));
        const exact = misses(hazard, 30, sr, s1, x, normalQuantile(u));
        if (missesFromUniform(hazard, 30, sr, s1, x, u) !== exact) disagreements++;
        if (exact) missesSeen++;
      }
    }
    expect(disagreements).toBe(0);
    expect(missesSeen).toBeGreaterThan(10000); // the edge really is an edge: both answers occur
    expect(missesSeen).toBeLessThan(90000);
  });
});
