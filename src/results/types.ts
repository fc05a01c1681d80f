/**
 * The shape of `summary.json`, the result of one run. Scripts, the report,
 * `compare` and `stress` read it; change it only with a CHANGELOG entry.
 */
import type { Scenario } from '../scenario/schema.js';

/** Freeze causes, most severe first (the order used to attribute an event). */
export const FREEZE_CAUSES = ['delinquency', 'fraud', 'scoreFloor', 'identity', 'riskModel', 'maintenance'] as const;
export type FreezeCause = (typeof FREEZE_CAUSES)[number];

/** Causes of a restriction in the 30 days before a limit-increase request. */
export const RESTRICTION_CAUSES = ['hold', ...FREEZE_CAUSES] as const;
export type RestrictionCause = (typeof RESTRICTION_CAUSES)[number];

export const REQUEST_OUTCOMES = ['approved', 'declined', 'escalated', 'identityFailed'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/**
 * A figure across paths. Path figures carry the mean, its standard error
 * (sd across paths / sqrt(n)), the 95% interval of the mean and percentiles
 * across paths. Tail figures (VaR, ES) are statistics of the distribution across
 * paths: `mean` holds the value, `tail` is true, and se/ci95/percentiles are null.
 * A value that cannot be computed is null and `reason` says why; never NaN.
 */
export interface Stat {
  mean: number | null;
  se: number | null;
  ci95: [number, number] | null;
  p05: number | null;
  p50: number | null;
  p95: number | null;
  /** paths that gave a value (a ratio over zero in a path gives none) */
  n: number;
  tail?: true;
  /** tail figures: paths at or beyond the VaR of the level */
  beyond?: number;
  /** tail figures: fewer than 10 paths at or beyond the VaR; the value is noise */
  unreliable?: true;
  /** path figures over fewer than 30 paths: the interval uses Student-t and is rough */
  rough?: true;
  reason?: string;
}

/** How the figures were estimated (docs/tail-risk.md). */
export interface Estimation {
  /** 'plain' Monte Carlo, or 'importance sampling' of the economy */
  method: 'plain' | 'importance sampling';
  /** mean of every Z_t under the sampling law (0 for plain Monte Carlo) */
  shift: number;
  /** Kish's effective sample size (Σw)²/Σw²; the path count for plain Monte Carlo */
  effectiveSampleSize: number;
  /** mean of the paths' weights: 1 in expectation; far from 1, the weights are too spread to trust means */
  meanWeight: number;
  /** how each kind of interval was found, in words */
  intervals: { mean: string; var: string; es: string };
}

/** A per-step series across paths: mean and 5–95% band, one entry per step. */
export interface Band {
  mean: (number | null)[];
  p05: (number | null)[];
  p95: (number | null)[];
}

export interface TimeSeries {
  /** day at the end of each step */
  day: number[];
  open: Band;
  frozen: Record<FreezeCause, Band>;
  frozenTotal: Band;
  newFreezeEvents: Record<FreezeCause, Band>;
  newHolds: Band;
  newDefaults: Band;
  cumulativeDefaultRate: Band;
  exposure: Band;
  meanLimit: Band;
  utilisation: Band;
  /** v2: distressed open accounts at each step's end, bust-out onsets and takeovers in each step */
  distressed: Band;
  bustOutOnsets: Band;
  takeovers: Band;
}

export interface Manifest {
  tool: 'limitlab';
  version: string;
  node: string;
  packages: Record<string, string>;
  scenario: Scenario;
  scenarioHash: string;
  seed: number;
  paths: number;
  borrowersPerPath: number;
  shardSize: number;
  shards: number;
  steps: number;
  stepDays: number;
  horizonDays: number;
  uniformsPerBorrowerStep: number;
  /** only what may differ between identical runs */
  execution: {
    elapsedSeconds: number;
    workers: number;
    date: string;
    host: string;
    /** a run merged from parts (`limitlab merge`): how many, and the hosts they ran on where known */
    parts?: { count: number; hosts: string[]; partSeconds: number };
  };
}

export interface Summary {
  schemaVersion: 1;
  manifest: Manifest;
  /** every headline figure; tail figures are named like lossRateVaR99 */
  headline: Record<string, Stat>;
  /** per-path values in path order (null where a path gives no value) */
  perPath: Record<string, (number | null)[]>;
  byCause: {
    freezeEventsPer1000AccountMonths: Record<FreezeCause, Stat>;
    meanFreezeDays: Record<FreezeCause, Stat>;
    endedShare: Record<FreezeCause, Stat>;
    /** v2: freeze events on good and on bad accounts, and the share on bad ones (precision) */
    goodFreezeEventsPer1000AccountMonths: Record<FreezeCause, Stat>;
    badFreezeEventsPer1000AccountMonths: Record<FreezeCause, Stat>;
    freezePrecision: Record<FreezeCause, Stat>;
  };
  /** share of borrowers with 0, 1, 2, 3 and 4+ freeze events */
  freezeEventsPerBorrower: { bucket: string; share: Stat }[];
  requests: {
    perAccountYear: Stat;
    count: Stat;
    outcomes: Record<RequestOutcome, { count: Stat; share: Stat }>;
    preIncreaseRestriction: Stat;
    preIncreaseRestrictionByCause: Record<RestrictionCause, Stat>;
  };
  reviews: { raisesPerAccount: Stat; cutsPerAccount: Stat };
  segments: { name: string; borrowers: number; headline: Record<string, Stat> }[];
  timeSeries: TimeSeries;
  /** histogram of the per-path loss rate (for the loss-distribution chart) */
  lossDistribution: { binStart: number[]; binEnd: number[]; count: number[]; probability?: number[] };
  conservation: { maxRelativeError: number };
  /** how the figures were estimated; absent in summaries written before it existed */
  estimation?: Estimation;
}
