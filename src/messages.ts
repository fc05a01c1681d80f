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

  // cross-field rules (docs/model.md, "Time", and docs/scenarios.md, "Rules between fields")
  notMultipleOfStep: (value: number, step: number) =>
    `must be a multiple of clock.stepDays (${step} days), got ${value}`,
  notMultipleOfBilling: (value: number, period: number) =>
    `must be a multiple of the billing period max(30, clock.stepDays) = ${period} days, got ${value}`,
  stepNotCalendar: (step: number) =>
    `must divide 30 or be a multiple of 30 (1 and 30 are usual), got ${step}; only a single-step run (horizonDays = stepDays) may use any step`,
  shockOrder: (from: number, to: number) => `must be before toDay (${to}), got ${from}`,
  suiteNotScenario: () => 'this file is a stress suite (a list of scenarios), not a scenario: run it with `limitlab stress FILE`',
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
  interrupted: (signal: 'SIGINT' | 'SIGTERM' = 'SIGINT') => (signal === 'SIGTERM' ? 'terminated (SIGTERM); nothing was written' : 'interrupted'),
  engineUnavailable: (reason: string) => `the simulation engine could not be loaded: ${reason}`,
  runFailed: (reason: string) => `run failed: ${reason}`,
  writeFailed: (file: string, reason: string) => `could not write ${file}: ${reason}`,
  unexpected: (reason: string) => `unexpected error: ${reason}`,
} as const;

function foundSuffix(found: unknown): string {
  if (typeof found === 'string' || typeof found === 'number' || typeof found === 'boolean') return ` ${show(found)}`;
  return '';
}

/** `compare` and `sweep`: reasons recorded in comparison.json and sweep.json, and the commands' errors. */
export const compareMessages = {
  // reasons a difference or factor is null
  noPairs: () => 'no path gave a value in both runs',
  onePair: () => 'one path: no standard error',
  noPerPath: () => 'no per-path values in the summary, so paths cannot be paired',
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
  referenceSyntax: (text: string) => `--reference expects path=value[,path=value...] naming one grid point, got ${JSON.stringify(text)}`,
  referenceUnknownField: (name: string, paths: readonly string[]) => `--reference ${name}: not a --grid field (the grid's fields: ${paths.join(', ')})`,
  referenceAmbiguous: (name: string, paths: readonly string[]) => `--reference ${name}: more than one --grid field ends so (${paths.join(', ')}); give the whole path`,
  referenceDuplicateField: (path: string) => `--reference names ${path} twice`,
  referenceNotOnGrid: (path: string, value: string, values: readonly string[]) => `--reference ${path}=${value}: not a value of the grid (${values.join(', ')})`,
  referenceNoRun: (option: string) => `--reference ${option}: no run sits at this combination of values (the runs do not cover every combination)`,
  referenceMissingField: (paths: readonly string[]) => `--reference must give a value for every --grid field; missing: ${paths.join(', ')}`,
  materiality: (text: string) => `--materiality must be a fraction of the base value in [0, 1), such as 0.01 for 1%, got ${JSON.stringify(text)}`,
  gridRequired: () => 'sweep needs at least one --grid path=v1,v2,...',
  gridTooLarge: (points: number, max: number) => `the grid has ${points} points; at most ${max} are allowed in one sweep`,

  // finished runs (summary.json) as compare's inputs
  mixedInputs: (summary: string, scenario: string, rerun: string) =>
    `${summary} is a finished run (summary.json) and ${scenario} a scenario: compare takes either scenario files, simulated here on one seed, or summaries, not both. Run the scenario first on the summary's seed and sizes (${rerun}) and compare the two summaries`,
  simulationFlagsWithSummaries: (flags: readonly string[]) =>
    `${flags.join(', ')}: ${flags.length === 1 ? 'this flag changes' : 'these flags change'} a simulation, and summary.json files are finished runs (their seed, sizes and every field are in their manifests); give scenario files to simulate, or drop ${flags.length === 1 ? 'it' : 'them'}`,
  notARunSummary: (file: string, kind: string) => `${file}: this is a ${kind}.json, not a run's summary.json; compare the summaries under its runs/ folder instead`,
  perPathLength: (file: string, field: string, found: number, sizeField: string, size: number) =>
    `${file}: cannot be paired path by path: field ${field} has ${found} values, but ${sizeField} is ${size} (a damaged or hand-edited summary; re-run or re-merge it)`,
  weightsDiffer: (file: string, base: string, detail: string) =>
    `${file}: cannot be paired path by path with ${base}: ${detail}, though their seed and run.importanceSampling agree (the summaries were not drawn alike; re-run one side)`,
  versionsDiffer: (file: string, base: string, version: string, baseVersion: string) =>
    `${file}: written by limitlab ${version}, ${base} by limitlab ${baseVersion}; the model and its random draws may differ between versions, so the runs may not share their luck (re-run one side with one version, or pass --allow-different-population to compare anyway with the extra noise)`,
  sweepNeedsInput: () => 'sweep needs a scenario file with --grid path=v1,v2,..., or --from SUMMARY.json SUMMARY.json ... (finished runs)',
  sweepFromAndScenario: (scenario: string) => `${scenario}: sweep --from reads finished runs and takes no scenario file; give the scenario with --grid, or its runs' summaries after --from`,
  sweepFromAndGrid: () => '--grid does not apply with --from: the axes are the fields on which the runs\' scenarios differ',
  sweepFromTooFew: (n: number) => `sweep --from needs at least two summaries, got ${n}`,
  sweepFromNoAxes: (files: readonly string[]) =>
    `${files.join(', ')}: the runs' scenarios do not differ in any model field (name, description and run.shardSize do not count), so there is nothing to sweep`,
  sweepFromSamePoint: (a: string, b: string) =>
    `${a} and ${b} are the same point: their scenarios differ only in name, description or run.shardSize; give each point once`,
  sweepFromPartialNote: (runs: number, combinations: number) =>
    `the runs cover ${runs} of the ${combinations} combinations of the fields that differ, so this is a list of points in the order given, not a full grid`,
  stepUniformsDiffer: (file: string, base: string, a: number, b: number) =>
    `${file}: draws ${b} uniforms per borrower-step, ${base} ${a}; the runs do not share their random numbers path by path (re-run one side with one limitlab version, or pass --allow-different-population)`,
} as const;

