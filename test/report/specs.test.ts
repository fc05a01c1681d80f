/**
 * Every chart builder's spec compiles with vega-lite without errors or warnings
 * (as vega-lite's own example specs are tested), is pure (does not touch the
 * summary) and renders to SVG in Node.
 */
import { describe, expect, it } from 'vitest';
import { FREEZE_QUALITY_CHARTS, RUN_CHARTS, runChartSpecs } from '../../src/report/charts/index.js';
import { perPeriod } from '../../src/report/charts/freeze-events.js';
import { wrapText } from '../../src/report/charts/common.js';
import { compileChart, renderSvg } from '../../src/report/vega.js';
import type { Summary } from '../../src/results/types.js';
import { makeSummaryFixture } from '../fixtures/summary-fixture.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** The fixture with the gaps a real run can have: null steps, a null segment figure, a missing marker. */
function summaryWithGaps(): Summary {
  const s = makeSummaryFixture();
  s.timeSeries.cumulativeDefaultRate.mean[0] = null;
  s.timeSeries.exposure.p05[3] = null;
  s.timeSeries.newFreezeEvents.maintenance.mean[5] = null;
  s.segments[1]!.headline['annualDefaultRate'] = { mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n: 0, reason: 'no borrowers' };
  delete s.headline['lossRateVaR999'];
  s.requests.outcomes.identityFailed.share = { ...s.requests.outcomes.identityFailed.share, ci95: null };
  // model v2: a cause with no value, a path with no loss split, a step with no band
  s.byCause.goodFreezeEventsPer1000AccountMonths.fraud = { mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n: 0, reason: 'no events' };
  s.perPath['bustOutLossShare']![0] = null;
  s.timeSeries.distressed.p95[2] = null;
  return s;
}

const ALL_CHARTS = { ...RUN_CHARTS, ...FREEZE_QUALITY_CHARTS };

describe.each(Object.keys(ALL_CHARTS) as (keyof typeof ALL_CHARTS)[])('chart %s', (name) => {
  const build = ALL_CHARTS[name];

  it('compiles without errors or warnings', () => {
    const summary = deepFreeze(makeSummaryFixture());
    const { vega, warnings } = compileChart(build(summary));
    expect(warnings).toEqual([]);
    expect(vega.marks?.length).toBeGreaterThan(0);
  });

  it('compiles without warnings when the summary has gaps (null values, missing figures)', () => {
    expect(compileChart(build(deepFreeze(summaryWithGaps()))).warnings).toEqual([]);
  });

  it('is a pure function of the summary: same input, same spec; input untouched', () => {
    const summary = deepFreeze(makeSummaryFixture());
    expect(JSON.stringify(build(summary))).toBe(JSON.stringify(build(summary)));
  });

  it('has a title, a subtitle and axis titles', () => {
    const spec = build(makeSummaryFixture()) as { title?: { text?: string; subtitle?: string[] } };
    expect(spec.title?.text).toBeTruthy();
    expect(spec.title?.subtitle?.length).toBeGreaterThan(0);
    const json = JSON.stringify(spec);
    expect(json).toMatch(/"title":"[^"]*\([^"]*\)"|"title":"Months since start"/); // a unit in brackets or the time axis
  });

  it('renders to SVG in Node', async () => {
    const svg = await renderSvg(compileChart(build(makeSummaryFixture())).vega);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.length).toBeGreaterThan(1000);
  });
});

describe('chart details', () => {
  it('formats rate axes as percentages', () => {
    const specs = runChartSpecs(makeSummaryFixture());
    for (const name of ['cumulative-default-rate', 'loss-distribution', 'request-outcomes', 'freezes-per-borrower'] as const) {
      expect(JSON.stringify(specs[name])).toMatch(/"format":"\.[01]%"/);
    }
  });

  it('sums daily steps into 30-day periods for the freeze-events bars', () => {
    const day = Array.from({ length: 60 }, (_, i) => i + 1);
    const band = { mean: day.map(() => 2), p05: day.map(() => 0), p95: day.map(() => 4) };
    expect(perPeriod(day, band, 30)).toEqual([
      { period: 1, value: 60 },
      { period: 2, value: 60 },
    ]);
    expect(perPeriod([30, 60], { mean: [5, null], p05: [0, 0], p95: [9, 9] }, 30)).toEqual([{ period: 1, value: 5 }]);
  });

  it('wraps subtitles into short lines at spaces', () => {
    const lines = wrapText('a '.repeat(100).trim(), 20);
    expect(lines.every((l) => l.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe('a '.repeat(100).trim());
  });
});
