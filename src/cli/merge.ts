/**
 * `limitlab merge DIR [--out OUT]`: fold the parts of a scaled-out run into
 * the summary and report a single `limitlab run` would have written.
 *
 *   DIR/parts/part-*-of-N → every part present once, checksums, one scenario,
 *   seed and version (src/engine/merge.ts; any problem: exit 2 naming the part,
 *   nothing written) → OUT/summary.json, report.html, charts (OUT locked while
 *   written, not another scenario's without --force)
 */
import path from 'node:path';
import type { Command } from 'commander';
import { messages, runMessages, stressMessages } from '../messages.js';
import { MergeError, peekKind, STRESS_PART_KIND } from '../engine/part-file.js';
import { scenarioHash } from '../scenario/hash.js';
import { DEFAULT_HISTORY, newRunId, outState } from '../stress/run-folder.js';
import { runManifest } from '../stress/shard-store.js';
import { errorText } from './batch.js';
import { printVerdicts } from './stress.js';
import { displayPath } from '../scenario/load.js';
import { packageInfo } from '../util/package-info.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { lockOrPrint, otherScenarioIn } from './out-guard.js';
import { SUMMARY_FILE, writeRunResult } from './run.js';

export interface MergeFlags {
  out?: string;
  history?: string;
  quiet?: boolean;
  force?: boolean;
  json?: boolean;
}

export async function mergeCommand(dirArg: string, flags: MergeFlags, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, dirArg);
  const out = path.resolve(io.cwd, flags.out ?? dirArg);
  const { mergeParts, completeParts } = await import('../engine/merge.js');

  // 0. A stress suite's parts are merged into a stress run (gates, history, stress.json).
  let kind: string | undefined;
  try {
    const { files } = await completeParts(dir, (f) => displayPath(f, io.cwd));
    kind = await peekKind(files[0]!);
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    io.stderr.write(`${runMessages.mergeRefused(e.message)}\n`);
    return ExitCode.badInput;
  }
  if (kind === STRESS_PART_KIND) return mergeStress(dir, out, flags, io);

  // 1. Verify and fold every part; nothing is written unless all of them hold.
  let merged: Awaited<ReturnType<typeof mergeParts>>;
  try {
    merged = await mergeParts(dir, { version: packageInfo().version, show: (f) => displayPath(f, io.cwd) });
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    io.stderr.write(`${runMessages.mergeRefused(e.message)}\n`);
    return ExitCode.badInput;
  }

  // 2. The same files as `limitlab run`, under the same guards.
  const other = flags.force ? undefined : await otherScenarioIn(out, merged.scenario, SUMMARY_FILE, io.cwd);
  if (other) {
    io.stderr.write(`${other}\n`);
    return ExitCode.badInput;
  }
  const release = await lockOrPrint(out, `limitlab merge ${dirArg}`, io);
  if (!release) return ExitCode.badInput;
  try {
    return await writeRunResult(merged.summary, out, flags.json, io);
  } finally {
    await release();
  }
}

/** Merge a stress suite's parts, then run the suite's own finish on the merged summaries: same files, same exit code. */
async function mergeStress(dir: string, out: string, flags: MergeFlags, io: CliIo): Promise<number> {
  const show = (f: string): string => displayPath(f, io.cwd);
  const version = packageInfo().version;
  const { mergeStressParts } = await import('../stress/parts.js');
  let merged: Awaited<ReturnType<typeof mergeStressParts>>;
  try {
    merged = await mergeStressParts(dir, version, show);
  } catch (e) {
    if (!(e instanceof MergeError)) throw e;
    io.stderr.write(`${runMessages.mergeRefused(e.message)}\n`);
    return ExitCode.badInput;
  }
  if ((await outState(out)) === 'holds-run' && !flags.force) {
    io.stderr.write(`${stressMessages.outHoldsRun(show(out))}\n`);
    return ExitCode.badInput;
  }
  const release = await lockOrPrint(out, `limitlab merge ${show(dir)}`, io);
  if (!release) return ExitCode.badInput;
  try {
    const { runStressSuite } = await import('../stress/run-suite.js');
    const started = new Date(io.now());
    const result = await runStressSuite(merged.suite, {
      engine: async (scenario) => merged.summaries.get(scenarioHash(scenario))!,
      dir: out,
      historyFile: path.resolve(io.cwd, flags.history ?? DEFAULT_HISTORY),
      manifest: runManifest(merged.suite, { id: newRunId(started), startedAt: started.toISOString() }, version),
      resumed: false,
      version,
      now: () => new Date(io.now()),
      show,
      log: (text) => void (flags.quiet ? undefined : io.stderr.write(`${text}\n`)),
      warn: (text) => void io.stderr.write(`warning: ${text}\n`),
    });
    return printVerdicts(result, out, flags, io);
  } catch (e) {
    io.stderr.write(`${messages.runFailed(errorText(e))}\n`);
    return ExitCode.failure;
  } finally {
    await release();
  }
}

export function registerMerge(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('merge')
    .description('fold the parts in <dir>/parts (from run --part I/N) into <out>/summary.json and its report')
    .argument('<dir>', 'the folder the parts were written to (the --out of run --part)')
    .option('-o, --out <dir>', 'output folder (default: <dir>)')
    .option('--force', 'replace the results of a different scenario in the output folder')
    .option('--json', 'print the headline figures (a suite: the verdicts) as JSON')
    .option('--history <file>', `a stress suite's history file, appended (default: ${DEFAULT_HISTORY})`)
    .option('-q, --quiet', 'no log lines')
    .action(async (dir: string, flags: MergeFlags) => done(await mergeCommand(dir, flags, io)));
}
