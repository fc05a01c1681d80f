/**
 * A sweep's reference: the scenario as given (no grid override), or the grid
 * point `--reference path=value[,path=value...]` names. Parsing and naming only;
 * the command decides what to run.
 */
import { compareMessages } from '../messages.js';
import { parseOverrideValue } from '../scenario/overrides.js';
import { canonicalJson } from '../scenario/hash.js';
import { isPlainObject } from '../util/plain-object.js';
import { pointLabel, splitValues } from './grid.js';
import type { GridAxis, GridPoint } from './types.js';

/** The value at a dotted path (`segments.0.correlation`) of a resolved scenario; undefined where there is none. */
export function valueAt(value: unknown, dotted: string): unknown {
  let cur = value;
  for (const part of dotted.split('.')) {
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isPlainObject(cur) && Object.hasOwn(cur, part)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** The scenario's own value of each grid field (fields it leaves unset are left out). */
export function gridValues(scenario: unknown, axes: readonly GridAxis[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of axes) {
    const v = valueAt(scenario, a.path);
    if (v !== undefined) out[a.path] = v;
  }
  return out;
}

const text = (v: unknown): string => (v === undefined ? 'unset' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The name of the scenario as given, with its own values of the grid's fields.
 *
 * @example
 * asGivenLabel([{ path: 'freeze.riskModel.velocity.maxDraws', texts: ['2'], values: [2] }], { 'freeze.riskModel.velocity.maxDraws': 4 });
 * // => 'as given (maxDraws=4)'
 */
export function asGivenLabel(axes: readonly GridAxis[], values: Readonly<Record<string, unknown>>): string {
  const point: GridPoint = { index: -1, overrides: { ...values }, texts: Object.fromEntries(axes.map((a) => [a.path, text(values[a.path])])) };
  return `as given (${pointLabel(point, axes)})`;
}

/** The axis a `--reference` field names: its whole path, or its last part where no other axis ends alike. */
function axisNamed(name: string, axes: readonly GridAxis[]): GridAxis | string {
  const exact = axes.find((a) => a.path === name);
  if (exact) return exact;
  const byLast = axes.filter((a) => a.path.split('.').pop() === name);
  if (byLast.length === 1) return byLast[0]!;
  if (byLast.length > 1) return compareMessages.referenceAmbiguous(name, byLast.map((a) => a.path));
  return compareMessages.referenceUnknownField(name, axes.map((a) => a.path));
}

/**
 * The index of the grid point `--reference` names, or the message saying what
 * is wrong. Every axis needs a value, given as the grid gives them (read as YAML).
 *
 * @example
 * const axis = { path: 'freeze.riskModel.velocity.maxDraws', texts: ['2', '4'], values: [2, 4] };
 * referencePoint('maxDraws=4', [axis], gridPoints([axis])); // => 1
 */
export function referencePoint(option: string, axes: readonly GridAxis[], points: readonly GridPoint[]): number | string {
  const parts = splitValues(option);
  if (!parts || parts.some((p) => !p.includes('=') || p.startsWith('='))) return compareMessages.referenceSyntax(option);
  const wanted = new Map<string, unknown>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const axis = axisNamed(part.slice(0, eq).trim(), axes);
    if (typeof axis === 'string') return axis;
    if (wanted.has(axis.path)) return compareMessages.referenceDuplicateField(axis.path);
    const value = parseOverrideValue(part.slice(eq + 1).trim());
    if (!axis.values.some((v) => canonicalJson(v) === canonicalJson(value))) return compareMessages.referenceNotOnGrid(axis.path, part.slice(eq + 1).trim(), axis.texts);
    wanted.set(axis.path, value);
  }
  const missing = axes.filter((a) => !wanted.has(a.path)).map((a) => a.path);
  if (missing.length) return compareMessages.referenceMissingField(missing);
  const index = points.findIndex((p) => axes.every((a) => canonicalJson(p.overrides[a.path]) === canonicalJson(wanted.get(a.path))));
  // A cartesian grid has every combination; a sweep of finished runs may not.
  return index < 0 ? compareMessages.referenceNoRun(option) : index;
}
