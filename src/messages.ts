/**
 * Every user-facing error text, in one voice: say what must be true, then what
 * was found ("must be a positive integer, got 0"). Field paths and file
 * positions are added by the caller (`FILE:line:col: field.path: message`), so
 * these texts do not repeat them.
 */

const show = (v: unknown): string => {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
};

const didYouMean = (s: string | undefined): string => (s === undefined ? '' : `; did you mean "${s}"?`);

/** The kind of a value as a user would name it. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  return typeof v;
}

export const messages = {
  // reading files
  fileNotFound: () => 'file not found',
  fileIsDirectory: () => 'is a directory, not a scenario file',
  fileUnreadable: (reason: string) => `cannot read the file: ${reason}`,
  fileEmpty: () => 'the file is empty; a scenario is a mapping of fields',
  topLevelNotMapping: (found: unknown) => `a scenario must be a mapping of fields, not ${kindOf(found)}`,
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  jsonSyntax: (detail: string) => `JSON syntax error: ${detail}`,

  // extends
  extendsNotString: (found: unknown) => `must be the path of the parent scenario file (a string), got ${show(found)}`,
  extendsCycle: (chain: readonly string[]) => `extends forms a cycle: ${chain.join(' → ')}`,
  extendsUnreadable: (parent: string, reason: string) => `cannot extend ${parent}: ${reason}`,

  // --set and other overrides
  overrideNoEquals: (text: string) => `--set expects path=value, got ${JSON.stringify(text)}`,
  overrideEmptyPath: () => 'the field path has an empty part',
  overrideMissingPath: (suggestion: string | undefined) =>
    `does not exist in the scenario, so it cannot be set${didYouMean(suggestion)}`,
  overrideNotContainer: (found: unknown) => `is ${kindOf(found)}, so it has no fields to set`,
  overrideIndexNotNumber: (part: string) => `is a list: expected an item index, got ${JSON.stringify(part)}`,
  overrideIndexOutOfRange: (index: string, length: number) =>
    `has ${length} item${length === 1 ? '' : 's'} (indices 0–${length - 1}), so index ${index} is out of range`,

  // shape (from the schema)
  required: () => 'is required',
  wrongType: (expected: string, found: unknown) => `must be ${expected}, got ${kindOf(found)}${foundSuffix(found)}`,
  outOfRange: (expected: string, found: unknown) => `must be ${expected}, got ${show(found)}`,
  tooFewItems: (min: number) => `must have at least ${min} item${min === 1 ? '' : 's'}`,
  emptyString: () => 'must not be empty',
  unknownKey: (key: string, suggestion: string | undefined) => `unknown field "${key}"${didYouMean(suggestion)}`,
  appetiteValue: (found: unknown) =>
    `must be a number (an upper limit), { max: number } or { min: number }, got ${show(found)}`,
  invalid: (detail: string) => `is invalid: ${detail}`,

  // cross-field rules (MODEL.md, "Time" and the rest)
  notMultipleOfStep: (value: number, step: number) =>
    `must be a multiple of clock.stepDays (${step} days), got ${value}`,
  notMultipleOfBilling: (value: number, period: number) =>
    `must be a multiple of the billing period max(30, clock.stepDays) = ${period} days, got ${value}`,
  stepNotCalendar: (step: number) =>
    `must divide 30 or be a multiple of 30 (1 and 30 are usual), got ${step}; only a single-step run (horizonDays = stepDays) may use any step`,
  shockOrder: (from: number, to: number) => `must be before toDay (${to}), got ${from}`,
  shockAfterHorizon: (from: number, horizon: number) => `must be before clock.horizonDays (${horizon}), got ${from}: the shock would never apply`,
  floorOutsideScores: (min: number, max: number, floor: number) => `must lie within score.min and score.max (${min} to ${max}), got ${floor}; to switch the rule off use freeze.scoreFloor.enabled`,
  sharesSum: (sum: number) => `segment shares must sum to 1, got ${sum}`,
  duplicateSegment: (name: string, first: number) => `segment name "${name}" is already used by segments[${first}]`,
  scoreRange: (min: number, max: number) => `must be greater than score.min (${min}), got ${max}`,
  initialLimitRange: (min: number, max: number) => `must be at least limits.initial.min (${min}), got ${max}`,
  initialAboveCap: (cap: number, max: number) => `must be at most limits.cap (${cap}), got ${max}`,
  unknownFigure: (name: string, suggestion: string | undefined) =>
    `"${name}" is not a headline figure${didYouMean(suggestion)}`,

  // CLI
  positiveInteger: (flag: string) => `${flag} must be a positive integer.`,
  outNotDirectory: (dir: string) => `--out ${dir} exists and is not a directory`,
  interrupted: () => 'interrupted',
  engineUnavailable: (reason: string) => `the simulation engine could not be loaded: ${reason}`,
  runFailed: (reason: string) => `run failed: ${reason}`,
  writeFailed: (file: string, reason: string) => `could not write ${file}: ${reason}`,
  unexpected: (reason: string) => `unexpected error: ${reason}`,
} as const;

function foundSuffix(found: unknown): string {
  if (typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean') return ` ${show(found)}`;
  return '';
}
