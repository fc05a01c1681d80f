/**
 * The benchmark, stage by stage:
 *
 *   1. start-up: scenario resolution + pool spin-up, several times
 *   2. warm-up: one run on every core, one PRNG-only loop
 *   3. headline: repetitions of (one worker, every core, PRNG-only), interleaved
 *      so that load from other processes falls on all three alike
 *   4. growth: three sizes each of borrowers, paths and steps (peak RSS sampled)
 *   5. figures: medians, ratios, the memory slope, the environment
 *
 * Runs go through the engine's public `simulate` with a fresh pool each, as a
 * real run does; nothing here prints (progress goes to the callback).
 */
import { createPool, defaultWorkers } from '../src/engine/pool.js';
import { simulate } from '../src/engine/run.js';
import type { ShardTask } from '../src/engine/types.js';
import { makeClock } from '../src/model/clock.js';
import { STEP_UNIFORMS } from '../src/model/context.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import type { Scenario } from '../src/scenario/schema.js';
import { gitCommit, machine } from './env.js';
import { type BenchPlan, benchPlan } from './plan.js';
import { prngOnly } from './prng.js';
import { collectGarbage, processPeakRss, sampleRss } from './rss.js';
import { benchScenarioFile } from './scenario-file.js';
import { slope, spread } from './spread.js';
import type { BenchResult, GrowthPoint } from './types.js';

export interface BenchOptions {
  quick?: boolean;
  /** worker count for the "all cores" runs; default one per core */
  workers?: number;
  onProgress?: (message: string) => void;
}

interface TimedRun {
  seconds: number;
  borrowerSteps: number;
  peakRssBytes: number;
}

/** The benchmark scenario with model v2's hidden states off: what it costs is measured beside. */
const MODEL_V1 = ['distress.enabled=false', 'fraud.bustOut.enabled=false', 'fraud.takeover.enabled=false'];

export function borrowerSteps(scenario: Scenario): number {
  return scenario.run.paths * scenario.run.borrowersPerPath * makeClock(scenario).steps;
}

/** One run through the engine, wall time including the pool's spin-up. */
export async function timedRun(scenario: Scenario, workers: number): Promise<TimedRun> {
  collectGarbage();
  const rss = sampleRss();
  const started = performance.now();
  const run = await simulate(scenario, { workers });
  const seconds = (performance.now() - started) / 1000;
  const peakRssBytes = rss.stop();
  if (run.workers !== workers) throw new Error(`asked for ${workers} workers, the engine used ${run.workers}`);
  return { seconds, borrowerSteps: borrowerSteps(scenario), peakRssBytes };
}

/** Resolve the scenario and spin up a pool until every worker has run one one-borrower shard. */
export async function startupSeconds(file: string, overrides: string[], workers: number): Promise<number> {
  const started = performance.now();
  const scenario = await resolveScenario(file, overrides);
  const pool = createPool(workers);
  try {
    const task = (i: number): ShardTask => ({ scenario, index: i, path: 0, firstBorrower: i, borrowers: 1 });
    await Promise.all(Array.from({ length: workers }, (_, i) => pool.run(task(i))));
    return (performance.now() - started) / 1000;
  } finally {
    await pool.destroy();
  }
}

async function growthPoint(file: string, overrides: string[], workers: number, reps: number): Promise<GrowthPoint> {
  const scenario = await resolveScenario(file, overrides);
  const runs: TimedRun[] = [];
  for (let i = 0; i < reps; i++) runs.push(await timedRun(scenario, workers));
  const seconds = spread(runs.map((r) => r.seconds)).median;
  const steps = makeClock(scenario).steps;
  const total = borrowerSteps(scenario);
  return {
    paths: scenario.run.paths,
    borrowersPerPath: scenario.run.borrowersPerPath,
    steps,
    borrowerSteps: total,
    seconds,
    borrowerStepsPerSecond: total / seconds,
    peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)),
  };
}

