/**
 * The pipeline of one run, stage by stage:
 *
 *   resolved scenario → plan shards → simulate shards in workers
 *     → fold accumulators per path in shard order → summarise → summary.json
 *
 * Scenario resolution and validation happen before (src/scenario); writing the
 * files and the report after (src/cli). The fold order depends only on the plan,
 * so the result is byte-identical for any worker count.
 */
import type { Scenario } from '../scenario/schema.js';
import type { RunOptions, RunScenario } from './api.js';
import type { ShardTask } from './types.js';
import { planShards } from './plan.js';
import { createPool, defaultWorkers } from './pool.js';
import { simulateShard } from './shard.js';
import { makeClock, type Clock } from '../model/clock.js';
import { makeLayout, mergeInto, type Layout } from '../results/layout.js';
import { buildSummary } from '../results/summary.js';
import { executionInfo, makeManifest } from './manifest.js';
import type { Summary } from '../results/types.js';

export interface SimulateOptions extends RunOptions {
  /** run shards on this thread instead of a pool (tests, tiny runs) */
  inProcess?: boolean;
  /** shard accumulators already computed (a resumed run), by global shard index */
  done?: ReadonlyMap<number, Float64Array>;
  /** called with each newly computed shard, in completion order (persist it for resume) */
  onShard?: (index: number, acc: Float64Array) => void | Promise<void>;
}

export interface RunAccumulators {
  /** one merged accumulator per path, in path order */
  paths: Float64Array[];
  layout: Layout;
  clock: Clock;
  workers: number;
  elapsedSeconds: number;
}

export class ShardError extends Error {
  constructor(
    readonly task: Omit<ShardTask, 'scenario'>,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      `shard ${task.index} (path ${task.path}, borrowers ${task.firstBorrower}–${task.firstBorrower + task.borrowers - 1}) failed: ${why}`,
    );
    this.name = 'ShardError';
  }
}

export function abortError(): Error {
  const e = new Error('the run was interrupted');
  e.name = 'AbortError';
  return e;
}

/** Simulate every shard of the scenario and fold them into per-path accumulators. */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<RunAccumulators> {
  const started = performance.now();
  const clock = makeClock(scenario);
  const layout = makeLayout(scenario.segments.length, clock.steps);
  const plan = planShards(scenario);
  const paths = Array.from({ length: scenario.run.paths }, () => new Float64Array(layout.size));
  const results = new Map<number, Float64Array>();
  let nextToFold = 0;
  let shardsDone = 0;
  let borrowerStepsDone = 0;
  const fold = () => {
    while (results.has(nextToFold)) {
      const acc = results.get(nextToFold)!;
      results.delete(nextToFold);
      if (acc.length !== layout.size) throw new Error(`shard ${nextToFold} returned ${acc.length} slots, expected ${layout.size}`);
      mergeInto(paths[plan[nextToFold]!.path]!, acc);
      nextToFold++;
    }
  };
  const finished = async (index: number, acc: Float64Array, fresh: boolean) => {
    if (fresh && options.onShard) await options.onShard(index, acc);
    results.set(index, acc);
    fold();
    shardsDone++;
    borrowerStepsDone += plan[index]!.borrowers * clock.steps;
    options.onProgress?.({
      shardsDone,
      shardsTotal: plan.length,
      borrowerStepsDone,
      elapsedSeconds: (performance.now() - started) / 1000,
    });
  };

  const todo: number[] = [];
  for (let i = 0; i < plan.length; i++) {
    const pre = options.done?.get(i);
    if (pre) await finished(i, pre, false);
    else todo.push(i);
  }
  const workers = options.inProcess ? 0 : Math.min(options.workers ?? defaultWorkers(), Math.max(1, todo.length));
  const signal = options.signal;
  if (signal?.aborted) throw abortError();

  if (options.inProcess) {
    for (const i of todo) {
      if (signal?.aborted) throw abortError();
      const p = plan[i]!;
      let acc: Float64Array;
      try {
        acc = simulateShard(scenario, p.path, p.firstBorrower, p.borrowers);
      } catch (e) {
        throw new ShardError({ index: i, ...p }, e);
      }
      await finished(i, acc, true);
    }
  } else if (todo.length > 0) {
    const pool = createPool(workers);
    try {
      await Promise.all(
        todo.map(async (i) => {
          const p = plan[i]!;
          const task: ShardTask = { scenario, index: i, ...p };
          let acc: Float64Array;
          try {
            acc = (await pool.run(task, { signal })) as Float64Array;
          } catch (e) {
            if (signal?.aborted) throw abortError();
            throw new ShardError({ index: i, ...p }, e);
          }
          await finished(i, acc, true);
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  if (nextToFold !== plan.length) throw new Error(`internal: folded ${nextToFold} of ${plan.length} shards`);
  return { paths, layout, clock, workers, elapsedSeconds: (performance.now() - started) / 1000 };
}

/** Run a scenario end to end and summarise it (the engine's public entry). */
export const runScenario: RunScenario & ((s: Scenario, o?: SimulateOptions) => Promise<Summary>) = async (scenario, options = {}) => {
  const r = await simulate(scenario, options);
  const manifest = makeManifest(scenario, r.clock, executionInfo(r.elapsedSeconds, r.workers));
  return buildSummary(scenario, r.paths, r.layout, r.clock, manifest);
};
