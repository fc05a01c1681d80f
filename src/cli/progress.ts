/**
 * Run progress on stderr: a bar with ETA on a terminal, plain lines (at most one
 * every ~2 s) when stderr is a file or pipe, nothing with --quiet. Fed by the
 * engine's onProgress callback; the engine never prints.
 */
import cliProgress from 'cli-progress';
import type { RunProgress } from '../engine/api.js';
import type { CliIo } from './io.js';

export interface ProgressReporter {
  update(p: RunProgress): void;
  /** leave the terminal clean (before printing anything else) */
  stop(): void;
}

export const PROGRESS_LINE_INTERVAL_MS = 2000;

export function createProgress(io: CliIo, quiet: boolean): ProgressReporter {
  if (quiet) return { update: () => undefined, stop: () => undefined };
  return io.stderr.isTTY ? barProgress(io) : lineProgress(io);
}

function lineProgress(io: CliIo): ProgressReporter {
  let last: number | undefined;
  let printedFinal = false;
  return {
    update(p) {
      const t = io.now();
      if (p.shardsDone >= p.shardsTotal) {
        if (printedFinal) return;
        printedFinal = true;
      } else if (last !== undefined && t - last < PROGRESS_LINE_INTERVAL_MS) {
        return;
      }
      last = t;
      io.stderr.write(`${progressLine(p)}\n`);
    },
    stop: () => undefined,
  };
}

export function progressLine(p: RunProgress): string {
  const pct = p.shardsTotal > 0 ? Math.floor((100 * p.shardsDone) / p.shardsTotal) : 0;
  return `progress: ${p.shardsDone}/${p.shardsTotal} shards (${pct}%), ${p.elapsedSeconds.toFixed(1)} s elapsed`;
}

function barProgress(io: CliIo): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WriteStream,
      format: 'simulating {bar} {percentage}% | {value}/{total} shards | {duration_formatted} elapsed | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(p.shardsTotal, p.shardsDone);
        started = true;
      } else {
        bar.setTotal(p.shardsTotal);
        bar.update(p.shardsDone);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
