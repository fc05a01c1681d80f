/**
 * A comparison and a sweep built from the report's fixture summary (no engine):
 * alternatives are the fixture with each path's figures moved by a fixed policy
 * effect and a little path noise, so changes are small next to the spread
 * across paths, as with common random numbers.
 */
import { compareRuns } from '../../src/compare/compare.js';
import { gridPoints, parseGridOption } from '../../src/compare/grid.js';
import { buildSweep } from '../../src/compare/sweep.js';
import type { Comparison, GridAxis, Sweep } from '../../src/compare/types.js';
import { summarise, tailStat } from '../../src/results/stat.js';
import type { Summary } from '../../src/results/types.js';
import { type FixtureOptions, makeSummaryFixture } from '../fixtures/summary-fixture.js';

/** The fixture with every per-path figure scaled by (1 + effect) plus deterministic path noise; headline recomputed. */
export function shiftedSummary(effect: number, name: string, options: FixtureOptions = {}): Summary {
  const s = makeSummaryFixture(options);
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

export function comparisonFixture(options: FixtureOptions = {}, altNames = ['stricter-velocity', 'no-verification-hold']): Comparison {
  const base = makeSummaryFixture(options);
  return compareRuns(
    { label: base.manifest.scenario.name, file: 'scenarios/baseline.yaml', summary: base },
    altNames.map((n, i) => ({ label: n, file: `scenarios/policies/${n}.yaml`, summary: shiftedSummary(0.04 * (i + 1) * (i % 2 ? -1 : 1), n, options) })),
  );
}

export function sweepFixture(values = [2, 3, 4, 6]): Sweep {
  const axis = parseGridOption(`freeze.riskModel.velocity.maxDraws=${values.join(',')}`) as GridAxis;
  const points = gridPoints([axis]);
  return buildSweep('scenarios/baseline.yaml', [axis], points, points.map((_, i) => shiftedSummary(0.03 * i, 'baseline')));
}
