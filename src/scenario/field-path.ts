/** A path to a field in a scenario: object keys and array indices. */
export type FieldPath = readonly (string | number)[];

/** `['segments', 1, 'drawShare', 'mean']` → `segments[1].drawShare.mean`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** A map key for a path; numbers and numeric strings stay distinct. */
export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

export function isPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}
