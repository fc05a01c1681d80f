/**
 * The shapes of `comparison.json` (limitlab compare) and `sweep.json`
 * (limitlab sweep). Scripts and the reports read them; both carry
 * `schemaVersion` and change only with a CHANGELOG entry.
 */
import type { Manifest, Stat, TimeSeries } from '../results/types.js';

/**
 * The change of one headline figure from the base to an alternative,
 * `alternative − base`, for a figure with a value per path.
 *
 * With common random numbers the difference is taken path by path (`paired`):
 * its standard error is sd(Bᵢ − Aᵢ)/√n. When the runs cannot be paired
 * (different path counts) it is the difference of two independent means
 * (`unpaired`): se = √(var A/n_A + var B/n_B).
 */
export interface PathFigureDelta {
  tail?: false;
  /** the figure's mean in the base and in the alternative (over all paths that gave a value) */
  base: number | null;
  alternative: number | null;
  method: 'paired' | 'unpaired';
  /** mean difference alternative − base, its standard error and 95% interval (± 1.96 se) */
  difference: number | null;
  se: number | null;
  ci95: [number, number] | null;
  /** pairs used (paired) or the smaller of the two path counts (unpaired) */
  n: number;
  /** true when the 95% interval excludes zero; null when there is no interval */
  distinguishable: boolean | null;
  /**
   * (var A + var B) / var(A − B) across the paired paths: how many times more
   * paths two independent runs would need for the same precision. Null with
   * `varianceReductionReason` when it cannot be computed (var(A − B) = 0, fewer
   * than two pairs, runs not paired).
   */
  varianceReduction: number | null;
  varianceReductionReason?: string;
  /** why difference, se or interval are null */
  reason?: string;
  /** difference / |base|: the change as a fraction of the base value; null when the base is zero or missing */
  relative: number | null;
  /** the smallest material change, materiality × |base| (in the figure's unit); null without a base */
  materialityThreshold: number | null;
  /** material, immaterial (distinguishable but below the threshold), not distinguishable, or no interval */
  verdict: Verdict;
}

/**
 * What a change amounts to: `material` when its 95% interval excludes zero and
 * its size is at least the materiality threshold; `immaterial` when the interval
 * excludes zero but the change is smaller; `not distinguishable` when the
 * interval includes zero; `no interval` when none could be computed.
 */
export type Verdict = 'material' | 'immaterial' | 'not distinguishable' | 'no interval';

/**
 * A tail figure (VaR, ES): a statistic of the distribution across paths, with no
 * per-path value to pair, so both values and their difference, no interval.
 */
export interface TailFigureDelta {
  tail: true;
  base: number | null;
  alternative: number | null;
  difference: number | null;
  /** difference / |base|; null when the base is zero or missing */
  relative: number | null;
  reason: string;
}

export type FigureDelta = PathFigureDelta | TailFigureDelta;

export function isTailDelta(d: FigureDelta): d is TailFigureDelta {
  return d.tail === true;
}

/** Where two scenarios' population parameters differ (docs/model.md, "Randomness and the engine's guarantees"). */
export interface PopulationCheck {
  /** true when every population parameter matches, so the runs share their luck */
  same: boolean;
  /** the differing fields, as field paths (`run.paths`, `segments[0].correlation`) */
  differingFields: string[];
}

/** One simulated scenario as a comparison or sweep records it. */
export interface RunRecord {
  /** short unique name used in tables, charts and legends */
  label: string;
  /**
   * the scenario file as given, or the summary.json compared (relative to the
   * working directory when inside it)
   */
  file: string;
  /**
   * this run's summary.json as kept beside comparison.json or sweep.json,
   * relative to that file (`runs/<label>/summary.json`); absent in files
   * written before summaries were kept
   */
  summaryFile?: string;
  manifest: Manifest;
  headline: Record<string, Stat>;
  timeSeries: TimeSeries;
}

export interface AlternativeComparison {
  /** label of the alternative (a RunRecord's label) */
  label: string;
  population: PopulationCheck;
  /** every headline figure, alternative − base */
  figures: Record<string, FigureDelta>;
}

export interface Comparison {
  schemaVersion: 1;
  kind: 'comparison';
  /** label of the base run */
  base: string;
  /**
   * the materiality threshold as a fraction of the base value (0.01: a change
   * smaller than 1% of the base is immaterial even when distinguishable)
   */
  materiality: number;
  /** true when some alternative's population differs and the user allowed it */
  differentPopulation: boolean;
  /** what the reader must know about the differences (extra noise, unpaired runs) */
  notes: string[];
  alternatives: AlternativeComparison[];
  /** the base first, then the alternatives in the order given */
  runs: RunRecord[];
}

/** One `--grid path=v1,v2,...` axis: the field and its values as YAML read them. */
export interface GridAxis {
  path: string;
  /** the values as written */
  texts: string[];
  /** the values as YAML reads them (what the scenario receives) */
  values: unknown[];
}

/** One grid point: one value per axis, in axis order. */
export interface GridPoint {
  index: number;
  /** path → value as YAML reads it */
  overrides: Record<string, unknown>;
  /** path → value as written */
  texts: Record<string, string>;
}

export interface SweepRow {
  /** the grid point's index (0-based, first axis varying slowest) */
  point: number;
  label: string;
  overrides: Record<string, unknown>;
  scenarioHash: string;
  /** every headline figure: mean, se, 95% interval (and percentiles across paths) */
  figures: Record<string, Stat>;
  /** every headline figure, this point − the reference, paired across paths */
  differenceFromReference: Record<string, FigureDelta>;
}

/** What a sweep's changes are measured from. */
export interface SweepReference {
  /**
   * `scenario`: the scenario as given, without grid overrides (the default);
   * `point`: a grid point named with `--reference`; `run`: the first of the
   * finished runs given to `sweep --from` (its default)
   */
  source: 'scenario' | 'point' | 'run';
  label: string;
  /** the grid point it is (also for `scenario` when the scenario as given is a grid point); null otherwise */
  point: number | null;
  /** its run in `runs` */
  run: number;
  scenarioHash: string;
  /** the reference's value of each grid field, path → value (fields the scenario leaves unset are left out) */
  values: Record<string, unknown>;
}

export interface Sweep {
  schemaVersion: 2;
  kind: 'sweep';
  /** the scenario file swept */
  file: string;
  grid: { path: string; values: unknown[] }[];
  /** what every change is measured from */
  reference: SweepReference;
  /** as in a comparison: a fraction of the reference's value */
  materiality: number;
  differentPopulation: boolean;
  notes: string[];
  rows: SweepRow[];
  /**
   * one per grid point, in row order, then the reference run when it is not a
   * grid point: manifests and time series for the report
   */
  runs: RunRecord[];
}
