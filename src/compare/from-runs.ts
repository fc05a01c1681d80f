/**
 * A sweep of finished runs (`limitlab sweep --from A/summary.json B/summary.json ...`):
 * its axes are the scenario fields on which the runs' resolved scenarios
 * (their manifests) differ, and each run is a point. Pure: reading the
 * summaries and writing belong to the command.
 *
 *   resolved scenarios → fields that differ from the first run's (not name,
 *   description or run.shardSize, which change no result) → one axis per field,
 *   its values as found (numbers ascending) → one point per run → a full grid
 *   (every combination once) in grid order, or the runs as given
 */
import { canonicalJson } from '../scenario/hash.js';
import { type FieldPath, isPrefix } from '../scenario/field-path.js';
import { gridSize } from './grid.js';
import { differingPaths } from './population.js';
import { valueAt } from './reference.js';
import type { GridAxis, GridPoint } from './types.js';

/** Fields that say what a scenario is called or how its work is cut, never what it simulates. */
const NOT_MODEL_FIELDS: readonly FieldPath[] = [['name'], ['description'], ['run', 'shardSize']];

/** How an unset field (present in some runs only) shows in a point's label. */
export const UNSET = 'unset';

const dotted = (p: FieldPath): string => p.join('.');

/**
 * The axes of a sweep of these scenarios: every field where some scenario
 * differs from the first, as a dotted path (`segments.0.correlation`, as
 * `--grid` writes it), with its distinct values. Where one differing field
 * contains another (a list of another length), the containing one is the axis.
 *
 * @example
 * axesOfRuns([{ name: 'a', x: { y: 1 } }, { name: 'b', x: { y: 2 } }]).map((a) => [a.path, a.values]); // => [['x.y', [1, 2]]]
 */
export function axesOfRuns(scenarios: readonly unknown[]): GridAxis[] {
  const first = scenarios[0];
  const fields: FieldPath[] = [];
  for (const other of scenarios.slice(1)) {
    for (const field of differingPaths(first, other)) {
      if (NOT_MODEL_FIELDS.some((f) => isPrefix(f, field))) continue;
      if (!fields.some((f) => canonicalJson(f) === canonicalJson(field))) fields.push(field);
    }
  }
  const outer = fields.filter((f) => !fields.some((g) => g !== f && isPrefix(g, f) && g.length < f.length));
  return outer.map((field) => {
    const path = dotted(field);
    const seen = new Map<string, unknown>();
    for (const s of scenarios) {
      const v = valueAt(s, path) ?? null;
      seen.set(canonicalJson(v), v);
    }
    let values = [...seen.values()];
    if (values.every((v) => typeof v === 'number')) values = [...values].sort((a, b) => (a as number) - (b as number));
    return { path, values, texts: values.map(valueText) };
  });
}

function valueText(v: unknown): string {
  return v === null ? UNSET : typeof v === 'string' ? v : JSON.stringify(v);
}

export interface RunPoints {
  /** one point per run, in row order */
  points: GridPoint[];
  /** the run (index into the scenarios given) of each point */
  runOf: number[];
  /** every combination of the axes' values is a run: the points are in grid order (first axis slowest) */
  complete: boolean;
}

/**
 * Each run as a grid point of `axes`. When the runs are exactly the cartesian
 * grid of the axes (each combination once), the points follow grid order, as a
 * `--grid` sweep's do; otherwise they are the runs in the order given.
 * Two runs at the same point are the caller's to refuse (see `samePoint`).
 */
export function pointsOfRuns(axes: readonly GridAxis[], scenarios: readonly unknown[]): RunPoints {
  const at = scenarios.map((s) => {
    const overrides: Record<string, unknown> = {};
    const texts: Record<string, string> = {};
    for (const a of axes) {
      const v = valueAt(s, a.path) ?? null;
      overrides[a.path] = v;
      texts[a.path] = a.texts[a.values.findIndex((x) => canonicalJson(x) === canonicalJson(v))]!;
    }
    return { overrides, texts };
  });
  const key = (o: Record<string, unknown>): string => canonicalJson(axes.map((a) => o[a.path]));
  let order = scenarios.map((_, i) => i);
  const complete = gridSize(axes) === scenarios.length && new Set(at.map((p) => key(p.overrides))).size === scenarios.length;
  if (complete) {
    // grid order: compare axis by axis, each by the index of its value
    const rank = (i: number) => axes.map((a) => a.values.findIndex((v) => canonicalJson(v) === canonicalJson(at[i]!.overrides[a.path])));
    order = [...order].sort((i, j) => {
      const [ri, rj] = [rank(i), rank(j)];
      for (let k = 0; k < ri.length; k++) if (ri[k] !== rj[k]) return ri[k]! - rj[k]!;
      return 0;
    });
  }
  return { points: order.map((run, index) => ({ index, ...at[run]! })), runOf: order, complete };
}

/** The first two runs (indices into the scenarios given) that sit at the same point, or undefined. */
export function samePoint(points: RunPoints): [number, number] | undefined {
  const seen = new Map<string, number>();
  for (const [i, p] of points.points.entries()) {
    const k = canonicalJson(p.overrides);
    const before = seen.get(k);
    if (before !== undefined) return [points.runOf[before]!, points.runOf[i]!].sort((a, b) => a - b) as [number, number];
    seen.set(k, i);
  }
  return undefined;
}
