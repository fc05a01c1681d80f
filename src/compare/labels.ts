/** Short, unique names for the runs of a comparison or sweep (table rows, legends, folder names). */
import path from 'node:path';

/**
 * Each run's scenario name; where names repeat, the file's name without its
 * extension; where that repeats too (a file compared with itself), the name
 * and a number: ["baseline", "baseline (2)"].
 *
 * @example
 * uniqueLabels(['baseline', 'baseline'], ['a/base.yaml', 'b/alt.yaml']); // => ['base', 'alt']
 */
export function uniqueLabels(names: readonly string[], files: readonly string[]): string[] {
  const count = (xs: readonly string[], x: string) => xs.filter((y) => y === x).length;
  const stems = files.map((f) => path.basename(f).replace(/\.(ya?ml|json)$/i, ''));
  const stemAlone = (i: number) => names.filter((n, j) => n === names[i] && stems[j] === stems[i]).length === 1;
  const first = names.map((n, i) => (count(names, n) > 1 && stemAlone(i) ? stems[i]! : n));
  const seen = new Map<string, number>();
  return first.map((l) => {
    const k = (seen.get(l) ?? 0) + 1;
    seen.set(l, k);
    return count(first, l) > 1 && k > 1 ? `${l} (${k})` : l;
  });
}
