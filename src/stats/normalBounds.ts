/**
 * Bounds on Φ⁻¹ as `normalQuantile` computes it, from a table on a dyadic grid:
 * two array loads instead of a rational approximation (and, in the tails, a log
 * and a square root). They let a caller settle a comparison with Φ⁻¹(p) without
 * computing it whenever p is not close to the other side; only close calls need
 * the quantile itself, and those give exactly the answer the quantile gives.
 *
 * Why the bounds hold: `normalQuantile` agrees with the true Φ⁻¹ to ~1e-16
 * relative (AS241) and so is non-decreasing up to ~1e-15 absolute (checked in
 * test/stats/normalBounds.test.ts); SLACK is a million times that. Grid points
 * k/GRID are exact doubles, and p·GRID is exact for p in [0, 1], so
 * p ≥ k/GRID ⇒ Φ⁻¹(p) ≥ Φ⁻¹(k/GRID) − SLACK, and likewise above.
 */
import { normalQuantile } from './normal.js';

const GRID = 1024;
const SLACK = 1e-9;
const LOWER = new Float64Array(GRID + 1);
const UPPER = new Float64Array(GRID + 1);
for (let k = 0; k <= GRID; k++) {
  const q = normalQuantile(k / GRID);
  LOWER[k] = q - SLACK; // −Infinity at k = 0
  UPPER[k] = q + SLACK; // +Infinity at k = GRID
}

/**
 * A number at or below `normalQuantile(p)` (−Infinity for p < 1/1024).
 *
 * @param p a probability in [0, 1]
 * @returns a lower bound, within ~0.1 of Φ⁻¹(p) away from the tails
 * @example
 * normalQuantileLowerBound(0.5) <= normalQuantile(0.5); // => true
 */
export function normalQuantileLowerBound(p: number): number {
  return LOWER[Math.floor(p * GRID)]!;
}

/**
 * A number at or above `normalQuantile(p)` (+Infinity for p > 1023/1024).
 *
 * @param p a probability in [0, 1]
 * @returns an upper bound
 * @example
 * normalQuantileUpperBound(0.01) >= normalQuantile(0.01); // => true
 */
export function normalQuantileUpperBound(p: number): number {
  return UPPER[Math.ceil(p * GRID)]!;
}
