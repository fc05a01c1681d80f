/**
 * The table bounds on Φ⁻¹ hold for normalQuantile as computed, including where
 * AS241 switches between its three approximations, because normalQuantile is
 * non-decreasing up to rounding (~1e-15) — far inside the bounds' 1e-9 slack.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/stats/normal.js';
import { normalQuantileLowerBound, normalQuantileUpperBound } from '../../src/stats/normalBounds.js';

/** Probabilities where trouble would show: around AS241's branch points, the grid, the tails. */
function probes(): number[] {
  const rng = seedrandom.alea('normal-bounds');
  const ps: number[] = [0, 1, 2 ** -33, 1e-300, Number.MIN_VALUE, 0.5, 1 - 2 ** -53];
  for (const centre of [0.075, 0.925, 1.3887943864964021e-11, 1 - 1.3887943864964021e-11, 1 / 1024, 1023 / 1024, 0.5]) {
    for (let i = -2000; i <= 2000; i++) ps.push(centre + i * 1e-17 * Math.max(1, centre * 64));
  }
  for (let k = 0; k <= 1024; k++) for (const d of [-1e-16, 0, 1e-16]) ps.push(k / 1024 + d);
  for (let i = 0; i < 100000; i++) ps.push(rng(), rng() * 1e-3, rng() ** 8);
  return ps.filter((p) => p >= 0 && p <= 1);
}

describe('normalQuantile bounds', () => {
  const ps = probes();

  it('bracket normalQuantile(p) at every probe', () => {
    let bad = 0;
    for (const p of ps) {
      const q = normalQuantile(p);
      if (!(normalQuantileLowerBound(p) <= q && q <= normalQuantileUpperBound(p))) bad++;
    }
    expect(bad).toBe(0);
  });

  it('rest on normalQuantile being non-decreasing to within 1e-14', () => {
    const sorted = [...ps].sort((a, b) => a - b);
    let worst = 0;
    for (let i = 1; i < sorted.length; i++) {
      const drop = normalQuantile(sorted[i - 1]!) - normalQuantile(sorted[i]!);
      if (drop > worst) worst = drop;
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('are tight enough to be useful away from the tails', () => {
    expect(normalQuantileLowerBound(0.3)).toBeGreaterThan(normalQuantile(0.3) - 0.01);
    expect(normalQuantileUpperBound(0.005)).toBeLessThan(normalQuantile(0.005) + 0.1);
    expect(normalQuantileLowerBound(0.0005)).toBe(-Infinity);
    expect(normalQuantileUpperBound(0.9995)).toBe(Infinity);
  });
});
