/** Median, min and max of repeated measurements, and the least-squares slope of a series. */
import { linearRegression, max, median, min } from 'simple-statistics';
import type { Spread } from './types.js';

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread requires at least one measurement');
  const v = [...values];
  return { median: median(v), min: min(v), max: max(v) };
}

/** Slope of y against x by least squares (0 for fewer than two distinct x). */
export function slope(x: readonly number[], y: readonly number[]): number {
  if (new Set(x).size < 2) return 0;
  return linearRegression(x.map((xi, i) => [xi, y[i]!])).m;
}
