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
import { MergeError } from '../engine/merge.js';
import { runMessages } from '../messages.js';
import { displayPath } from '../scenario/load.js';
import { packageInfo } from '../util/package-info.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { lockOrPrint, otherScenarioIn } from './out-guard.js';
import { SUMMARY_FILE, writeRunResult } from './run.js';

export interface MergeFlags {
  out?: string;
  force?: boolean;
  json?: boolean;
}

export async function mergeCommand(dirArg: string, flags: MergeFlags, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, dirArg);
  const out = path.resolve(io.cwd, flags.out ?? dirArg);
  const { mergeParts } = await import('../engine/merge.js');

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

export function registerMerge(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('merge')
    .description('fold the parts in <dir>/parts (from run --part I/N) into <out>/summary.json and its report')
    .argument('<dir>', 'the folder the parts were written to (the --out of run --part)')
    .option('-o, --out <dir>', 'output folder (default: <dir>)')
    .option('--force', 'replace the results of a different scenario in the output folder')
    .option('--json', 'print the headline figures as JSON instead of the summary')
    .action(async (dir: string, flags: MergeFlags) => done(await mergeCommand(dir, flags, io)));
}
