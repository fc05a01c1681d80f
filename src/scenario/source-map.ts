/**
 * Where each field of a resolved scenario came from: a file and position, or an
 * override such as `--set`. Errors found after merging `extends` and applying
 * overrides are reported against the origin of the field.
 */
import type { Position } from './errors.js';
import { type FieldPath, isPrefix, pathKey } from './field-path.js';
import { isPlainObject } from '../util/plain-object.js';

export interface Origin {
  file: string;
  /** where the value starts */
  value?: Position;
  /** where the key starts (for a mapping entry) */
  key?: Position;
  via?: string;
}

export interface Location {
  file: string;
  position?: Position;
  via?: string;
}

export class SourceMap {
  private readonly entries = new Map<string, { path: FieldPath; origin: Origin }>();

  constructor(readonly rootFile: string) {}

  set(path: FieldPath, origin: Origin): void {
    this.entries.set(pathKey(path), { path, origin });
  }

  get(path: FieldPath): Origin | undefined {
    return this.entries.get(pathKey(path))?.origin;
  }

  /** Forget the origins of a path and everything under it (it was replaced). */
  deleteSubtree(path: FieldPath): void {
    for (const [k, e] of this.entries) if (isPrefix(path, e.path)) this.entries.delete(k);
  }

  /**
   * Where to point the user for a problem at `path`: the field itself, or the
   * nearest enclosing field that has an origin (a missing key is reported at its
   * parent). `atKey` points at the key rather than the value (unknown keys).
   */
  locate(path: FieldPath, atKey = false): Location {
    for (let n = path.length; n >= 0; n--) {
      const origin = this.get(path.slice(0, n));
      if (!origin) continue;
      const exact = n === path.length;
      const position = exact && atKey ? (origin.key ?? origin.value) : exact ? (origin.value ?? origin.key) : (origin.value ?? origin.key);
      const loc: Location = { file: origin.file };
      if (position) loc.position = position;
      const via = origin.via ?? this.overridesUnder(path);
      if (via) loc.via = via;
      return loc;
    }
    return { file: this.rootFile };
  }

  /** The overrides that set fields under `path` (a rule about a list may stem from an override of one item). */
  private overridesUnder(path: FieldPath): string | undefined {
    const vias = new Set<string>();
    for (const e of this.entries.values()) if (e.origin.via && isPrefix(path, e.path)) vias.add(e.origin.via);
    return vias.size > 0 ? [...vias].join(', ') : undefined;
  }

  /**
   * The origins of `merged`, the result of merging `child` over `parent`: each
   * field comes from the child if the child has it, else from the parent.
   */
  static merge(merged: unknown, parent: SourceMap, child: SourceMap): SourceMap {
    const out = new SourceMap(child.rootFile);
    const walk = (value: unknown, path: (string | number)[]): void => {
      const origin = child.get(path) ?? parent.get(path);
      if (origin) out.set(path, origin);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (isPlainObject(value)) for (const k of Object.keys(value)) walk(value[k], [...path, k]);
    };
    walk(merged, []);
    return out;
  }
}
