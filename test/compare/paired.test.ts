/**
 * Paired and unpaired differences. Reference values are worked by hand (and
 * agree with R: `d <- b - a; mean(d); sd(d)/sqrt(length(d)); (var(a)+var(b))/var(d)`).
 */
import { describe, expect, it } from 'vitest';
import { pairedDifference, unpairedDifference } from '../../src/compare/paired.js';
import { summarise } from '../../src/results/stat.js';

const a = Object.freeze([1, 2, 3, 4, 5]);
const b = Object.freeze([2, 2, 5, 4, 8]);

describe('pairedDifference', () => {
  it('gives the mean difference, its standard error, interval and factor (R: 1.2, 0.5830952, 8.7/1.7)', () => {
    const d = pairedDifference(a, b);
    expect(d.method).toBe('paired');
    expect(d.n).toBe(5);
    expect(d.base).toBe(3);
    expect(d.alternative).toBeCloseTo(4.2, 14);
    expect(d.difference).toBeCloseTo(1.2, 14);
    expect(d.se).toBeCloseTo(Math.sqrt(1.7 / 5), 14);
    expect(d.ci95![0]).toBeCloseTo(1.2 - 1.96 * Math.sqrt(0.34), 12);
    expect(d.ci95![1]).toBeCloseTo(1.2 + 1.96 * Math.sqrt(0.34), 12);
    expect(d.distinguishable).toBe(true);
    expect(d.varianceReduction).toBeCloseTo((2.5 + 6.2) / 1.7, 12);
  });

  it('matches the JSDoc examples', () => {
    expect(pairedDifference([1, 2, 3], [2, 3, 5]).difference).toBe(1.3333333333333333);
    expect(pairedDifference([1, 2, 3], [1, 2, 3]).varianceReduction).toBeNull();
  });

  it('is exactly zero for identical runs, with no factor and the reason', () => {
    const xs = [0.0123, 0.0456, 1e-9, 0.3];
    const d = pairedDifference(xs, [...xs]);
    expect(d).toMatchObject({ difference: 0, se: 0, ci95: [0, 0], distinguishable: false, varianceReduction: null });
    expect(d.varianceReductionReason).toMatch(/var\(A − B\) = 0/);
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
  });

  it('gives no factor, never NaN or Infinity, when the difference is the same in every path', () => {
    const d = pairedDifference([1, 2, 3], [2, 3, 4]);
    expect(d.difference).toBe(1);
    expect(d.se).toBe(0);
    expect(d.distinguishable).toBe(true);
    expect(d.varianceReduction).toBeNull();
    expect(d.varianceReductionReason).toBeTruthy();
  });

  it('pairs only the paths where both runs give a value', () => {
    const d = pairedDifference([1, null, 3, 4], [2, 5, null, 6]);
    expect(d.n).toBe(2);
    expect(d.difference).toBe(1.5);
    expect(d.base).toBeCloseTo(8 / 3, 14);
  });

  it('says why when there are fewer than two pairs', () => {
    expect(pairedDifference([null, 1], [2, null])).toMatchObject({ n: 0, difference: null, reason: 'no path gave a value in both runs' });
    expect(pairedDifference([1], [2])).toMatchObject({ n: 1, difference: 1, se: null, ci95: null, distinguishable: null, reason: 'one path: no standard error' });
  });

  it('falls back to independent means when the path counts differ', () => {
    const d = pairedDifference([1, 2, 3], [2, 3, 4, 5]);
    expect(d.method).toBe('unpaired');
    expect(d.difference).toBe(1.5);
    expect(d.varianceReduction).toBeNull();
    expect(d.varianceReductionReason).toMatch(/different path counts \(3 and 4\)/);
  });

  it('does not touch its inputs', () => {
    expect(() => pairedDifference(a, b)).not.toThrow();
    expect(a).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('unpairedDifference', () => {
  it('adds the variances of the two means', () => {
    const sa = summarise([1, 2, 3]);
    const sb = summarise([2, 3, 4, 5]);
    const d = unpairedDifference(sa, sb, 'why');
    expect(d.difference).toBe(1.5);
    expect(d.se).toBeCloseTo(Math.sqrt(sa.se! ** 2 + sb.se! ** 2), 14);
    expect(d.varianceReductionReason).toBe('why');
  });
});
