/**
 * The population rule of common random numbers (docs/model.md, "Randomness and
 * the engine's guarantees"; docs/compare.md, "The population rule"): two
 * scenarios share their borrowers and their luck only when these parameters
 * match; policies and `macro.shocks` may differ. `run.shardSize` is not one:
 * streams are keyed by (seed, path, borrower), so the shard size changes only
 * how the work is cut, not the draws (test/engine/determinism.test.ts).
 */
import { type FieldPath, formatFieldPath } from '../scenario/field-path.js';
import type { Scenario } from '../scenario/schema.js';
import { isPlainObject } from '../util/plain-object.js';
import type { PopulationCheck } from './types.js';

/**
 * The population parameters a stress suite's members must share: sizes, the
 * clock, the borrowers and the economy's law. A suite may stress the hidden
 * population (a fraud wave), at the price of different fraud luck.
 */
export const SUITE_POPULATION_FIELDS: readonly FieldPath[] = [
  ['seed'],
  ['run', 'paths'],
  ['run', 'borrowersPerPath'],
  ['run', 'shardSize'],
  ['clock'],
  ['segments'],
  ['macro', 'monthlyAutocorrelation'],
];

/** The population parameters, as field paths of a scenario. */
export const POPULATION_FIELDS: readonly FieldPath[] = [
  ['seed'],
  ['run', 'paths'],
  ['run', 'borrowersPerPath'],
  ['clock'],
  ['segments'],
  ['macro', 'monthlyAutocorrelation'],
  // Model v2: who is distressed or a fraudster, and when, is the population too
  // (the investigation's and the checks' parameters are policy). The liquidity
  // channel, distress.frozenMissMultiplier, changes no draw, only what a freeze
  // does to a distressed borrower: a sweep over it shares its luck.
  ...(
    [
      'enabled', 'initialShare', 'entryPerYear', 'macroSlope', 'scoreSlope', 'exitPerYear', 'drawRateMultiplier',
      'drawSizeMultiplier', 'missMultiplier', 'cureMultiplier', 'requestMultiplier',
    ] as const
  ).map((f): FieldPath => ['distress', f]),
  ['fraud', 'bustOut'],
  ['fraud', 'takeover'],
  ['run', 'importanceSampling'],
];

function at(value: unknown, path: FieldPath): unknown {
  let cur = value;
  for (const part of path) {
    if (Array.isArray(cur) && typeof part === 'number') cur = cur[part];
    else if (isPlainObject(cur) && typeof part === 'string') cur = Object.hasOwn(cur, part) ? cur[part] : undefined;
    else return undefined;
  }
  return cur;
}

/** Leaf paths where a and b differ; a list whose length differs is reported as a whole. */
function differences(a: unknown, b: unknown, path: (string | number)[], out: FieldPath[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) differences(Object.hasOwn(a, k) ? a[k] : undefined, Object.hasOwn(b, k) ? b[k] : undefined, [...path, k], out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => differences(x, b[i], [...path, i], out));
  } else if (!Object.is(a, b)) {
    out.push(path);
  }
}

/** Every leaf field where two resolved scenarios differ (a list whose length differs is one field), in `a`'s order. */
export function differingPaths(a: unknown, b: unknown): FieldPath[] {
  const found: FieldPath[] = [];
  differences(a, b, [], found);
  return found;
}

/**
 * Which population parameters of `b` differ from `a`, as field paths
 * (`run.paths`, `segments[0].correlation`, `clock.stepDays`); empty when the
 * two scenarios share their random numbers path by path.
 *
 * @param a the base scenario
 * @param b the other scenario
 * @returns whether the populations match, and the differing fields
 * @example
 * checkPopulation(base, { ...base, seed: 1 }).differingFields; // => ['seed']
 */
export function checkPopulation(a: Scenario, b: Scenario, fields: readonly FieldPath[] = POPULATION_FIELDS): PopulationCheck {
  const found: FieldPath[] = [];
  for (const field of fields) differences(at(a, field), at(b, field), [...field], found);
  const differingFields = found.map(formatFieldPath);
  return { same: differingFields.length === 0, differingFields };
}