export async function runBenchmark(options: BenchOptions = {}): Promise<BenchResult> {
  const plan: BenchPlan = benchPlan(options.quick ?? false);
  const say = options.onProgress ?? (() => undefined);
  const file = benchScenarioFile();
  const workers = options.workers ?? defaultWorkers();

  // 1. Start-up.
  say(`start-up: resolving the scenario and spinning up ${workers} workers (${plan.startupRepetitions}×)`);
  const startups: number[] = [];
  for (let i = 0; i < plan.startupRepetitions; i++) startups.push(await startupSeconds(file, plan.headline, workers));

  // 2. Warm-up.
  const scenario = await resolveScenario(file, plan.headline);
  const v1 = await resolveScenario(file, [...plan.headline, ...MODEL_V1]);
  const steps = borrowerSteps(scenario);
  say(`warm-up: ${steps.toLocaleString('en-US')} borrower-steps on ${workers} workers`);
  await timedRun(scenario, workers);
  prngOnly(Math.min(steps, 1_000_000), STEP_UNIFORMS);

  // 3. Headline figures, interleaved.
  const one: number[] = [];
  const oneV1: number[] = [];
  const all: number[] = [];
  const prng: number[] = [];
  for (let i = 0; i < plan.repetitions; i++) {
    say(`repetition ${i + 1}/${plan.repetitions}: 1 worker, 1 worker with model v2 off, ${workers} workers, PRNG only`);
    const r1 = await timedRun(scenario, 1);
    one.push(r1.borrowerSteps / r1.seconds);
    const r1v1 = await timedRun(v1, 1);
    oneV1.push(r1v1.borrowerSteps / r1v1.seconds);
    const rn = await timedRun(scenario, workers);
    all.push(rn.borrowerSteps / rn.seconds);
    const p = prngOnly(steps, STEP_UNIFORMS);
    if (!(p.sum > 0)) throw new Error('the PRNG-only loop drew nothing');
    prng.push(steps / p.seconds);
  }

  // 4. Growth.
  const grow = async (name: string, list: string[][]): Promise<GrowthPoint[]> => {
    const points: GrowthPoint[] = [];
    for (const overrides of list) {
      say(`growth in ${name}: ${overrides.join(' ')}`);
      points.push(await growthPoint(file, overrides, workers, plan.growthRepetitions));
    }
    return points;
  };
  const borrowers = await grow('borrowers', plan.growth.borrowers);
  const paths = await grow('paths', plan.growth.paths);
  const stepsSeries = await grow('steps', plan.growth.steps);

  // 5. Figures.
  const oneWorker = spread(one);
  const v1OneWorker = spread(oneV1);
  const allCores = spread(all);
  const prngOnlyStepsPerSecond = spread(prng);
  const rssSlope = slope(
    borrowers.map((p) => p.borrowersPerPath),
    borrowers.map((p) => p.peakRssBytes),
  );
  const clock = makeClock(scenario);
  return {
    oneWorker: { borrowerStepsPerSecond: oneWorker },
    allCores: { workers, borrowerStepsPerSecond: allCores },
    scaling: allCores.median / oneWorker.median,
    prngOnlyStepsPerSecond,
    efficiency: oneWorker.median / prngOnlyStepsPerSecond.median,
    uniformsPerBorrowerStep: STEP_UNIFORMS,
    memory: { peakRssBytes: processPeakRss(), bytesPer1000Borrowers: rssSlope * 1000 },
    hiddenStates: { v1OneWorker, ratio: oneWorker.median / v1OneWorker.median },
    startupSeconds: spread(startups).median,
    growth: { borrowers, paths, steps: stepsSeries },
    env: {
      ...machine(),
      commit: gitCommit(),
      date: new Date().toISOString(),
      quick: plan.quick,
      repetitions: plan.repetitions,
      scenario: {
        name: scenario.name,
        paths: scenario.run.paths,
        borrowersPerPath: scenario.run.borrowersPerPath,
        shardSize: scenario.run.shardSize,
        steps: clock.steps,
        borrowerSteps: steps,
      },
    },
  };
}
