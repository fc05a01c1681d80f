/**
 * `limitlab run SCENARIO`: resolve the scenario, simulate it, write
 * DIR/summary.json atomically and print a short summary.
 *
 *   resolve (extends, --set, --seed/--paths/--borrowers) → validate → engine
 *   (progress on stderr, Ctrl-C aborts) → summary.json → summary on stdout
 */
import { setMaxListeners } from 'node:events';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { RunScenario } from '../engine/api.js';
import { messages } from '../messages.js';
import { isScenarioError } from '../scenario/errors.js';
import { displayPath } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { resolveScenario } from '../scenario/resolve.js';
import { formatJson, writeFileAtomic } from '../util/atomic-write.js';
import { safeFolderName } from '../util/safe-name.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { createProgress } from './progress.js';
import { printScenarioError } from './scenario-errors.js';
import { formatSummary } from './summary-text.js';

export interface RunFlags {
  out?: string;
  seed?: string;
  paths?: string;
  borrowers?: string;
  workers?: number;
  set?: string[];
  json?: boolean;
  quiet?: boolean;
}

export const SUMMARY_FILE = 'summary.json';

/** --seed, --paths and --borrowers are overrides like --set, applied after it, and validated like any field. */
export function flagOverrides(flags: RunFlags): Override[] {
  const out: Override[] = [];
  const add = (flag: string, field: string, raw: string | undefined): void => {
    if (raw !== undefined) out.push({ path: field, value: raw, source: `${flag} ${raw}` });
  };
  add('--seed', 'seed', flags.seed);
  add('--paths', 'run.paths', flags.paths);
  add('--borrowers', 'run.borrowersPerPath', flags.borrowers);
  return out;
}

export async function runCommand(file: string, flags: RunFlags, io: CliIo): Promise<number> {
  // 1. The scenario, exactly as `validate --json` would print it.
  let scenario;
  try {
    scenario = await resolveScenario(file, [...(flags.set ?? []), ...flagOverrides(flags)], { cwd: io.cwd });
  } catch (e) {
    if (!isScenarioError(e)) throw e;
    printScenarioError(e, io.stderr);
    return ExitCode.badInput;
  }

  // 2. Where the result goes; a file in the way is the user's to fix before a long run.
  const outDir = path.resolve(io.cwd, flags.out ?? path.join('reports', safeFolderName(scenario.name)));
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    io.stderr.write(`${messages.outNotDirectory(displayPath(outDir, io.cwd))}\n`);
    return ExitCode.badInput;
  }

  let engine: RunScenario;
  try {
    engine = await io.loadEngine();
  } catch (e) {
    io.stderr.write(`${messages.engineUnavailable((e as Error).message)}\n`);
    return ExitCode.failure;
  }

  // 3. Simulate. Ctrl-C aborts the engine and returns at once, without waiting for workers to wind down.
  const progress = createProgress(io, flags.quiet ?? false);
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
  const simulated = engine(scenario, {
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    onProgress: (p) => {
      if (!controller.signal.aborted) progress.update(p);
    },
    signal: controller.signal,
  }).then(
    (summary) => ({ kind: 'done' as const, summary }),
    (error: unknown) => ({ kind: 'failed' as const, error }),
  );
  const outcome = await Promise.race([simulated, interrupted]);
  unsubscribe();
  progress.stop();
  if (outcome.kind === 'interrupted' || controller.signal.aborted) {
    io.stderr.write(`${messages.interrupted()}\n`);
    return ExitCode.interrupted;
  }
  if (outcome.kind === 'failed') {
    io.stderr.write(`${messages.runFailed(errorText(outcome.error))}\n`);
    return ExitCode.failure;
  }

  // 4. The result, written whole or not at all.
  const summaryPath = path.join(outDir, SUMMARY_FILE);
  const shown = displayPath(summaryPath, io.cwd);
  try {
    await writeFileAtomic(summaryPath, () => formatJson(outcome.summary));
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(shown, errorText(e))}\n`);
    return ExitCode.failure;
  }
  io.stdout.write(flags.json ? formatJson(outcome.summary.headline) : formatSummary(outcome.summary, shown));

  // 5. The committee report beside the summary; its path is the last line (on stderr under --json, keeping stdout JSON).
  const reportShown = displayPath(path.join(outDir, 'report.html'), io.cwd);
  try {
    // Loaded here, not at startup: the report brings Vega, which `validate` should not pay for.
    const { writeRunReport } = await import('../report/run-report.js');
    await writeRunReport(outcome.summary, outDir);
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(reportShown, errorText(e))}\n`);
    return ExitCode.failure;
  }
  (flags.json ? io.stderr : io.stdout).write(`report: ${reportShown}\n`);
  return ExitCode.ok;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function registerRun(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('run')
    .description('simulate a scenario and write <out>/summary.json')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-o, --out <dir>', 'output folder (default: reports/<scenario name>/)')
    .option('--seed <n>', 'override seed')
    .option('--paths <n>', 'override run.paths')
    .option('--borrowers <n>', 'override run.borrowersPerPath')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field, e.g. --set segments.0.correlation=0.04 (repeatable)', collect)
    .option('--json', 'print the headline figures as JSON instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (file: string, flags: RunFlags) => done(await runCommand(file, flags, io)));
}
