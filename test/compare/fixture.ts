/**
 * A comparison and a sweep built from the report's fixture summary (no engine):
 * alternatives are the fixture with each path's figures moved by a fixed policy
 * effect and a little path noise, so changes are small next to the spread
 * across paths, as with common random numbers.
 */
import { compareRuns } from '../../src/compare/compare.js';
import { gridPoints, parseGridOption } from '../../src/compare/grid.js';
import { type ReferenceChoice, buildSweep } from '../../src/compare/sweep.js';
import type { Comparison, GridAxis, Sweep } from '../../src/compare/types.js';
import { summarise, tailStat } from '../../src/results/stat.js';
import type { Summary } from '../../src/results/types.js';
import { FIGURE_NAMES } from '../../src/results/registry.js';
import { type FixtureOptions, makeSummaryFixture } from '../fixtures/summary-fixture.js';

/** Model v2's headline figures the compare and sweep reports pick up when present (names fixed by MODEL.md v2). */
export const V2_FIGURES = ['creditLossRate', 'fraudLossRate', 'goodCustomerFreezesPer1000AccountMonths'] as const;

/** Adds per-path v2 figures to a fixture summary: loss split 85/15 into credit and fraud, good-customer freezes 60% of freezes. */
export function withV2Figures(s: Summary): Summary {
  const loss = s.perPath['lossRate']!;
  const freezes = s.perPath['freezeEventsPer1000AccountMonths']!;
  s.perPath['creditLossRate'] = loss.map((v) => (v === null ? null : 0.85 * v));
  s.perPath['fraudLossRate'] = loss.map((v) => (v === null ? null : 0.15 * v));
  s.perPath['goodCustomerFreezesPer1000AccountMonths'] = freezes.map((v) => (v === null ? null : 0.6 * v));
  for (const f of V2_FIGURES) s.headline[f] = summarise(s.perPath[f]!);
  return s;
}

/** The report fixture carries model v2's figures; a v1 comparison drops every one of them. */
export function withoutV2Figures(s: Summary): Summary {
  const v1 = new Set(Object.keys(s.headline).filter((k) => !MODEL_V2_HEADLINE.includes(k)));
  for (const k of Object.keys(s.headline)) if (!v1.has(k)) delete s.headline[k];
  for (const k of Object.keys(s.perPath)) if (!v1.has(k)) delete s.perPath[k];
  return s;
}

const MODEL_V2_HEADLINE = FIGURE_NAMES.slice(FIGURE_NAMES.indexOf('creditLossRate')) as string[];

function fixtureSummary(options: CompareFixtureOptions): Summary {
  const s = makeSummaryFixture(options);
  return options.v2 ? withV2Figures(s) : withoutV2Figures(s);
}

export interface CompareFixtureOptions extends FixtureOptions {
  /** give every summary model v2's figures */
  v2?: boolean;
}

/** The fixture with every per-path figure scaled by (1 + effect) plus deterministic path noise; headline recomputed. */
export function shiftedSummary(effect: number, name: string, options: CompareFixtureOptions = {}): Summary {
  const s = fixtureSummary(options);
  s.manifest.scenario = { ...s.manifest.scenario, name };
  for (const [figure, values] of Object.entries(s.perPath)) {
    s.perPath[figure] = values.map((v, p) => (v === null ? null : v * (1 + effect + 0.01 * Math.sin(p * 7.3 + figure.length))));
    s.headline[figure] = summarise(s.perPath[figure]);
  }
  for (const base of ['lossRate', 'lossAmount']) {
    for (const [k, a] of [['95', 0.95], ['99', 0.99], ['999', 0.999]] as const) {
      s.headline[`${base}VaR${k}`] = tailStat(s.perPath[base]!, a, 'var');
      s.headline[`${base}ES${k}`] = tailStat(s.perPath[base]!, a, 'es');
    }
  }
  s.timeSeries.cumulativeDefaultRate.mean = s.timeSeries.cumulativeDefaultRate.mean.map((v) => (v === null ? null : v * (1 + effect)));
  return s;
}

export function comparisonFixture(options: CompareFixtureOptions = {}, altNames = ['stricter-velocity', 'no-verification-hold'], materiality?: number): Comparison {
  const base = fixtureSummary(options);
  return compareRuns(
    { label: base.manifest.scenario.name, file: 'scenarios/baseline.yaml', summary: base },
    altNames.map((n, i) => ({ label: n, file: `scenarios/policies/${n}.yaml`, summary: shiftedSummary(0.04 * (i + 1) * (i % 2 ? -1 : 1), n, options) })),
    materiality,
  );
}

export interface SweepFixtureOptions extends CompareFixtureOptions {
  /**
   * `scenario` (default): the scenario as given, maxDraws=4, is run on its own
   * (so keep 4 off the grid) with an effect of 0.045; `point`: the grid point
   * of this index is the reference, as with --reference
   */
  reference?: 'scenario' | number;
}

/** A one-axis sweep over maxDraws; grid point i has an effect of 0.03 × i. */
export function sweepFixture(values = [2, 3, 6], options: SweepFixtureOptions = {}): Sweep {
  const axis = parseGridOption(`freeze.riskModel.velocity.maxDraws=${values.join(',')}`) as GridAxis;
  const points = gridPoints([axis]);
  const summaries = points.map((_, i) => shiftedSummary(0.03 * i, 'baseline', options));
  const ref = options.reference ?? 'scenario';
  const reference: ReferenceChoice =
    ref === 'scenario'
      ? { source: 'scenario', values: { [axis.path]: 4 }, summary: shiftedSummary(0.045, 'baseline', options) }
      : { source: 'point', values: points[ref]!.overrides, point: ref };
  return buildSweep('scenarios/baseline.yaml', [axis], points, summaries, { reference });
}