/** `stress`: suite-file errors, resume refusals, history warnings, log and breach lines. */
/** run --part, merge and the output-folder guards. */
export const runMessages = {
  otherScenario: (dir: string, there: string, here: string) =>
    `${dir} holds the results of another scenario ("${there}"); this run is "${here}". Choose another folder with --out, or replace them with --force`,
  folderLocked: (dir: string, owner: string) => `${dir} is being written by ${owner}; wait for it to finish or choose another folder`,
  partNeedsNoForce: () => '--force does not apply to --part: parts never replace a summary',
  partWritten: (part: string, shards: string, file: string, dir: string) => `part ${part}: ${shards} written to ${file}\nwhen every part is done: limitlab merge ${dir}`,
  mergeRefused: (reason: string) => `merge refused, nothing written: ${reason}`,
};

export const stressMessages = {
  // the suite file
  scenarioNotSuite: () => 'this file is a scenario, not a stress suite: run it with `limitlab run FILE`, or list it under `scenarios:` in a suite',
  suiteEmpty: () => 'the file is empty; a suite is a mapping with name, scenarios and appetite',
  suiteNotMapping: (kind: string) => `a suite must be a mapping of fields, not ${kind}`,
  duplicateScenario: (name: string, first: number) => `scenario "${name}" is already listed as scenarios[${first}]; names must be unique`,
  duplicateFolder: (folder: string, first: number) =>
    `scenario folder "${folder}" is already used by scenarios[${first}]; rename one of the scenarios`,
  differentPopulation: (first: string, fields: readonly string[]) =>
    `must share the population parameters of "${first}" (common random numbers across the suite), but ${fields.join(', ')} differ${fields.length === 1 ? 's' : ''}`,

  // the run folder and resume
  outHoldsRun: (dir: string) => `--out ${dir} already holds a stress run; continue it with --resume ${dir}, or choose another folder`,
  outAndResume: (out: string, resume: string) => `--out ${out} and --resume ${resume} name different folders; --resume writes into the run it continues`,
  notARun: (dir: string) => `--resume ${dir}: not a stress run folder (no readable shards/manifest.json)`,
  partNeedsOut: () => '--part needs --out DIR (the folder every part and the merge share) and cannot be combined with --resume',
  resumeMismatch: (dir: string, what: readonly string[]) =>
    `--resume ${dir}: refused, the run was started with a different suite (${what.join('; ')}); start a new run instead`,
  badShard: (file: string, reason: string) => `ignoring shard ${file} (${reason}); it will be recomputed`,

  // the history file
  tornLastLine: (file: string, line: number) =>
    `${file}:${line}: skipping an incomplete last line (a run was interrupted while appending?)`,
  badHistoryLine: (file: string, line: number, reason: string) => `${file}:${line}: skipping an unreadable line (${reason})`,

  // log lines
  starting: (suite: string, scenarios: number, dir: string) => `suite "${suite}": ${scenarios} scenario${scenarios === 1 ? '' : 's'} into ${dir}`,
  resuming: (suite: string, dir: string) => `suite "${suite}": resuming ${dir}`,
  scenarioStart: (i: number, n: number, name: string, shards: number, reloaded: number) =>
    `scenario ${i}/${n} "${name}": ${shards} shards${reloaded > 0 ? `, ${reloaded} reloaded from a previous attempt` : ''}`,
  scenarioDone: (name: string, seconds: number, file: string) => `scenario "${name}" done in ${seconds.toFixed(1)} s: ${file}`,
  historyAppended: (lines: number, file: string) => `history: ${lines} line${lines === 1 ? '' : 's'} appended to ${file}`,
  historyAlreadyThere: (file: string) => `history: this run is already in ${file}; nothing appended`,
  interrupted: (resume: string, signal: 'SIGINT' | 'SIGTERM' = 'SIGINT') =>
    `${signal === 'SIGTERM' ? 'terminated (SIGTERM)' : 'interrupted'}; finished shards are kept: continue with ${resume}`,
  failed: (reason: string, resume: string) => `stress run failed: ${reason}; finished shards are kept: continue with ${resume}`,
} as const;

