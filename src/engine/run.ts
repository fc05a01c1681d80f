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
import { pathWeights } from './path-weights.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunOptions, RunScenario } from './api.js';
import type { ShardTask } from './types.js';
import { planShards, type ShardPlan } from './plan.js';
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

/**
 * The fold of simulate(): per path, shards in global index order, each merged
 * into the path's accumulator with mergeInto. Shards must be added in index
 * order; `merge` folds part files through the same code, so a merged run and
 * a single-process run do the same additions in the same order.
 */
export class ShardFold {
  readonly clock: Clock;
  readonly layout: Layout;
  readonly paths: Float64Array[];
  private readonly plan: ShardPlan[];
  private next = 0;

  constructor(scenario: Scenario) {
    this.clock = makeClock(scenario);
    this.layout = makeLayout(scenario.segments.length, this.clock.steps);
    this.plan = planShards(scenario);
    this.paths = Array.from({ length: scenario.run.paths }, () => new Float64Array(this.layout.size));
  }

  /** the index the fold expects next */
  get folded(): number {
    return this.next;
  }

  get total(): number {
    return this.plan.length;
  }

  add(index: number, acc: Float64Array): void {
    if (index !== this.next) throw new Error(`internal: shard ${index} folded out of order (expected ${this.next})`);
    if (acc.length !== this.layout.size) throw new Error(`shard ${index} returned ${acc.length} slots, expected ${this.layout.size}`);
    mergeInto(this.paths[this.plan[index]!.path]!, acc);
    this.next++;
  }

  complete(): boolean {
    return this.next === this.plan.length;
  }
}

/** Simulate every shard of the scenario and fold them into per-path accumulators. */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<RunAccumulators> {
  const started = performance.now();
  const fold = new ShardFold(scenario);
  const results = new Map<number, Float64Array>();
  const foldReady = () => {
    while (results.has(fold.folded)) {
      const i = fold.folded;
      fold.add(i, results.get(i)!);
      results.delete(i);
    }
  };
  const todo: number[] = [];
  const pre: [number, Float64Array][] = [];
  for (let i = 0; i < fold.total; i++) {
    const acc = options.done?.get(i);
    if (acc) pre.push([i, acc]);
    else todo.push(i);
  }
  const workers = await runShards(scenario, todo, options, started, pre, async (index, acc) => {
    results.set(index, acc);
    foldReady();
  });
  if (!fold.complete()) throw new Error(`internal: folded ${fold.folded} of ${fold.total} shards`);
  return { paths: fold.paths, layout: fold.layout, clock: fold.clock, workers, elapsedSeconds: (performance.now() - started) / 1000 };
}

export interface ShardsResult {
  /** the raw accumulators of the shards asked for, in the order asked */
  accumulators: Float64Array[];
  layout: Layout;
  workers: number;
  elapsedSeconds: number;
}

/**
 * Simulate only the given shards (global indices) and return their raw
 * accumulators, unfolded: one part of a scaled-out run. Progress counts only
 * these shards.
 */
export async function simulateShards(scenario: Scenario, indices: readonly number[], options: SimulateOptions = {}): Promise<ShardsResult> {
  const started = performance.now();
  const layout = makeLayout(scenario.segments.length, makeClock(scenario).steps);
  const total = planShards(scenario).length;
  for (const i of indices) if (!Number.isInteger(i) || i < 0 || i >= total) throw new Error(`internal: shard ${i} is not in the plan (0–${total - 1})`);
  const byIndex = new Map<number, Float64Array>();
  const workers = await runShards(scenario, indices, options, started, [], async (index, acc) => {
    byIndex.set(index, acc);
  });
  return { accumulators: indices.map((i) => byIndex.get(i)!), layout, workers, elapsedSeconds: (performance.now() - started) / 1000 };
}

/**
 * Run `todo` shards (in a pool, or on this thread), after handing over the
 * `pre`-computed ones; `finished` sees every shard, fresh ones after onShard.
 * Returns the worker count used.
 */
async function runShards(
  scenario: Scenario,
  todo: readonly number[],
  options: SimulateOptions,
  started: number,
  pre: readonly [number, Float64Array][],
  finished: (index: number, acc: Float64Array) => Promise<void>,
): Promise<number> {
  const clock = makeClock(scenario);
  const plan = planShards(scenario);
  const shardsTotal = pre.length + todo.length;
  let shardsDone = 0;
  let borrowerStepsDone = 0;
  const one = async (index: number, acc: Float64Array, fresh: boolean) => {
    if (fresh && options.onShard) await options.onShard(index, acc);
    await finished(index, acc);
    shardsDone++;
    borrowerStepsDone += plan[index]!.borrowers * clock.steps;
    options.onProgress?.({
      shardsDone,
      shardsTotal,
      borrowerStepsDone,
      elapsedSeconds: (performance.now() - started) / 1000,
    });
  };
  for (const [i, acc] of pre) await one(i, acc, false);
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
      await one(i, acc, true);
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
          await one(i, acc, true);
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  return workers;
}

/** Run a scenario end to end and summarise it (the engine's public entry). */
export const runScenario: RunScenario & ((s: Scenario, o?: SimulateOptions) => Promise<Summary>) = async (scenario, options = {}) => {
  const r = await simulate(scenario, options);
  const manifest = makeManifest(scenario, r.clock, executionInfo(r.elapsedSeconds, r.workers));
  return buildSummary(scenario, r.paths, r.layout, r.clock, manifest, pathWeights(scenario, r.clock, r.paths.length));
};
