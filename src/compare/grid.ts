/**
 * `--grid path=v1,v2,...`: parsing an axis, and the cartesian grid of axes.
 * Values are read as YAML, exactly as `--set` reads them (so `true`, `0.5`,
 * `[]` and `{ max: 0.02 }` mean what they mean there); commas inside brackets or
 * quotes do not split values.
 */
import { parseOverrideValue } from '../scenario/overrides.js';
import { compareMessages } from '../messages.js';
import type { GridAxis, GridPoint } from './types.js';

/** At most this many points in one sweep: a typo like 1,2,...,500 × 500 should not start a day-long run. */
export const MAX_GRID_POINTS = 1000;

/** Splits at commas outside brackets, braces and quotes; undefined when brackets do not balance. */
export function splitValues(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (--depth < 0) return undefined;
    } else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0 || quote) return undefined;
  out.push(text.slice(start));
  return out.map((v) => v.trim());
}

/**
 * One `--grid` option as an axis, or the message saying what is wrong.
 *
 * @example
 * parseGridOption('freeze.riskModel.velocity.maxDraws=2,3').values; // => [2, 3]
 */
export function parseGridOption(text: string): GridAxis | string {
  const eq = text.indexOf('=');
  if (eq < 0) return compareMessages.gridNoEquals(text);
  const path = text.slice(0, eq).trim();
  if (path === '') return compareMessages.gridEmptyPath(text);
  const texts = splitValues(text.slice(eq + 1));
  if (!texts) return compareMessages.gridUnbalanced(text);
  if (texts.some((t) => t === '')) return compareMessages.gridEmptyValue(text);
  const values = texts.map(parseOverrideValue);
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const key = JSON.stringify(values[i]);
    if (seen.has(key)) return compareMessages.gridDuplicateValue(path, texts[i]!);
    seen.add(key);
  }
  return { path, texts, values };
}

/**
 * Every combination of the axes' values, the first axis varying slowest (as
 * nested loops written in the order the axes were given).
 *
 * @example
 * gridPoints([{ path: 'a', texts: ['1', '2'], values: [1, 2] }, { path: 'b', texts: ['x'], values: ['x'] }]).map((p) => p.overrides);
 * // => [{ a: 1, b: 'x' }, { a: 2, b: 'x' }]
 */
export function gridPoints(axes: readonly GridAxis[]): GridPoint[] {
  let points: GridPoint[] = [{ index: 0, overrides: {}, texts: {} }];
  for (const axis of axes) {
    points = points.flatMap((p) =>
      axis.values.map((v, i) => ({
        index: 0,
        overrides: { ...p.overrides, [axis.path]: v },
        texts: { ...p.texts, [axis.path]: axis.texts[i]! },
      })),
    );
  }
  return points.map((p, index) => ({ ...p, index }));
}

/** The number of points of the grid, without building it. */
export function gridSize(axes: readonly GridAxis[]): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/**
 * A point's short name: `maxDraws=3, holdDays=0` (the last part of each path;
 * the whole path where two axes end alike).
 */
export function pointLabel(point: GridPoint, axes: readonly GridAxis[]): string {
  const last = (p: string) => p.split('.').pop() ?? p;
  const lasts = axes.map((a) => last(a.path));
  return axes
    .map((a) => `${lasts.filter((l) => l === last(a.path)).length > 1 ? a.path : last(a.path)}=${point.texts[a.path]}`)
    .join(', ');
}
