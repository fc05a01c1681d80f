import { describe, expect, it } from 'vitest';
import { histogram, summarise, tailStat } from '../../src/results/stat.js';

describe('summarise', () => {
  it('matches a hand computation on [1, 2, 3, 4, 100] (numpy agrees)', () => {
    // mean 22; squared deviations 441 + 400 + 361 + 324 + 6084 = 7610, sd = √(7610/4) = 43.6176…,
    // se = sd/√5 = 19.506409203131156; type-7 quantiles: p05 = 1 + 0.2·(2 − 1) = 1.2, p50 = 3,
    // p95 = 4 + 0.8·(100 − 4) = 80.8 (simple-statistics' quantile and numpy.percentile give the same)
    const s = summarise([1, 2, 3, 4, 100]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(22);
    expect(s.se).toBeCloseTo(19.506409203131156, 13);
    // five paths: Student-t with 4 degrees of freedom, R's qt(0.975, 4) = 2.776445105197799
    expect(s.ci95![0]).toBeCloseTo(22 - 2.776445105197799 * 19.506409203131156, 10);
    expect(s.ci95![1]).toBeCloseTo(22 + 2.776445105197799 * 19.506409203131156, 10);
    expect(s.rough).toBe(true);
    expect(s.p05).toBeCloseTo(1.2, 14);
    expect(s.p50).toBe(3);
    expect(s.p95).toBeCloseTo(80.8, 12);
    expect(s.reason).toBeUndefined();
    expect(s.tail).toBeUndefined();
  });

  it('matches numpy on loss-rate-like values, whatever their order', () => {
    // numpy: mean, std(ddof=1)/sqrt(n), percentile([5, 50, 95])
    const values = [0.031, 0.012, 0.055, 0.02, 0.047, 0.009, 0.038];
    const s = summarise(values);
    expect(s.mean).toBeCloseTo(0.030285714285714287, 15);
    expect(s.se).toBeCloseTo(0.006625040110262355, 15);
    expect(s.p05).toBeCloseTo(0.0099, 15);
    expect(s.p50).toBe(0.031);
    expect(s.p95).toBeCloseTo(0.0526, 15);
    expect(summarise([...values].reverse())).toEqual(s);
  });

  it('skips nulls and counts only numbers', () => {
    expect(summarise([null, 1, null, 2, 3, 4, 100])).toEqual(summarise([1, 2, 3, 4, 100]));
  });

  it('gives no standard error from one path', () => {
    expect(summarise([null, 0.5])).toEqual({
      mean: 0.5, se: null, ci95: null, p05: 0.5, p50: 0.5, p95: 0.5, n: 1, reason: 'one path: no standard error',
    });
  });

  it('is all null with the given reason when no path gives a value', () => {
    const s = summarise([null, null], 'no borrower at start');
    expect(s).toEqual({ mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n: 0, reason: 'no borrower at start' });
    expect(summarise([]).reason).toBe('no path gave a value');
  });

  it('never returns NaN or Infinity', () => {
    const bad = summarise([1, Number.NaN, Infinity]);
    expect(bad.mean).toBeNull();
    expect(bad.reason).toBe('2 path values are not a finite number');
    const huge = summarise([1.7e308, 1.7e308]); // the sum overflows
    expect(huge.mean).toBeNull();
    expect(huge.reason).toMatch(/too large/);
    const spread = summarise([-1e300, 1e300]);
    for (const v of [spread.mean, spread.se, spread.p05, spread.p50, spread.p95]) {
      expect(v === null || Number.isFinite(v)).toBe(true);
    }
  });

  it('does not modify its input', () => {
    const values = Object.freeze([3, 1, null, 2]);
    summarise(values);
    expect(values).toEqual([3, 1, null, 2]);
  });
});

describe('tailStat', () => {
  it('VaR is the type-7 quantile and ES the mean at or above it', () => {
    const values = [1, 2, 3, 4, 100];
    const v = tailStat(values, 0.95, 'var');
    expect(v.mean).toBeCloseTo(80.8, 12); // simple-statistics' quantile([1,2,3,4,100], 0.95)
    // five paths cannot bound the 95% quantile from above: 0.95^5 = 0.77 > 2.5%
    expect(v).toMatchObject({ se: null, ci95: null, p05: null, p50: null, p95: null, n: 5, tail: true, beyond: 1, unreliable: true });
    expect(v.reason).toBe('the 95% interval is unbounded above with 5 paths (about 71 needed)');
    expect(tailStat(values, 0.95, 'es').mean).toBe(100);
    // at 0.5: VaR = 3, ES = mean(3, 4, 100) = 35.666…
    expect(tailStat(values, 0.5, 'var').mean).toBe(3);
    expect(tailStat(values, 0.5, 'es').mean).toBeCloseTo(107 / 3, 13);
  });

  it('matches numpy on loss-rate-like values', () => {
    // numpy.quantile(y, 0.9) = 0.0502; the only value at or above it is 0.055
    const values = [0.031, 0.012, 0.055, null, 0.02, 0.047, 0.009, 0.038];
    expect(tailStat(values, 0.9, 'var').mean).toBeCloseTo(0.0502, 15);
    expect(tailStat(values, 0.9, 'es').mean).toBe(0.055);
    expect(tailStat(values, 0.9, 'es').n).toBe(7);
  });

  it('ES counts ties at VaR', () => {
    // VaR_0.5 of [1, 2, 2, 2, 5] is 2; ES = mean(2, 2, 2, 5) = 2.75
    expect(tailStat([5, 2, 1, 2, 2], 0.5, 'es').mean).toBe(2.75);
  });

  it('is null with a reason when there are no values', () => {
    const s = tailStat([null], 0.99, 'es', 'no balance at start');
    expect(s).toEqual({ mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n: 0, tail: true, reason: 'no balance at start' });
    expect(tailStat([1, Number.NaN], 0.99, 'var').mean).toBeNull();
    expect(() => tailStat([1], 1, 'var')).toThrow(RangeError);
  });
});

describe('histogram', () => {
  it('uses nice edges and puts the maximum in the last bin', () => {
    expect(histogram([0.01, 0.02, 0.035, 0.05], 4)).toEqual({
      binStart: [0.01, 0.02, 0.03, 0.04],
      binEnd: [0.02, 0.03, 0.04, 0.05],
      count: [1, 1, 1, 1],
    });
    // width 2 (range 10.2 / 10 bins rounds up to 2), edges on multiples of 2
    expect(histogram([-3, 7.2, 0.001], 10)).toEqual({
      binStart: [-4, -2, 0, 2, 4, 6],
      binEnd: [-2, 0, 2, 4, 6, 8],
      count: [1, 0, 1, 0, 0, 1],
    });
  });

  it('has edges without binary noise (0.3, not 0.30000000000000004)', () => {
    const h = histogram([0.1, 0.2, 0.3], 30);
    expect(h.binStart).toContain(0.29);
    expect(h.binEnd.at(-1)).toBe(0.3);
    for (const e of [...h.binStart, ...h.binEnd]) expect(e).toBe(Number(e.toPrecision(12)));
  });

  it('counts every finite value once, at most `bins` bins, deterministically', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 0.07 + 0.05);
    for (const bins of [1, 7, 30]) {
      const h = histogram(values, bins);
      expect(h.count.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(h.count.length).toBeLessThanOrEqual(Math.max(bins, 2)); // [−0.02, 0.12] straddles 0: 2 bins at least
      expect(histogram(values, bins)).toEqual(h);
      for (let i = 0; i < h.count.length; i++) {
        const inBin = values.filter((v) => v >= h.binStart[i]! && (v < h.binEnd[i]! || i === h.count.length - 1));
        expect(inBin.length).toBe(h.count[i]);
      }
    }
  });

  it('handles one value, all-equal values, nulls and no values', () => {
    expect(histogram([0, 0, 0], 30)).toEqual({ binStart: [0], binEnd: [0.05], count: [3] });
    expect(histogram([null, 0.05, 0.05, Number.NaN], 30).count).toEqual([2]);
    expect(histogram([], 30)).toEqual({ binStart: [], binEnd: [], count: [] });
    expect(histogram([0.2, 0.3], 1)).toEqual({ binStart: [0.2], binEnd: [0.3], count: [2] });
    expect(histogram([-0.1, 0.3], 1)).toEqual({ binStart: [-0.5, 0], binEnd: [0, 0.5], count: [1, 1] });
    expect(() => histogram([1], 0)).toThrow(RangeError);
  });
});
