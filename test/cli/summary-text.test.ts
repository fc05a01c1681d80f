import { describe, expect, it } from 'vitest';
import { formatStat, formatValue } from '../../src/cli/summary-text.js';
import type { Stat } from '../../src/results/types.js';

const stat = (mean: number | null, extra: Partial<Stat> = {}): Stat => ({
  mean,
  se: null,
  ci95: null,
  p05: null,
  p50: null,
  p95: null,
  n: 10,
  ...extra,
});

describe('formatStat', () => {
  it('shows a rate as a percentage with its 95% interval', () => {
    expect(formatStat(stat(0.0146, { ci95: [0.0134, 0.0158] }), 'percent')).toBe('1.46%  (95% CI 1.34% to 1.58%)');
  });

  it('shows a count per 1000 account-months as a number', () => {
    expect(formatStat(stat(14.3, { ci95: [13.9, 14.7] }), 'number')).toBe('14.30  (95% CI 13.90 to 14.70)');
  });

  it('shows a tail figure without an interval', () => {
    expect(formatStat(stat(0.0525, { tail: true }), 'percent')).toBe('5.25%  (across paths)');
  });

  it('shows a tail figure with its interval and paths beyond, or says in words that it is not reliable', () => {
    expect(formatStat(stat(0.14, { tail: true, ci95: [0.12, 0.16], beyond: 11 }), 'percent')).toBe('14.00%  (95% CI 12.00% to 16.00%, 11 paths beyond)');
    expect(formatStat(stat(0.124, { tail: true, beyond: 1, unreliable: true }), 'percent', 0.999)).toBe(
      'not reliable: only 1 path at or beyond the VaR; needs about 10,000 paths, or importance sampling (run.importanceSampling)',
    );
    // without the level (a caller that does not know it) the sentence still reads
    expect(formatStat(stat(0.124, { tail: true, beyond: 1, unreliable: true }), 'percent')).toBe(
      'not reliable: only 1 path at or beyond the VaR; needs more paths, or importance sampling (run.importanceSampling)',
    );
  });

  it('says an interval over fewer than 30 paths is rough, unclipped', () => {
    expect(formatStat(stat(0.0663, { ci95: [-0.0078, 0.144], rough: true }), 'percent')).toBe('6.63%  (95% CI -0.78% to 14.40%, rough: fewer than 30 paths)');
  });

  it('says why a figure is missing', () => {
    expect(formatStat(stat(null, { reason: 'no requests' }), 'percent')).toBe('n/a (no requests)');
    expect(formatStat(undefined, 'percent')).toBe('n/a (not in the summary)');
    expect(formatStat(stat(0.5, { reason: 'one path: no standard error' }), 'percent')).toBe('50.00%  (no interval: one path: no standard error)');
  });

  it('uses fewer decimals for large values', () => {
    expect(formatValue(123456.7, 'number')).toBe('123,457');
    expect(formatValue(123.456, 'number')).toBe('123.5');
    expect(formatValue(-0.0123, 'percent')).toBe('-1.23%');
  });
});
