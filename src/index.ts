/**
 * limitlab as a library: what a notebook, a service or a script needs, the same
 * pipeline the CLI runs (README, "Use from TypeScript").
 *
 *   loadScenario(file, { overrides }) ─or─ validateScenario(value)  → Scenario
 *   runScenario(scenario, { workers, onProgress, signal })          → Summary
 *   compareSummaries(base, alternatives)                            → Comparison
 *   buildReport(summary) / writeReport(summary, dir)                → HTML + SVG charts
 *   validateSummary(value), summaryCsv(summary)                     → a summary.json read back, CSV tables
 *
 * Errors in a scenario throw a ScenarioError whose `issues` name the file, the
 * field and the line, with the CLI's messages.
 */
import type { RunOptions } from './engine/api.js';
import type { Comparison } from './compare/types.js';
import { compareRuns } from './compare/compare.js';
import { summaryProblem } from './results/summary-schema.js';
import type { Summary } from './results/types.js';
import type { BuiltRunReport, ReportFiles } from './report/run-report.js';
import { ScenarioError } from './scenario/errors.js';
import { resolveScenario } from './scenario/resolve.js';
import type { Scenario } from './scenario/schema.js';
import { SourceMap } from './scenario/source-map.js';
import { validateScenario as validate } from './scenario/validate.js';

export type { RunOptions, RunProgress } from './engine/api.js';
export type { Comparison, FigureDelta } from './compare/types.js';
export type { Band, FreezeCause, Manifest, RequestOutcome, RestrictionCause, Stat, Summary, TimeSeries } from './results/types.js';
export type { FigureDef, FigureFormat, FigureHorizon, FigureKind, FigureName } from './results/registry.js';
export type { BuiltRunReport, ReportFiles } from './report/run-report.js';
export type { ScenarioIssue } from './scenario/errors.js';
export type { Scenario, Segment } from './scenario/schema.js';
export { ScenarioError, isScenarioError } from './scenario/errors.js';
export { FIGURES, FIGURE_NAMES } from './results/registry.js';
export { SUMMARY_SCHEMA_VERSION, summaryJsonSchema } from './results/summary-schema.js';
export { resolvedScenarioJsonSchema, scenarioFileJsonSchema } from './scenario/json-schema.js';
export { summaryCsv } from './results/csv.js';

export interface LoadOptions {
  /** `--set`-style overrides, applied after `extends`: `run.paths=200`, `segments.0.correlation=0.04` */
  overrides?: readonly string[];
  /** base for a relative `file`; default the process's working directory */
  cwd?: string;
}

/** Read a scenario file (YAML or JSON), resolve `extends` and overrides, validate. Throws a ScenarioError. */
export function loadScenario(file: string, options: LoadOptions = {}): Promise<Scenario> {
  return resolveScenario(file, options.overrides ?? [], options.cwd === undefined ? {} : { cwd: options.cwd });
}

/**
 * Check a resolved scenario built anywhere (no `extends`): the same shape and
 * rules, and the same messages, as the CLI. `source` names the value in messages.
 * Throws a ScenarioError.
 */
export function validateScenario(value: unknown, source = 'scenario'): Scenario {
  const result = validate(value, new SourceMap(source));
  if (!result.ok) throw new ScenarioError(result.issues);
  return result.scenario;
}

/**
 * Simulate a scenario in worker threads and summarise it: the Summary that
 * `limitlab run` writes as summary.json. Aborting `signal` stops the workers and
 * rejects with an AbortError.
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<Summary> {
  const engine = await import('./engine/run.js');
  return engine.runScenario(scenario, options);
}

/** A run to compare: its summary and the label (and file) it is shown under. */
export interface ComparedRun {
  label: string;
  summary: Summary;
  file?: string;
}

/**
 * Every headline figure of each alternative against the base, paired path by
 * path (common random numbers), with the population check: comparison.json.
 */
export function compareSummaries(base: ComparedRun, alternatives: readonly ComparedRun[]): Comparison {
  const input = (r: ComparedRun) => ({ label: r.label, file: r.file ?? r.label, summary: r.summary });
  return compareRuns(input(base), alternatives.map(input));
}

/** Check a value (a summary.json read back) against the summary contract; throws naming the field. */
export function validateSummary(value: unknown): Summary {
  const problem = summaryProblem(value);
  if (problem) throw new TypeError(`not a limitlab summary.json: ${problem}`);
  return value as Summary;
}

/** The run report as HTML text with its compiled charts (Vega is loaded on first use). */
export async function buildReport(summary: Summary): Promise<BuiltRunReport> {
  return (await import('./report/run-report.js')).buildRunReport(summary);
}

/** Write `dir/report.html` and `dir/charts/<name>.svg`, each atomically. */
export async function writeReport(summary: Summary, dir: string): Promise<ReportFiles> {
  return (await import('./report/run-report.js')).writeRunReport(summary, dir);
}
