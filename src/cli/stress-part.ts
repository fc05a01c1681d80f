/**
 * `limitlab stress SUITE --part I/N --out DIR`: one task of a scaled-out
 * stress suite. Its block of the suite's shards (src/stress/parts.ts), per
 * scenario simulated with progress, Ctrl-C or SIGTERM stopping it with nothing
 * written; then DIR/parts/part-I-of-N atomically. `limitlab merge DIR` gates
 * the suite, appends the history and writes stress.json.
 */
import { messages } from '../messages.js';
import { partPath } from '../engine/part-file.js';
import { parsePart } from '../engine/parts.js';
import { displayPath } from '../scenario/load.js';
import { encodeStressPart, stressPartBlocks } from '../stress/parts.js';
import type { ResolvedSuite } from '../stress/types.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { packageInfo } from '../util/package-info.js';
import { errorText, stopCodeIfStopped, stoppedOrFailed } from './batch.js';
import { ExitCode } from './exit-codes.js';
import { type CliIo, loadShardSimulator } from './io.js';
import { watchForStop } from './stop.js';
import { createProgress } from './progress.js';

export async function runStressPart(suite: ResolvedSuite, spec: string, dir: string, flags: { workers?: number; quiet?: boolean }, io: CliIo): Promise<number> {
  const parsed = parsePart(spec, io.env ?? process.env);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.error}\n`);
    return ExitCode.badInput;
  }
  const part = parsed.part;
  const simulateShards = await loadShardSimulator();
  const stop = watchForStop(io);
  const blocks: Parameters<typeof encodeStressPart>[3] = [];
  try {
    for (const b of stressPartBlocks(suite, part)) {
      const member = suite.members[b.member]!;
      const progress = createProgress(io, flags.quiet ?? false);
      try {
        const r = await simulateShards(member.scenario, Array.from({ length: b.count }, (_, k) => b.first + k), {
          ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
          signal: stop.signal,
          onProgress: (p) => {
            if (!stop.signal.aborted) progress.update(p);
          },
        });
        blocks.push({ ...b, slots: r.layout.size, accumulators: r.accumulators });
      } finally {
        progress.stop();
      }
    }
  } catch (e) {
    return stoppedOrFailed(io, stop, e);
  } finally {
    stop.unsubscribe();
  }
  const stopped = stopCodeIfStopped(io, stop);
  if (stopped !== undefined) return stopped;
  const file = partPath(dir, part);
  try {
    await writeFileAtomic(file, encodeStressPart(suite, part, packageInfo().version, blocks));
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(displayPath(file, io.cwd), errorText(e))}\n`);
    return ExitCode.failure;
  }
  const what = blocks.map((b) => `${suite.members[b.member]!.name} shards ${b.first}–${b.first + b.count - 1}`).join(', ') || 'no shards (more parts than shards)';
  io.stdout.write(`part ${part.index}/${part.count} of suite "${suite.name}": ${what} written to ${displayPath(file, io.cwd)}\nwhen every part is done: limitlab merge ${displayPath(dir, io.cwd)}\n`);
  return ExitCode.ok;
}
