/**
 * Axes that do not magnify noise (compare and sweep charts): a trade-off axis
 * spans at least MIN_RELATIVE_SPAN (10%) of the reference's value, and a
 * forest panel at least the materiality band ±(materiality × base). The
 * example is the one a new user met: a default rate of 1.47% whose policies
 * differ by 0.0022 pp was drawn on an axis from 1.4710% to 1.4750%.
 */
import { FIGURES } from '../../src/results/registry.js';
import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/compare/compare.js';
import { MIN_RELATIVE_SPAN, changeDomain, levelDomain } from '../../src/report/charts/compare-common.js';
import { compareChartSpecs, buildCompareReport } from '../../src/report/compare-report.js';
import { sweepChartSpecs } from '../../src/report/sweep-report.js';
import { compileChart } from '../../src/report/vega.js';
import { summarise } from '../../src/results/stat.js';
import type { Summary } from '../../src/results/types.js';
import { makeSummaryFixture } from '../fixtures/summary-fixture.js';
import { V2_FIGURES, comparisonFixture, shiftedSummary, sweepFixture } from '../compare/fixture.js';

describe('level axes (trade-off)', () => {
  it('never zoom closer than 10% of the reference value', () => {
    const values = [0.01471, 0.01475];
    const [lo, hi] = levelDomain(values, 0.01473)!;
    expect(hi - lo).toBeGreaterThanOrEqual(MIN_RELATIVE_SPAN * 0.01473 - 1e-15);
    expect(lo).toBeLessThanOrEqual(0.01471);
    expect(hi).toBeGreaterThanOrEqual(0.01475);
    // centred on the values
    expect((lo + hi) / 2).toBeCloseTo(0.01473, 12);
  });

  it('leave values that differ a lot alone, with 5% of room', () => {
    expect(levelDomain([10, 20], 15)).toEqual([9.5, 20.5]);
  });

  it('do not dip below zero for figures that cannot', () => {
    const [lo, hi] = levelDomain([0.0002, 0.0003], 0.05)!;
    expect(lo).toBe(0);
    expect(hi - lo).toBeGreaterThanOrEqual(0.005 - 1e-15);
    // a figure that can be negative (revenue) keeps its window
    expect(levelDomain([-0.01, -0.009], -0.0095)![0]).toBeLessThan(-0.01);
  });

  it('give way to the chart where there is nothing to span', () => {
    expect(levelDomain([], 1)).toBeUndefined();
    expect(levelDomain([0, 0], 0)).toBeUndefined();
  });
});

describe('change axes (forest)', () => {
  it('always show the materiality band and zero', () => {
    expect(changeDomain([-0.0022, -0.0018], 0.0147)).toEqual([-0.0147, 0.0147]);
    expect(changeDomain([0.5, 0.7], 0.01)).toEqual([-0.01, 0.7]);
    expect(changeDomain([0, 0], 0)).toBeUndefined();
  });
});

/** A comparison whose alternative moves every figure by 0.15%: resolved, immaterial, and invisible on an honest axis. */
function tinyComparison(): ReturnType<typeof compareRuns> {
  return compareRuns({ label: 'baseline', file: 'b.yaml', summary: makeSummaryFixture() }, [{ label: 'tiny', file: 't.yaml', summary: shiftedSummary(0.0015, 'tiny') }]);
}

type Scale = { domain?: [number, number] };
type Enc = { field?: string; scale?: Scale };
type AnyLayer = { encoding?: Record<string, Enc>; data?: { values?: { lo: number; hi: number }[] } };
type AnyPanel = { title: { text: string }; layer: AnyLayer[] };

function yDomainOf(panel: AnyPanel): [number, number] | undefined {
  for (const l of panel.layer) if (l.encoding?.['y']?.scale?.domain) return l.encoding['y'].scale.domain;
  return undefined;
}

