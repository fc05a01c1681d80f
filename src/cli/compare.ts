/**
 * `limitlab compare BASE ALT [ALT...]`: run every scenario on the same seed and
 * sizes (common random numbers) and report each alternative's change from the
 * base, paired path by path.
 *
 *   resolve each (--set, --seed/--paths/--borrowers apply to all) → population
 *   rule (refuse, exit 2, unless --allow-different-population) → run one after
 *   another (progress on stderr, Ctrl-C aborts) → compare → comparison.json and
 *   report.html (atomically) → the main changes on stdout
 */
import { setMaxListeners } from 'node:events';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { compareRuns } from '../compare/compare.js';
import { uniqueLabels } from '../compare/labels.js';
import { compareMessages } from '../compare/messages.js';
import { checkPopulation } from '../compare/population.js';
import { formatComparisonText } from '../compare/text.js';
import type { RunScenario } from '../engine/api.js';
import { messages } from '../messages.js';
import type { Summary } from '../results/types.js';
import { isScenarioError } from '../scenario/errors.js';
import { displayPath } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { Scenario } from '../scenario/schema.js';
import { formatJson, writeFileAtomic } from '../util/atomic-write.js';
import { safeFolderName } from '../util/safe-name.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { createProgress } from './progress.js';
import { flagOverrides } from './run.js';
import { printScenarioError } from './scenario-errors.js';

export const COMPARISON_FILE = 'comparison.json';

export interface CompareFlags {
  out?: string;
  seed?: string;
  paths?: string;
  borrowers?: string;
  workers?: number;
  set?: string[];
  allowDifferentPopulation?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** A scenario ready to run, with the name it goes by in tables and charts. */
export interface Planned {
  label: string;
  /** the file as shown to the user */
  file: string;
  scenario: Scenario;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: number };

/** Resolve a scenario file with overrides; scenario errors are printed (exit 2). */
export async function resolveOrPrint(file: string, overrides: readonly (string | Override)[], io: CliIo): Promise<Scenario | undefined> {
  try {
    return await resolveScenario(file, overrides, { cwd: io.cwd });
  } catch (e) {
    if (!isScenarioError(e)) throw e;
    printScenarioError(e, io.stderr);
    return undefined;
  }
}

/** The output folder, refused (exit 2) when a file is in the way. */
export async function outputFolder(dir: string, io: CliIo): Promise<Outcome<string>> {
  const existing = await stat(dir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    io.stderr.write(`${messages.outNotDirectory(displayPath(dir, io.cwd))}\n`);
    return { ok: false, code: ExitCode.badInput };
  }
  return { ok: true, value: dir };
}

/**
 * Run the scenarios one after another with one worker count, progress on stderr
 * and Ctrl-C aborting the whole batch (exit 130, nothing written).
 */
export async function runPlanned(planned: readonly Planned[], flags: { workers?: number; quiet?: boolean }, io: CliIo): Promise<Outcome<Summary[]>> {
  let engine: RunScenario;
  try {
    engine = await io.loadEngine();
  } catch (e) {
    io.stderr.write(`${messages.engineUnavailable(errorText(e))}\n`);
    return { ok: false, code: ExitCode.failure };
  }
  const controller = new AbortController();
  // The engine may listen once per queued shard task; more than Node's default 10 is expected, not a leak.
  setMaxListeners(0, controller.signal);
  let unsubscribe = (): void => undefined;
  const interrupted = new Promise<{ kind: 'interrupted' }>((resolve) => {
    unsubscribe = io.onInterrupt(() => {
      controller.abort();
      resolve({ kind: 'interrupted' });
    });
  });
  const summaries: Summary[] = [];
  try {
    for (const [i, p] of planned.entries()) {
      if (!flags.quiet) io.stderr.write(`run ${i + 1}/${planned.length}: ${p.label} (${p.file})\n`);
      const progress = createProgress(io, flags.quiet ?? false);
      const simulated = engine(p.scenario, {
        ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
        onProgress: (pr) => {
          if (!controller.signal.aborted) progress.update(pr);
        },
        signal: controller.signal,
      }).then(
        (summary) => ({ kind: 'done' as const, summary }),
        (error: unknown) => ({ kind: 'failed' as const, error }),
      );
      const outcome = await Promise.race([simulated, interrupted]);
      progress.stop();
      if (outcome.kind === 'interrupted' || controller.signal.aborted) {
        io.stderr.write(`${messages.interrupted()}\n`);
        return { ok: false, code: ExitCode.interrupted };
      }
      if (outcome.kind === 'failed') {
        io.stderr.write(`${messages.runFailed(`${p.label}: ${errorText(outcome.error)}`)}\n`);
        return { ok: false, code: ExitCode.failure };
      }
      summaries.push(outcome.summary);
    }
  } finally {
    unsubscribe();
  }
  return { ok: true, value: summaries };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Write a JSON result and its report; prints and returns the exit code on failure. */
export async function writeResult(
  jsonFile: string,
  value: unknown,
  writeReport: () => Promise<void>,
  reportFile: string,
  io: CliIo,
): Promise<number | undefined> {
  try {
    await writeFileAtomic(jsonFile, () => formatJson(value));
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(displayPath(jsonFile, io.cwd), errorText(e))}\n`);
    return ExitCode.failure;
  }
  try {
    await writeReport();
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(displayPath(reportFile, io.cwd), errorText(e))}\n`);
    return ExitCode.failure;
  }
  return undefined;
}

