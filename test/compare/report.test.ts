/**
 * The comparison and sweep reports: every chart compiles with vega-lite without
 * warnings (as the run report's charts are tested), builders are pure, pages
 * are self-contained and escape what they show.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forestChart } from '../../src/report/charts/compare-forest.js';
import { COMPARE_CHARTS, buildCompareReport, compareChartSpecs, writeCompareReport } from '../../src/report/compare-report.js';
import { SWEEP_CHARTS, buildSweepReport, sweepChartSpecs } from '../../src/report/sweep-report.js';
import { compileChart } from '../../src/report/vega.js';
import { HOSTILE_NAME } from '../fixtures/summary-fixture.js';
import { comparisonFixture, sweepFixture } from './fixture.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('comparison charts', () => {
  const specs = compareChartSpecs(deepFreeze(comparisonFixture()));
  it.each(COMPARE_CHARTS)('%s compiles without errors or warnings', (name) => {
    const { vega, warnings } = compileChart(specs[name]!);
    expect(warnings).toEqual([]);
    expect(JSON.stringify(vega)).toMatch(/"marks"/);
  });

  it('are a pure function of the comparison', () => {
    const c = deepFreeze(comparisonFixture());
    expect(JSON.stringify(compareChartSpecs(c))).toBe(JSON.stringify(compareChartSpecs(c)));
  });

  it('compile without warnings for a self-comparison (zero changes, no factors) and with one alternative', () => {
    const c = comparisonFixture({}, ['baseline']);
    const self = comparisonFixture();
    for (const a of self.alternatives) for (const d of Object.values(a.figures)) if (!d.tail) Object.assign(d, { difference: 0, se: 0, ci95: [0, 0], distinguishable: false, varianceReduction: null });
    for (const spec of [...Object.values(compareChartSpecs(c)), ...Object.values(compareChartSpecs(self))]) expect(compileChart(spec!).warnings).toEqual([]);
  });

  it('the forest chart has one panel per figure that can be compared, each with a line at zero', () => {
    const spec = forestChart({ title: 't', subtitle: 's', reference: 'base', items: comparisonFixture().alternatives, colourOrder: ['baseline', 'stricter-velocity', 'no-verification-hold'] }) as { vconcat: unknown[] };
    expect(spec.vconcat.length).toBeGreaterThanOrEqual(10);
    expect(JSON.stringify(spec.vconcat[0])).toContain('"field":"zero"');
  });
});

describe('sweep charts', () => {
  const specs = sweepChartSpecs(deepFreeze(sweepFixture()));
  it.each(SWEEP_CHARTS)('%s compiles without errors or warnings', (name) => {
    expect(compileChart(specs[name]!).warnings).toEqual([]);
  });

  it('join the grid points in grid order, leaving the scenario as given (not a grid point) off the line', () => {
    const spec = sweepChartSpecs(sweepFixture([2, 3, 6]))['sweep-tradeoff'] as unknown as {
      hconcat: { data: { values: { policy: string; order: number; onLine: boolean }[] }; layer: { mark: { type: string }; transform?: { filter: string }[] }[] }[];
    };
    const panel = spec.hconcat[0]!;
    const line = panel.layer.find((l) => l.mark.type === 'line')!;
    expect(line.transform).toEqual([{ filter: 'datum.onLine' }]);
    const onLine = panel.data.values.filter((r) => r.onLine).sort((a, b) => a.order - b.order).map((r) => r.policy);
    expect(onLine).toEqual(['maxDraws=2', 'maxDraws=3', 'maxDraws=6']);
    expect(panel.data.values.find((r) => r.policy === 'as given (maxDraws=4)')!.onLine).toBe(false);
  });

  it('a one-point grid measured from its own point still builds a report (no forest chart); measured from the scenario as given it has one', async () => {
    const alone = await buildSweepReport(sweepFixture([3], { reference: 0 }));
    expect(Object.keys(alone.charts)).not.toContain('sweep-forest');
    expect(alone.warnings).toEqual({});
    const fromGiven = await buildSweepReport(sweepFixture([3]));
    expect(Object.keys(fromGiven.charts)).toContain('sweep-forest');
    expect(fromGiven.warnings).toEqual({});
  });
});

describe('comparison report page', () => {
  it('shows the deltas table with distinguishable changes marked, the population check and every manifest', async () => {
    const built = await buildCompareReport(comparisonFixture());
    expect(built.warnings).toEqual({});
    const page = built.html;
    for (const id of ['summary', 'changes', 'tradeoff', 'over-time', 'deltas', 'population', 'manifests', 'scenarios']) expect(page).toContain(`id="${id}"`);
    expect(page).toContain('stricter-velocity − baseline');
    expect(page).toContain('data-distinguishable="true"');
    expect(page).toContain('CRN variance reduction');
    expect(page.match(/scenarios\/policies\/[a-z-]+\.yaml/g)!.length).toBeGreaterThanOrEqual(2);
    // (the inlined Vega runtime mentions Infinity; the page's own text must not)
    expect(page.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/NaN|Infinity/);
  });

  it('escapes hostile scenario names', async () => {
    const page = (await buildCompareReport(comparisonFixture({ name: HOSTILE_NAME }, [HOSTILE_NAME + '2']))).html;
    expect(page).not.toContain('<script>window.__pwned');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned=1');
  });

  it('writes report.html and one SVG per chart', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'limitlab-compare-report-'));
    try {
      const written = await writeCompareReport(comparisonFixture(), dir);
      expect(written.html).toBe(path.join(dir, 'report.html'));
      expect((await readdir(path.join(dir, 'charts'))).sort()).toEqual(COMPARE_CHARTS.map((c) => `${c}.svg`).sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
