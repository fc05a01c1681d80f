/**
 * The shape of reports/bench/bench.json. Scripts read it: add fields freely,
 * but rename or remove one only with a note in docs/performance.md.
 */

/** A figure measured several times: the median, with the smallest and largest beside it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** One size of a growth series (one of paths, borrowers per path or steps varied, the others fixed). */
export interface GrowthPoint {
  paths: number;
  borrowersPerPath: number;
  steps: number;
  borrowerSteps: number;
  /** median wall time of the run, pool spin-up included */
  seconds: number;
  borrowerStepsPerSecond: number;
  /** highest resident set size sampled while the run was going */
  peakRssBytes: number;
}

export interface BenchEnv {
  node: string;
  cpuModel: string;
  cores: number;
  /** `git rev-parse HEAD`, or 'unknown' outside a checkout */
  commit: string;
  platform: string;
  /** 1, 5 and 15-minute load averages at the end: above `cores`, other work shared the CPUs */
  loadAverage: number[];
  date: string;
  quick: boolean;
  /** timed repetitions per headline figure, after one warm-up */
  repetitions: number;
  scenario: { name: string; paths: number; borrowersPerPath: number; shardSize: number; steps: number; borrowerSteps: number };
}

export interface BenchResult {
  oneWorker: { borrowerStepsPerSecond: Spread };
  allCores: { workers: number; borrowerStepsPerSecond: Spread };
  /** allCores / oneWorker, medians */
  scaling: number;
  /** a bare loop drawing uniformsPerBorrowerStep uniforms from seedrandom.alea per borrower-step */
  prngOnlyStepsPerSecond: Spread;
  /** oneWorker / prngOnlyStepsPerSecond, medians */
  efficiency: number;
  uniformsPerBorrowerStep: number;
  memory: {
    /** the process's peak resident set (main thread and workers) over the whole benchmark */
    peakRssBytes: number;
    /** growth of a run's peak RSS per 1000 more borrowers per path (least-squares slope over growth.borrowers) */
    bytesPer1000Borrowers: number;
  };
  /**
   * Model v2's cost: the same scenario on 1 worker with distress and fraud off
   * (model v1), measured in the same repetitions; `ratio` is the v2 median over
   * the v1 median (target ≥ 0.85).
   */
  hiddenStates: { v1OneWorker: Spread; ratio: number };
  /** median of scenario resolution plus pool spin-up (every worker has loaded the engine) */
  startupSeconds: number;
  growth: { borrowers: GrowthPoint[]; paths: GrowthPoint[]; steps: GrowthPoint[] };
  env: BenchEnv;
}