describe('the charts of a comparison whose changes are noise-sized', () => {
  const c = tinyComparison();
  const specs = compareChartSpecs(c);

  it('draw the trade-off on axes of at least 10% of the base values', () => {
    const panels = (specs['compare-tradeoff'] as unknown as { hconcat: AnyPanel[] }).hconcat;
    expect(panels.map((p) => p.title.text)).toContain('Annualised default rate (90+ dpd)');
    for (const [i, figure] of ['annualDefaultRate', 'lossRate', 'riskAdjustedRevenueRate'].entries()) {
      const base = c.runs[0]!.headline[figure]!.mean!;
      const [lo, hi] = yDomainOf(panels[i]!)!;
      expect(hi - lo, figure).toBeGreaterThanOrEqual(MIN_RELATIVE_SPAN * Math.abs(base) - 1e-12);
    }
    expect(compileChart(specs['compare-tradeoff']!).warnings).toEqual([]);
  });

  it('shade the materiality band in every forest panel and span at least it', () => {
    const panels = (specs['compare-forest'] as unknown as { vconcat: AnyPanel[] }).vconcat;
    const loss = panels.find((p) => p.title.text.startsWith('Loss over the horizon'))!;
    const base = c.runs[0]!.headline['lossRate']!.mean!;
    const band = loss.layer[0]!.data!.values![0]!;
    // in percentage points: 1% of a 3.3% loss rate is 0.033 pp
    expect(band.hi).toBeCloseTo(0.01 * base * 100, 12);
    expect(band.lo).toBeCloseTo(-0.01 * base * 100, 12);
    const domain = loss.layer[0]!.encoding!['x']!.scale!.domain!;
    expect(domain[0]).toBeLessThanOrEqual(band.lo);
    expect(domain[1]).toBeGreaterThanOrEqual(band.hi);
  });

  it('mark the resolved but tiny changes immaterial, not with a star', async () => {
    const page = (await buildCompareReport(c)).html;
    const summary = page.slice(page.indexOf('id="summary"'), page.indexOf('id="changes"'));
    expect(summary).toContain('data-verdict="immaterial"');
    expect(summary).not.toContain('data-verdict="material"');
    // every change with its size relative to the base: about +0.15% here
    expect(summary).toMatch(/ pp \(\+0\.1\d%\)/);
  });
});

describe('model v2 figures', () => {
  const has = (spec: unknown, text: string) => JSON.stringify(spec).includes(text);

  it('join the forest chart and get a trade-off against good-customer freezes when the summaries carry them', () => {
    const specs = compareChartSpecs(comparisonFixture({ v2: true }));
    for (const f of V2_FIGURES) expect(has(specs['compare-forest'], FIGURES[f].label), f).toBe(true);
    const good = specs['compare-tradeoff-good-customers'];
    expect(good).toBeDefined();
    expect(has(good, `${FIGURES.goodCustomerFreezesPer1000AccountMonths.label} (per 1000 account-months)`)).toBe(true);
    expect(compileChart(good!).warnings).toEqual([]);
    expect(compileChart(specs['compare-forest']!).warnings).toEqual([]);
    const sweep = sweepChartSpecs(sweepFixture(undefined, { v2: true }));
    expect(sweep['sweep-tradeoff-good-customers']).toBeDefined();
    expect(compileChart(sweep['sweep-tradeoff-good-customers']!).warnings).toEqual([]);
  });

  it('are left out, and no empty chart drawn, when the summaries do not carry them', () => {
    const specs = compareChartSpecs(comparisonFixture());
    expect(specs['compare-tradeoff-good-customers']).toBeUndefined();
    for (const figure of V2_FIGURES) expect(has(specs['compare-forest'], figure)).toBe(false);
    expect(sweepChartSpecs(sweepFixture())['sweep-tradeoff-good-customers']).toBeUndefined();
  });

  it('appear in the main-changes table of a comparison with them', async () => {
    const base: Summary = makeSummaryFixture();
    base.perPath['fraudLossRate'] = base.perPath['lossRate']!.map((v) => (v === null ? null : v * 0.1));
    base.headline['fraudLossRate'] = summarise(base.perPath['fraudLossRate']);
    const alt = structuredClone(base);
    alt.perPath['fraudLossRate'] = alt.perPath['fraudLossRate']!.map((v) => (v === null ? null : v * 2));
    alt.headline['fraudLossRate'] = summarise(alt.perPath['fraudLossRate']);
    const page = (await buildCompareReport(compareRuns({ label: 'b', file: 'b.yaml', summary: base }, [{ label: 'no-identity-check', file: 'n.yaml', summary: alt }]))).html;
    const summary = page.slice(page.indexOf('id="summary"'), page.indexOf('id="changes"'));
    expect(summary).toContain(FIGURES.fraudLossRate.label);
    expect(summary).toMatch(/\+100%\)/);
  });
});
