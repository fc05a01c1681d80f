/**
 * The report in a real browser (Debian's Chromium via playwright-core): every
 * chart draws, the console stays clean, nothing is requested but the file itself,
 * and a hostile scenario name runs nothing.
 *
 * Skips with a message where /usr/bin/chromium is missing, unless CI=true or
 * LIMITLAB_REQUIRE_BROWSER=1 (as in .ci/run): there a missing browser fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREEZE_QUALITY_CHARTS, RUN_CHARTS } from '../../src/report/charts/index.js';
import { HIDDEN_STATES_OFF } from '../../src/report/freeze-quality.js';
import { writeRunReport } from '../../src/report/run-report.js';
import { HOSTILE_NAME, HOSTILE_OPTIONS, makeSummaryFixture } from '../fixtures/summary-fixture.js';
import { browserAvailability, chartStates, visitFile } from '../helpers/browser.js';

const browser = browserAvailability();
const skip = !browser.available && !browser.required;
if (skip) console.warn(`[report browser tests] SKIPPED: ${browser.message}`);

describe.skipIf(skip)(`report in headless Chromium (${browser.message})`, () => {
  let dir: string;
  let report: string;
  let hostile: string;
  let hiddenStates: string;

  beforeAll(async () => {
    if (!browser.available) throw new Error(browser.message);
    dir = await mkdtemp(path.join(tmpdir(), 'limitlab-browser-'));
    report = (await writeRunReport(makeSummaryFixture(), path.join(dir, 'fixture'))).html;
    hostile = (await writeRunReport(makeSummaryFixture(HOSTILE_OPTIONS), path.join(dir, 'hostile'))).html;
    hiddenStates = (await writeRunReport(makeSummaryFixture({ hiddenStates: true }), path.join(dir, 'hidden-states'))).html;
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws every chart, logs no error and requests nothing but the file', async () => {
    await visitFile(report, async ({ page, requests, consoleErrors, pageErrors, dialogs }) => {
      const charts = await chartStates(page);
      expect(charts.map((c) => c.name).sort()).toEqual(Object.keys(RUN_CHARTS).sort());
      for (const c of charts) {
        expect(c, c.name).toMatchObject({ rendered: true });
        expect(c.element, c.name).not.toBeNull();
        expect(c.width, c.name).toBeGreaterThan(100);
        expect(c.height, c.name).toBeGreaterThan(100);
      }
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([pathToFileURL(report).href]);
    });
  });

  it('says in one sentence that hidden states were off, with no freeze-quality chart (v1 run)', async () => {
    await visitFile(report, async ({ page }) => {
      expect((await page.textContent('#freeze-quality-off'))?.trim()).toBe(HIDDEN_STATES_OFF);
      expect(await page.locator('#freeze-quality [data-chart], #freeze-quality table').count()).toBe(0);
    });
  });

  it('draws the freeze-quality section of a run with hidden states: every chart, its tables, no errors', async () => {
    await visitFile(hiddenStates, async ({ page, requests, consoleErrors, pageErrors, dialogs }) => {
      const charts = await chartStates(page);
      expect(charts.map((c) => c.name).sort()).toEqual([...Object.keys(RUN_CHARTS), ...Object.keys(FREEZE_QUALITY_CHARTS)].sort());
      for (const c of charts) {
        expect(c, c.name).toMatchObject({ rendered: true, element: 'svg' });
        expect(c.width, c.name).toBeGreaterThan(100);
        expect(c.height, c.name).toBeGreaterThan(100);
      }
      const section = page.locator('#freeze-quality');
      expect(await section.locator('[data-chart]').count()).toBe(Object.keys(FREEZE_QUALITY_CHARTS).length);
      expect(await section.locator('table').count()).toBe(3);
      expect(await page.textContent('#freeze-quality-answer')).toMatch(/fell on good customers/);
      // the bars are drawn: one per cause and side, one per loss source
      expect(await page.locator('[data-chart="freeze-quality"] svg .mark-rect path').count()).toBe(12);
      expect(await page.locator('[data-chart="loss-sources"] svg .mark-rect path').count()).toBe(3);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([pathToFileURL(hiddenStates).href]);
    });
  });

  it('shows a hostile scenario name as text and runs none of it', async () => {
    await visitFile(hostile, async ({ page, requests, consoleErrors, pageErrors, dialogs }) => {
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.textContent('h1')).toBe(`Run report: ${HOSTILE_NAME}`);
      expect(await page.title()).toBe(`Run report: ${HOSTILE_NAME}`);
      expect(await page.locator('img, script:not([data-lib]):not(#limitlab-charts)').count()).toBe(1); // the runtime script only
      const charts = await chartStates(page);
      expect(charts.every((c) => c.rendered)).toBe(true);
      // the segment names reach the chart as text, not as markup
      expect(await page.locator('[data-chart="segments"] svg text', { hasText: '</script><svg' }).count()).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(hostile).href]);
    });
  });
});
