/**
 * `limitlab run SCENARIO --part I/N`: one task of a scaled-out run.
 *
 *   the part (--part, or the scheduler's task index) → its block of shards
 *   (src/engine/parts.ts) → simulate those shards only (progress on stderr,
 *   Ctrl-C or SIGTERM aborts, nothing written) → DIR/parts/part-I-of-N
 *   atomically, then where and how long it ran beside it
 *
 * No folder lock: the N tasks of one run write the same folder at once, each
 * its own file. A retried task writes the same bytes again.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { messages, runMessages } from '../messages.js';
import { encodePart, executionPath, partPath, type PartExecution } from '../engine/part-file.js';
import { parsePart, partShards } from '../engine/parts.js';
import { planShards } from '../engine/plan.js';
import type { Scenario } from '../scenario/schema.js';
import { displayPath } from '../scenario/load.js';
import { formatJson, writeFileAtomic } from '../util/atomic-write.js';
import { packageInfo } from '../util/package-info.js';
import { errorText, stopCodeIfStopped, stoppedOrFailed } from './batch.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, loadShardSimulator, type ShardSimulator } from './io.js';
import { watchForStop } from './stop.js';
import { createProgress } from './progress.js';

export async function runPart(
  scenario: Scenario,
  spec: string,
  dir: string,
  flags: { workers?: number; quiet?: boolean },
  io: CliIo,
): Promise<number> {
  // 1. Which part, and its shards.
  const parsed = parsePart(spec, io.env ?? process.env);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.error}\n`);
    return ExitCode.badInput;
  }
  const part = parsed.part;
  const total = planShards(scenario).length;
  const shards = partShards(total, part);

  // 2. Simulate them, stoppable by Ctrl-C and SIGTERM.
  let simulateShards: ShardSimulator;
  try {
    simulateShards = await loadShardSimulator();
  } catch (e) {
    io.stderr.write(`${messages.engineUnavailable(errorText(e))}\n`);
    return ExitCode.failure;
  }
  const stop = watchForStop(io);
  const progress = createProgress(io, flags.quiet ?? false);
  let result: Awaited<ReturnType<ShardSimulator>>;
  try {
    result = await simulateShards(scenario, shards, {
      ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
      signal: stop.signal,
      onProgress: (p) => {
        if (!stop.signal.aborted) progress.update(p);
      },
    });
  } catch (e) {
    progress.stop();
    return stoppedOrFailed(io, stop, e);
  } finally {
    stop.unsubscribe();
  }
  progress.stop();
  const stopped = stopCodeIfStopped(io, stop);
  if (stopped !== undefined) return stopped;

  // 3. The part, whole or not at all; then where it ran (kept apart so the part's bytes do not depend on it).
  const file = partPath(dir, part);
  const env = io.env ?? process.env;
  const execution: PartExecution = {
    host: env['SLURMD_NODENAME'] || env['HOSTNAME'] || hostname(),
    elapsedSeconds: result.elapsedSeconds,
    workers: result.workers,
    date: new Date().toISOString(),
  };
  try {
    const text = encodePart(scenario, part, packageInfo().version, total, result.layout.size, shards[0] ?? 0, result.accumulators);
    await writeFileAtomic(file, text);
    await writeFileAtomic(executionPath(file), formatJson(execution));
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(displayPath(file, io.cwd), errorText(e))}\n`);
    return ExitCode.failure;
  }
  const range = shards.length === 0 ? 'no shards (more parts than shards)' : `shards ${shards[0]}–${shards[shards.length - 1]} of ${total}`;
  io.stdout.write(`${runMessages.partWritten(`${part.index}/${part.count}`, range, displayPath(file, io.cwd), displayPath(path.resolve(dir), io.cwd))}\n`);
  return ExitCode.ok;
}
