/**
 * The suite report in a real browser (Debian's Chromium via playwright-core):
 * every chart draws (the trend charts with two runs), breaches are highlighted,
 * nothing is requested but the file, and a hostile scenario name runs nothing.
 *
 * Skips with a message where /usr/bin/chromium is missing, unless CI=true or
 * LIMITLAB_REQUIRE_BROWSER=1: there a missing browser fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Appetite, worstVerdict } from '../../src/results/appetite.js';
import { stressChartSpecs, writeStressReport } from '../../src/report/stress-report.js';
import type { Summary } from '../../src/results/types.js';
import { breaches, memberVerdicts } from '../../src/stress/gate.js';
import { historyEntries } from '../../src/stress/history.js';
import type { HistoryEntry, ScenarioOutcome, StressResult, SuiteMember } from '../../src/stress/types.js';
import { HOSTILE_NAME, makeSummaryFixture } from '../fixtures/summary-fixture.js';
import { browserAvailability, chartStates, visitFile } from '../helpers/browser.js';

const browser = browserAvailability();
const skip = !browser.available && !browser.required;
if (skip) console.warn(`[stress report browser tests] SKIPPED: ${browser.message}`);

/** A stress result from fixture summaries: a baseline within appetite and a hostile-named scenario that breaches. */
function fixtureResult(startedAt: string, id: string): StressResult {
  const cases: { name: string; summary: Summary; appetite: Appetite }[] = [
    { name: 'baseline', summary: makeSummaryFixture(), appetite: { annualDefaultRate: 0.025, lossRateVaR99: 0.15 } },
    { name: HOSTILE_NAME, summary: makeSummaryFixture(), appetite: { annualDefaultRate: 0.001, riskAdjustedRevenueRate: { min: 0.05 } } },
  ];
  const scenarios: ScenarioOutcome[] = cases.map(({ name, summary, appetite }, i) => {
    const scenario = { ...summary.manifest.scenario, name, report: { appetite } };
    const member: SuiteMember = { name, folder: `s${i}`, file: `s${i}.yaml`, scenario, hash: `${i}`.repeat(64), limitSources: { annualDefaultRate: 'suite entry' } };
    const verdicts = memberVerdicts(member, summary);
    return { name, folder: member.folder, file: member.file, scenarioHash: member.hash, summary: `scenarios/s${i}/summary.json`, report: `scenarios/s${i}/report.html`, headline: summary.headline, verdicts, worst: worstVerdict(verdicts) };
  });
  const failing = breaches(scenarios);
  return {
    schemaVersion: 1,
    kind: 'limitlab-stress',
    suite: { name: 'nightly', description: '<img src=x onerror="window.__pwned=2">', file: 'suite.yaml', hash: 'f'.repeat(64) },
    run: { id, startedAt, finishedAt: startedAt, resumed: false, version: '0.1.0', node: process.version },
    population: { seed: 1, paths: 100, borrowersPerPath: 10000, shardSize: 2500, stepDays: 30, horizonDays: 720 },
    status: failing.length ? 'breached' : 'within',
    breaches: failing,
    scenarios,
  };
}

describe.skipIf(skip)(`stress report in headless Chromium (${browser.message})`, () => {
  let dir: string;
  let report: string;
  let result: StressResult;

  beforeAll(async () => {
    if (!browser.available) throw new Error(browser.message);
    dir = await mkdtemp(path.join(tmpdir(), 'limitlab-stress-browser-'));
    const earlier = fixtureResult('2026-01-01T02:00:00.000Z', 'run-1');
    result = fixtureResult('2026-01-02T02:00:00.000Z', 'run-2');
    const history: HistoryEntry[] = [...historyEntries(earlier), ...historyEntries(result)];
    report = (await writeStressReport(result, history, dir)).html;
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws every chart, highlights the breaches, logs no error and requests nothing but the file', async () => {
    await visitFile(report, async ({ page, requests, consoleErrors, pageErrors, dialogs }) => {
      const charts = await chartStates(page);
      expect(charts.map((c) => c.name).sort()).toEqual(Object.keys(stressChartSpecs(result, [])).sort());
      expect(charts.some((c) => c.name.startsWith('trend-'))).toBe(true);
      for (const c of charts) {
        expect(c, c.name).toMatchObject({ rendered: true });
        expect(c.width, c.name).toBeGreaterThan(100);
        expect(c.height, c.name).toBeGreaterThan(100);
      }
      // two runs in the history: the trend line of each scenario has two points
      const points = await page.locator('[data-chart="trend-annual-default-rate"] svg g.mark-symbol.role-mark path').count();
      expect(points).toBe(2 * result.scenarios.length);
      expect(await page.locator('li[data-breach]').count()).toBe(result.breaches.length);
      expect(await page.locator('#scenarios [data-verdict="red"]').count()).toBeGreaterThan(0);
      expect(await page.locator('#verdict .status.red').count()).toBeGreaterThan(0);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(report).href]);
      expect(await page.locator('.card .value', { hasText: HOSTILE_NAME }).count()).toBe(1);
    });
  });
});
