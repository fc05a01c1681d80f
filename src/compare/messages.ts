/**
 * The texts of `compare` and `sweep`: reasons recorded in comparison.json and
 * sweep.json, and the errors the commands print. Same voice as src/messages.ts
 * (say what must be true, then what was found).
 */
export const compareMessages = {
  // reasons a difference or factor is null
  noPairs: () => 'no path gave a value in both runs',
  onePair: () => 'one path: no standard error',
  tooLarge: () => 'path values too large to compare',
  tooSpread: () => 'path values too spread to give a standard error',
  zeroPairedVariance: () => 'var(A − B) = 0: the difference is the same in every path',
  notPairedLengths: (a: number, b: number) => `the runs have different path counts (${a} and ${b}), so paths cannot be paired`,
  tailNoInterval: () => 'tail figure: a statistic across paths with no per-path value, so no paired interval',

  // notes in the reports and JSON
  differentPopulationNote: (labels: readonly string[]) =>
    `population parameters differ (${labels.join(', ')}): the runs do not share their random numbers, so these differences carry the extra noise of independent runs and include the effect of the population change`,
  unpairedNote: (labels: readonly string[]) =>
    `${labels.join(', ')}: different path counts, so differences are of independent means (no pairing, no variance-reduction factor)`,

  // command errors
  differentPopulation: (file: string, base: string, fields: readonly string[]) =>
    `${file}: population parameters differ from ${base}, so the runs would not share their random numbers: ${fields.join(', ')} (make them equal, or pass --allow-different-population to compare anyway with the extra noise)`,
  sweepDifferentPopulation: (fields: readonly string[]) =>
    `--grid varies population parameters, so grid points would not share their random numbers: ${fields.join(', ')} (pass --allow-different-population to sweep anyway)`,
  gridNoEquals: (text: string) => `--grid expects path=v1,v2,..., got ${JSON.stringify(text)}`,
  gridEmptyPath: (text: string) => `--grid ${text}: the field path is empty`,
  gridEmptyValue: (text: string) => `--grid ${text}: every value must be non-empty (values are separated by commas)`,
  gridUnbalanced: (text: string) => `--grid ${text}: brackets do not balance`,
  gridDuplicatePath: (path: string) => `--grid ${path} is given twice; give each field once with all its values`,
  gridDuplicateValue: (path: string, value: string) => `--grid ${path}: the value ${value} is given twice`,
  gridRequired: () => 'sweep needs at least one --grid path=v1,v2,...',
  gridTooLarge: (points: number, max: number) => `the grid has ${points} points; at most ${max} are allowed in one sweep`,
} as const;
