/**
 * From per-path accumulators to summary.json: per-path figures, their spread
 * across paths (mean, se, 95% interval, percentiles), tail figures (VaR, ES),
 * time series bands, per-segment figures.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Clock } from '../model/clock.js';
import type { Layout } from './layout.js';
import { S, segmentScopeBase } from './layout.js';
import { histogram, summarise as summariseValues, tailStats } from './stat.js';
import { estimation, weightedHistogram } from './estimation.js';
import { type Value, SERIES, conservationError, pathDetails, pathFigures, pathSeries, segmentFigures } from './figures.js';
import { PATH_FIGURES, SEGMENT_FIGURES, TAIL_FIGURES } from './registry.js';
import {
  type Band, FREEZE_CAUSES, type FreezeCause, type Manifest, REQUEST_OUTCOMES, RESTRICTION_CAUSES, type Stat, type Summary,
} from './types.js';

const NO_VALUE = 'no path gave a value (a ratio over zero in every path)';

export function buildSummary(
  scenario: Scenario,
  paths: readonly Float64Array[],
  layout: Layout,
  clock: Clock,
  manifest: Manifest,
  /** importance sampling: each path's likelihood ratio (engine/path-weights.ts); absent, every weight is 1 */
  weights?: number[],
): Summary {
  // Importance sampling: every figure is a weighted estimator (docs/tail-risk.md).
  const summarise = (values: ReadonlyArray<Value>, reason: string): Stat => summariseValues(values, reason, weights);
  const figures = paths.map((acc) => pathFigures(acc, layout, clock));
  const details = paths.map((acc) => pathDetails(acc));
  const column = <K extends string>(rows: Record<K, Value>[], key: K): Value[] => rows.map((r) => r[key]);

  const perPath: Record<string, Value[]> = {};
  const headline: Record<string, Stat> = {};
  for (const name of PATH_FIGURES) {
    perPath[name] = column(figures, name);
    headline[name] = summarise(perPath[name], NO_VALUE);
  }
  for (const { name, def } of TAIL_FIGURES) {
    const tail = tailStats(perPath[def.of]!, def.alpha, weights);
    headline[name] = def.statistic === 'var' ? tail.var : tail.es;
  }
  const byCause = <T>(f: (c: FreezeCause) => T) =>
    Object.fromEntries(FREEZE_CAUSES.map((c) => [c, f(c)])) as Record<FreezeCause, T>;
  // Detail keys are built from the cause and outcome lists pathDetails also iterates.
  const detail = (key: string): Stat => summarise(details.map((r) => r[key] ?? null), NO_VALUE);

  const series = paths.map((acc) => pathSeries(acc, layout));
  const band = (key: string): Band => {
    const b: Band = { mean: [], p05: [], p95: [] };
    for (let t = 0; t < clock.steps; t++) {
      const s = summarise(series.map((p) => p[key]![t] ?? null), NO_VALUE);
      b.mean.push(s.mean);
      b.p05.push(s.p05);
      b.p95.push(s.p95);
    }
    return b;
  };
  const simple = Object.fromEntries(SERIES.map((k) => [k, band(k)])) as Record<(typeof SERIES)[number], Band>;

  const lossRates = perPath.lossRate!.filter((v): v is number => v !== null);
  if (weights) perPath.weight = weights;
  return {
    schemaVersion: 1,
    manifest,
    headline,
    perPath,
    byCause: {
      freezeEventsPer1000AccountMonths: byCause((c) => detail(`freezeEventsPer1000AccountMonths.${c}`)),
      meanFreezeDays: byCause((c) => detail(`meanFreezeDays.${c}`)),
      endedShare: byCause((c) => detail(`endedShare.${c}`)),
      goodFreezeEventsPer1000AccountMonths: byCause((c) => detail(`goodFreezeEventsPer1000AccountMonths.${c}`)),
      badFreezeEventsPer1000AccountMonths: byCause((c) => detail(`badFreezeEventsPer1000AccountMonths.${c}`)),
      freezePrecision: byCause((c) => detail(`freezePrecision.${c}`)),
    },
    freezeEventsPerBorrower: ['0', '1', '2', '3', '4+'].map((bucket, k) => ({ bucket, share: detail(`eventsPerBorrower.${k}`) })),
    requests: {
      perAccountYear: headline.requestsPerAccountYear!,
      count: detail('requests.count'),
      outcomes: Object.fromEntries(
        REQUEST_OUTCOMES.map((o) => [o, { count: detail(`requests.${o}`), share: headline[`${o}Share`]! }]),
      ) as Summary['requests']['outcomes'],
      preIncreaseRestriction: headline.preIncreaseRestriction!,
      preIncreaseRestrictionByCause: Object.fromEntries(
        RESTRICTION_CAUSES.map((c) => [c, detail(`preIncreaseRestriction.${c}`)]),
      ) as Summary['requests']['preIncreaseRestrictionByCause'],
    },
    reviews: { raisesPerAccount: detail('raisesPerAccount'), cutsPerAccount: detail('cutsPerAccount') },
    segments: scenario.segments.map((seg, i) => {
      const rows = paths.map((acc) => segmentFigures(acc, layout, clock, i));
      return {
        name: seg.name,
        borrowers: paths.length > 0 ? paths[0]![segmentScopeBase(layout, i) + S.borrowers]! : 0,
        headline: Object.fromEntries(SEGMENT_FIGURES.map((k) => [k, summarise(column(rows, k), NO_VALUE)])),
      };
    }),
    timeSeries: {
      day: Array.from({ length: clock.steps }, (_, t) => (t + 1) * clock.stepDays),
      open: simple.open,
      frozen: byCause((c) => band(`frozen.${c}`)),
      frozenTotal: simple.frozenTotal,
      newFreezeEvents: byCause((c) => band(`newFreezeEvents.${c}`)),
      newHolds: simple.newHolds,
      newDefaults: simple.newDefaults,
      cumulativeDefaultRate: simple.cumulativeDefaultRate,
      exposure: simple.exposure,
      meanLimit: simple.meanLimit,
      utilisation: simple.utilisation,
      distressed: simple.distressed,
      bustOutOnsets: simple.bustOutOnsets,
      takeovers: simple.takeovers,
    },
    lossDistribution: weights ? weightedHistogram(perPath.lossRate!, weights, 30) : histogram(lossRates, 30),
    conservation: { maxRelativeError: Math.max(0, ...paths.map(conservationError)) },
    estimation: estimation(scenario, clock, paths.length, weights),
  };
}

/** Borrowers at the start in a path's accumulator (for checks). */
export function borrowersIn(acc: Float64Array): number {
  return acc[S.borrowers]!;
}