export async function compareCommand(files: readonly string[], flags: CompareFlags, io: CliIo): Promise<number> {
  // 1. Every scenario, with the same overrides; all errors before anything runs.
  const overrides = [...(flags.set ?? []), ...flagOverrides(flags)];
  const scenarios: Scenario[] = [];
  let bad = false;
  for (const file of files) {
    const s = await resolveOrPrint(file, overrides, io);
    if (s) scenarios.push(s);
    else bad = true;
  }
  if (bad) return ExitCode.badInput;
  const shown = files.map((f) => displayPath(path.resolve(io.cwd, f), io.cwd));
  const labels = uniqueLabels(scenarios.map((s) => s.name), shown);
  const planned: Planned[] = scenarios.map((scenario, i) => ({ label: labels[i]!, file: shown[i]!, scenario }));

  // 2. Common random numbers need one population; a difference is refused unless allowed.
  const base = planned[0]!;
  if (!flags.allowDifferentPopulation) {
    let refused = false;
    for (const alt of planned.slice(1)) {
      const check = checkPopulation(base.scenario, alt.scenario);
      if (!check.same) {
        io.stderr.write(`${compareMessages.differentPopulation(alt.file, base.file, check.differingFields)}\n`);
        refused = true;
      }
    }
    if (refused) return ExitCode.badInput;
  }

  // 3. Where the results go.
  const defaultDir = path.join('reports', 'compare', safeFolderName(`${labels[0]}-vs-${labels.slice(1).join('-')}`));
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? defaultDir), io);
  if (!out.ok) return out.code;

  // 4. Simulate, one after another.
  const ran = await runPlanned(planned, flags, io);
  if (!ran.ok) return ran.code;

  // 5. Compare and write, each file whole or not at all.
  const runs = planned.map((p, i) => ({ label: p.label, file: p.file, summary: ran.value[i]! }));
  const comparison = compareRuns(runs[0]!, runs.slice(1));
  const jsonFile = path.join(out.value, COMPARISON_FILE);
  const reportFile = path.join(out.value, 'report.html');
  const failed = await writeResult(
    jsonFile,
    comparison,
    async () => {
      // Loaded here, not at startup: the report brings Vega.
      const { writeCompareReport } = await import('../report/compare-report.js');
      await writeCompareReport(comparison, out.value);
    },
    reportFile,
    io,
  );
  if (failed !== undefined) return failed;
  io.stdout.write(flags.json ? formatJson(comparison) : formatComparisonText(comparison, { json: displayPath(jsonFile, io.cwd) }));
  (flags.json ? io.stderr : io.stdout).write(`report: ${displayPath(reportFile, io.cwd)}\n`);
  return ExitCode.ok;
}

export function registerCompare(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('compare')
    .description('run a base scenario and alternatives on common random numbers and report each change from the base')
    .argument('<base>', 'base scenario file (YAML or JSON)')
    .argument('<alternatives...>', 'alternative scenario files')
    .option('-o, --out <dir>', 'output folder (default: reports/compare/<base>-vs-<alternatives>/)')
    .option('--seed <n>', 'override seed (all scenarios)')
    .option('--paths <n>', 'override run.paths (all scenarios)')
    .option('--borrowers <n>', 'override run.borrowersPerPath (all scenarios)')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field in every scenario (repeatable)', collect)
    .option('--allow-different-population', 'compare even when population parameters differ (the differences then carry extra noise)')
    .option('--json', 'print comparison.json instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (baseFile: string, alternatives: string[], flags: CompareFlags) => done(await compareCommand([baseFile, ...alternatives], flags, io)));
}
