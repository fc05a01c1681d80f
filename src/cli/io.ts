/**
 * What a command may touch of the outside world. The real process in
 * production; tests pass their own (captured output, a fake engine, a fake
 * Ctrl-C) and run commands in-process.
 */
import type { RunScenario } from '../engine/api.js';
import type { SimulateOptions } from '../engine/run.js';
import type { Summary } from '../results/types.js';
import type { Scenario } from '../scenario/schema.js';

/**
 * The engine as every command loads it (through `CliIo.loadEngine`, the one
 * way): a RunScenario that also takes the engine's resume options, which
 * `stress` uses. A fake RunScenario fits, ignoring them.
 */
export type CliEngine = RunScenario & ((scenario: Scenario, options?: SimulateOptions) => Promise<Summary>);

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** base of relative paths in arguments */
  cwd: string;
  /** loaded on demand, so that `validate` and `schema` start fast */
  loadEngine: () => Promise<CliEngine>;
  /**
   * subscribe to Ctrl-C (SIGINT) and SIGTERM (what Slurm preemption and
   * Kubernetes eviction send); returns the unsubscribe
   */
  onInterrupt: (handler: (signal: StopSignal) => void) => () => void;
  /** the process environment (the scheduler's task index for `--part auto`); default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** milliseconds, for throttling progress lines */
  now: () => number;
}

// A variable, not a literal: the engine is written alongside the CLI and loaded lazily.
const ENGINE_MODULE = '../engine/run.js';

export async function loadEngine(): Promise<CliEngine> {
  const mod = (await import(ENGINE_MODULE)) as { runScenario?: CliEngine };
  if (typeof mod.runScenario !== 'function') throw new Error(`${ENGINE_MODULE} does not export runScenario`);
  return mod.runScenario;
}

/** The engine's runner of a block of shards, which the part commands use instead of a whole run (docs/scale-out.md). */
export type ShardSimulator = (typeof import('../engine/run.js'))['simulateShards'];

/** The shard runner, loaded the same one way as the engine. */
export async function loadShardSimulator(): Promise<ShardSimulator> {
  const mod = (await import(ENGINE_MODULE)) as { simulateShards?: ShardSimulator };
  if (typeof mod.simulateShards !== 'function') throw new Error(`${ENGINE_MODULE} does not export simulateShards`);
  return mod.simulateShards;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    loadEngine,
    onInterrupt: (handler) => {
      const onInt = (): void => handler('SIGINT');
      const onTerm = (): void => handler('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      return () => {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      };
    },
    env: process.env,
    now: () => Date.now(),
  };
}