/** Reading a summary.json, comparison.json or sweep.json back (`limitlab report`, `compare` of summaries). */
export const summaryMessages = {
  notFound: (file: string) => `${file}: file not found`,
  isDirectory: (file: string) => `${file}: is a directory, not a summary.json file`,
  unreadable: (file: string, reason: string) => `${file}: cannot read the file: ${reason}`,
  jsonSyntax: (file: string, detail: string) => `${file}: JSON syntax error: ${detail}`,
  notSummary: (file: string, detail: string) => `${file}: not a limitlab summary.json: ${detail}`,
  notComparison: (file: string, detail: string) => `${file}: not a limitlab comparison.json: ${detail}`,
  notSweep: (file: string, detail: string) => `${file}: not a limitlab sweep.json: ${detail}`,
} as const;

/** Tail figures and intervals, as the CLI and the reports say them (docs/tail-risk.md). */
export const tailMessages = {
  unreliable: (beyond: number, pathsNeeded: number | null) =>
    `not reliable: only ${beyond} path${beyond === 1 ? '' : 's'} at or beyond the VaR${
      pathsNeeded === null ? '; needs more paths' : `; needs about ${pathsNeeded.toLocaleString('en-US')} paths`
    }, or importance sampling (run.importanceSampling)`,
  rough: 'rough: fewer than 30 paths',
  beyond: (beyond: number) => `${beyond} path${beyond === 1 ? '' : 's'} beyond`,
  lowEffectiveSampleSize: (ess: number, meanWeight: number | undefined) =>
    `an effective sample size of ${ess.toFixed(1)}${meanWeight === undefined ? '' : ` (mean weight ${meanWeight.toFixed(2)}, 1 expected)`}: importance sampling aims at the tail, and the means and percentiles of ordinary figures are not to be trusted at this shift; read them from a plain run`,
  importanceSampling: (shift: number, ess: number, paths: number) =>
    `importance sampling of the economy: shift ${shift.toFixed(2)}, effective sample size ${ess.toFixed(1)} of ${paths} paths (figures are weighted, unbiased for the unshifted model)`,
} as const;
