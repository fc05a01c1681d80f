/** Median, min and max of repeated measurements, and the least-squares slope of a series. */
import { linearRegression, max, median, min } from 'simple-statistics';
import type { Spread } from './types.js';

export function spread(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('spread requires at least one measurement');
  const v = [...values];
  return { median: median(v), min: min(v), max: max(v) };
}

/** Least-squares line y = intercept + slope·x (slope 0 for fewer than two distinct x). */
export function fitLine(x: readonly number[], y: readonly number[]): { slope: number; intercept: number } {
  if (new Set(x).size < 2) return { slope: 0, intercept: y.length > 0 ? y.reduce((a, b) => a + b, 0) / y.length : 0 };
  const { m, b } = linearRegression(x.map((xi, i) => [xi, y[i]!]));
  return { slope: m, intercept: b };
}

/** Slope of y against x by least squares (0 for fewer than two distinct x). */
export function slope(x: readonly number[], y: readonly number[]): number {
  return fitLine(x, y).slope;
}
