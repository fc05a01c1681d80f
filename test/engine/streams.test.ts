import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { AleaStream, STREAM_STEPS } from '../../src/engine/streams.js';

describe('borrower streams', () => {
  it("are seedrandom's alea recurrence, output for output", () => {
    const reference = seedrandom.alea('limitlab', { state: true });
    for (let i = 0; i < 10; i++) reference(); // any state along the way
    const ours = AleaStream.fromState(reference.state());
    for (let i = 0; i < 1000; i++) expect(ours.next()).toBe(reference());
  });

  it('fill gives the numbers next gives, and leaves the stream where next would', () => {
    // every block length up to 13: fill draws three at a time, then one at a time
    for (let n = 0; n <= 13; n++) {
      const a = new AleaStream().reseed(20261130, 5, n, STREAM_STEPS);
      const b = new AleaStream().reseed(20261130, 5, n, STREAM_STEPS);
      const out = new Float64Array(n);
      for (let step = 0; step < 50; step++) {
        a.fill(out, n);
        for (let i = 0; i < n; i++) expect(out[i]).toBe(b.next());
      }
      expect(a.next()).toBe(b.next());
    }
  });

  it('depend only on their key, and reseeding in place restarts them', () => {
    const s = new AleaStream();
    const first = Array.from({ length: 5 }, s.reseed(7, 3, 42, STREAM_STEPS).next);
    s.reseed(7, 3, 43, STREAM_STEPS).next();
    const again = Array.from({ length: 5 }, s.reseed(7, 3, 42, STREAM_STEPS).next);
    expect(again).toEqual(first);
    const other = Array.from({ length: 5 }, s.reseed(7, 4, 42, STREAM_STEPS).next);
    expect(other).not.toEqual(first);
  });

  it('give uniform, serially uncorrelated numbers across neighbouring keys', () => {
    // First draws of 20 000 consecutive borrowers: mean 1/2 and lag-1
    // correlation 0, each within 4 standard errors (1/sqrt(12n) and 1/sqrt(n)).
    const n = 20000;
    const s = new AleaStream();
    const xs = Array.from({ length: n }, (_, i) => s.reseed(20261130, 0, i, STREAM_STEPS).next());
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 / Math.sqrt(12 * n));
    let c = 0;
    for (let i = 1; i < n; i++) c += (xs[i]! - 0.5) * (xs[i - 1]! - 0.5);
    expect(Math.abs((c / (n - 1)) * 12)).toBeLessThan(4 / Math.sqrt(n));
    // deciles: chi-square with 9 degrees of freedom below its 0.999 quantile 27.88
    const counts = new Array(10).fill(0);
    for (const x of xs) counts[Math.floor(x * 10)]++;
    const chi = counts.reduce((a, k) => a + (k - n / 10) ** 2 / (n / 10), 0);
    expect(chi).toBeLessThan(27.88);
  });
});
