/**
 * What the commands that simulate share: resolving scenarios with their errors
 * printed, the output folder check, running one or more scenarios with progress
 * and Ctrl-C, and writing a JSON result and its report whole or not at all.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
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
import { type StopWatch, reportStop, watchForStop } from './stop.js';
import { createProgress } from './progress.js';
import { printScenarioError } from './scenario-errors.js';

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
 * and Ctrl-C aborting the whole batch (exit 130, nothing written). Ctrl-C
 * returns at once, without waiting for workers to wind down. A batch of one
 * (`run`) prints no run header and no label in its error.
 */
export async function runPlanned(planned: readonly Planned[], flags: { workers?: number; quiet?: boolean }, io: CliIo): Promise<Outcome<Summary[]>> {
  let engine: RunScenario;
  try {
    engine = await io.loadEngine();
  } catch (e) {
    io.stderr.write(`${messages.engineUnavailable(errorText(e))}\n`);
    return { ok: false, code: ExitCode.failure };
  }
  const stop = watchForStop(io);
  const summaries: Summary[] = [];
  try {
    for (const [i, p] of planned.entries()) {
      const several = planned.length > 1;
      if (several && !flags.quiet) io.stderr.write(`run ${i + 1}/${planned.length}: ${p.label} (${p.file})\n`);
      const progress = createProgress(io, flags.quiet ?? false);
      const simulated = engine(p.scenario, {
        ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
        onProgress: (pr) => {
          if (!stop.signal.aborted) progress.update(pr);
        },
        signal: stop.signal,
      }).then(
        (summary) => ({ kind: 'done' as const, summary }),
        (error: unknown) => ({ kind: 'failed' as const, error }),
      );
      const outcome = await Promise.race([simulated, stop.stopped]);
      progress.stop();
      if (outcome.kind === 'interrupted' || stop.signal.aborted) return { ok: false, code: reportStop(io, stop.stoppedBy() ?? 'SIGINT') };
      if (outcome.kind === 'failed') {
        io.stderr.write(`${messages.runFailed(several ? `${p.label}: ${errorText(outcome.error)}` : errorText(outcome.error))}\n`);
        return { ok: false, code: ExitCode.failure };
      }
      summaries.push(outcome.summary);
    }
  } finally {
    stop.unsubscribe();
  }
  return { ok: true, value: summaries };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The stop's exit code (130 or 143, said) if a stop has arrived, else undefined. */
export function stopCodeIfStopped(io: CliIo, stop: StopWatch): number | undefined {
  const by = stop.stoppedBy();
  return by ? reportStop(io, by) : undefined;
}

/** A simulation threw: the stop's exit code if a stop arrived (the engine aborts by throwing), else the failure, said. */
export function stoppedOrFailed(io: CliIo, stop: StopWatch, error: unknown): number {
  const stopped = stopCodeIfStopped(io, stop);
  if (stopped !== undefined) return stopped;
  io.stderr.write(`${messages.runFailed(errorText(error))}\n`);
  return ExitCode.failure;
}

/** A command's result: the JSON file, the report beside it, and what stdout shows. */
export interface Result {
  jsonFile: string;
  value: unknown;
  /** what `--json` prints on stdout (default: the whole value) */
  jsonView?: unknown;
  reportFile: string;
  writeReport: () => Promise<void>;
  /** the human summary, given the JSON file's path as shown */
  text: (shownJson: string) => string;
  /**
   * each run's summary, kept in `<folder of jsonFile>/runs/<folder>/summary.json`
   * (compare and sweep); the runs/ folder is replaced together with the JSON file
   */
  runs?: readonly KeptRun[];
}

/** A run's summary kept beside a comparison or sweep. */
export interface KeptRun {
  /** its folder under runs/ (see runFolders) */
  folder: string;
  summary: Summary;
}

/** Where compare and sweep keep each run's summary, beside their JSON file. */
export const RUNS_FOLDER = 'runs';

/**
 * One folder name per run under runs/, from its label (safeFolderName), made
 * unique where two labels clean to the same name: "No hold: v2" and
 * "No hold v2" → "No-hold-v2", "No-hold-v2-2".
 *
 * @example
 * runFolders(['baseline', 'maxDraws=3, holdDays=0']); // => ['baseline', 'maxDraws-3-holdDays-0']
 */
export function runFolders(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const base = safeFolderName(label);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The path of a kept run's summary relative to the JSON file beside it (recorded as RunRecord.summaryFile). */
export function keptSummaryFile(folder: string): string {
  return `${RUNS_FOLDER}/${folder}/summary.json`;
}

/**
 * The kept summaries, written into a hidden staging folder first; `swap` then
 * puts it in place of runs/ (the earlier runs/ kept aside until `settle`,
 * restored by `restore`). A failure while staging touches nothing.
 */
async function stageRuns(dir: string, runs: readonly KeptRun[]): Promise<{ swap: () => Promise<void>; restore: () => Promise<void>; settle: () => Promise<void>; discard: () => Promise<void> }> {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staging = path.join(dir, `.${RUNS_FOLDER}.${tag}.tmp`);
  const aside = path.join(dir, `.${RUNS_FOLDER}.${tag}.old`);
  const target = path.join(dir, RUNS_FOLDER);
  const discard = () => rm(staging, { recursive: true, force: true });
  try {
    for (const run of runs) await writeFileAtomic(path.join(staging, run.folder, 'summary.json'), () => formatJson(run.summary));
  } catch (e) {
    await discard();
    throw e;
  }
  let hadEarlier = false;
  return {
    discard,
    swap: async () => {
      hadEarlier = (await stat(target).catch(() => undefined)) !== undefined;
      if (hadEarlier) await rename(target, aside);
      try {
        await rename(staging, target);
      } catch (e) {
        if (hadEarlier) await rename(aside, target);
        throw e;
      }
    },
    restore: async () => {
      await rm(target, { recursive: true, force: true });
      if (hadEarlier) await rename(aside, target);
    },
    settle: () => rm(aside, { recursive: true, force: true }),
  };
}

/**
 * Write a result's JSON (with the runs' summaries, when it keeps them) and its
 * report, each whole or not at all, then print the summary (or the JSON with
 * `--json`) and the report's path as the last line (on stderr under `--json`,
 * keeping stdout pure JSON). Returns the exit code. The runs/ folder and the
 * JSON file change together: every summary is staged first, and a JSON file
 * that cannot be written puts the earlier runs/ back.
 */
export async function writeResult(result: Result, json: boolean | undefined, io: CliIo): Promise<number> {
  const dir = path.dirname(result.jsonFile);
  let staged: Awaited<ReturnType<typeof stageRuns>> | undefined;
  if (result.runs) {
    try {
      staged = await stageRuns(dir, result.runs);
      await staged.swap();
    } catch (e) {
      await staged?.discard();
      io.stderr.write(`${messages.writeFailed(displayPath(path.join(dir, RUNS_FOLDER), io.cwd), errorText(e))}\n`);
      return ExitCode.failure;
    }
  }
  try {
    await writeFileAtomic(result.jsonFile, () => formatJson(result.value));
  } catch (e) {
    await staged?.restore();
    io.stderr.write(`${messages.writeFailed(displayPath(result.jsonFile, io.cwd), errorText(e))}\n`);
    return ExitCode.failure;
  }
  await staged?.settle();
  try {
    await result.writeReport();
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(displayPath(result.reportFile, io.cwd), errorText(e))}\n`);
    return ExitCode.failure;
  }
  io.stdout.write(json ? formatJson(result.jsonView ?? result.value) : result.text(displayPath(result.jsonFile, io.cwd)));
  (json ? io.stderr : io.stdout).write(`report: ${displayPath(result.reportFile, io.cwd)}\n`);
  return ExitCode.ok;
}
