/** The run report's tail display: intervals and paths beyond, words for an unreliable level, importance sampling and its effective sample size. */
import { describe, expect, it } from 'vitest';
import { buildRunReport } from '../../src/report/run-report.js';
import { lossDistributionChart } from '../../src/report/charts/loss-distribution.js';
import { makeSummaryFixture } from '../fixtures/summary-fixture.js';
import type { Summary } from '../../src/results/types.js';

const tailTableOf = (page: string): string => {
  const start = page.indexOf('<caption>Loss tail across paths</caption>');
  return page.slice(start, page.indexOf('</table>', start));
};

function withTails(summary: Summary): Summary {
  const h = summary.headline;
  h.lossRateVaR99 = { ...h.lossRateVaR99!, ci95: [0.12, 0.16], beyond: 12 };
  h.lossRateVaR999 = { ...h.lossRateVaR999!, ci95: null, beyond: 1, unreliable: true, reason: 'the 95% interval is unbounded above with 100 paths (about 3456 needed)' };
  return summary;
}

describe('the tail table', () => {
  it('gives each level its interval and paths beyond, and an unreliable level in words, not as a number', async () => {
    const { html } = await buildRunReport(withTails(makeSummaryFixture()));
    const table = tailTableOf(html);
    expect(table).toMatch(/Value-at-risk 99%.*95% interval 12(\.0+)?% – 16(\.0+)?%; 12 paths beyond/s);
    expect(table).toMatch(/Value-at-risk 99\.9%<\/th><td class="num">not reliable: only 1 path at or beyond the VaR; needs about 10,000 paths, or importance sampling/);
  });

  it('says when importance sampling was on, with the effective sample size, and warns when it is low', async () => {
    const s = withTails(makeSummaryFixture());
    s.estimation = {
      method: 'importance sampling',
      shift: -2.19,
      effectiveSampleSize: 8.7,
      meanWeight: 0.43,
      intervals: { mean: 'weighted', var: 'test inversion', es: 'asymptotic' },
    };
    const { html } = await buildRunReport(s);
    expect(html).toContain('importance sampling of the economy: shift -2.19, effective sample size 8.7 of 100 paths');
    expect(html).toContain('Warning: an effective sample size of 8.7 (mean weight 0.43, 1 expected)');
  });

  it('draws weighted probabilities, not raw counts, when the paths carry weights', () => {
    const s = makeSummaryFixture();
    const plain = JSON.stringify(lossDistributionChart(s));
    s.lossDistribution = { ...s.lossDistribution, probability: s.lossDistribution.count.map((c) => c / 200) };
    const weighted = JSON.stringify(lossDistributionChart(s));
    expect(plain).toContain('"title":"Number of paths"');
    expect(weighted).toContain('"field":"probability"');
    expect(weighted).toContain('"title":"Probability"');
  });
});
