/**
 * How a long command stops: Ctrl-C (SIGINT) or SIGTERM (what Slurm preemption
 * and Kubernetes eviction send) aborts the command's controller, so the engine
 * stops its workers, and the command exits 130 or 143 having written nothing
 * half-done. Every simulating command (run, compare, sweep, stress, the parts)
 * watches for it the same way.
 */
import { setMaxListeners } from 'node:events';
import { messages } from '../messages.js';
import { stopCode } from './exit-codes.js';
import type { CliIo, StopSignal } from './io.js';

export interface StopWatch {
  /** pass to the engine: aborted when a stop arrives */
  readonly signal: AbortSignal;
  /** the signal that stopped the command; undefined while none has */
  stoppedBy(): StopSignal | undefined;
  /** settles when a stop arrives (race it against the work) */
  readonly stopped: Promise<{ kind: 'interrupted' }>;
  /** stop listening (in a finally) */
  unsubscribe(): void;
}

export function watchForStop(io: CliIo): StopWatch {
  const controller = new AbortController();
  // The engine may listen once per queued shard task; more than Node's default 10 is expected, not a leak.
  setMaxListeners(0, controller.signal);
  let by: StopSignal | undefined;
  let unsubscribe = (): void => undefined;
  const stopped = new Promise<{ kind: 'interrupted' }>((resolve) => {
    unsubscribe = io.onInterrupt((signal) => {
      by = signal;
      controller.abort();
      resolve({ kind: 'interrupted' });
    });
  });
  return { signal: controller.signal, stoppedBy: () => by, stopped, unsubscribe };
}

/** Say that the command was stopped, and its exit code (130 for Ctrl-C, 143 for SIGTERM). */
export function reportStop(io: CliIo, signal: StopSignal): number {
  io.stderr.write(`${messages.interrupted(signal)}\n`);
  return stopCode(signal);
}
