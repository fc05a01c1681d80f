/**
 * The comparison report in headless Chromium (as test/report/browser.test.ts):
 * every chart draws, the console stays clean, nothing is requested but the file.
 * Skips where /usr/bin/chromium is missing, unless CI=true or LIMITLAB_REQUIRE_BROWSER=1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_CHARTS, COMPARE_V2_CHARTS, writeCompareReport } from '../../src/report/compare-report.js';
import { SWEEP_CHARTS, SWEEP_V2_CHARTS, writeSweepReport } from '../../src/report/sweep-report.js';
import { HOSTILE_NAME } from '../fixtures/summary-fixture.js';
import { browserAvailability, chartStates, visitFile } from '../helpers/browser.js';
import { comparisonFixture, sweepFixture } from './fixture.js';

const browser = browserAvailability();
const skip = !browser.available && !browser.required;
if (skip) console.warn(`[compare report browser tests] SKIPPED: ${browser.message}`);

describe.skipIf(skip)(`comparison and sweep reports in headless Chromium (${browser.message})`, () => {
  let dir: string;
  beforeAll(async () => {
    if (!browser.available) throw new Error(browser.message);
    dir = await mkdtemp(path.join(tmpdir(), 'limitlab-compare-browser-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['comparison', () => writeCompareReport(comparisonFixture(), path.join(dir, 'compare')), COMPARE_CHARTS],
    ['sweep', () => writeSweepReport(sweepFixture(), path.join(dir, 'sweep')), SWEEP_CHARTS],
  ] as const)('the %s report draws every chart, logs no error and requests nothing but the file', async (_, write, names) => {
    const file = (await write()).html;
    await visitFile(file, async ({ page, requests, consoleErrors, pageErrors, dialogs }) => {
      const charts = await chartStates(page);
      expect(charts.map((c) => c.name).sort()).toEqual([...names].sort());
      for (const c of charts) {
        expect(c, c.name).toMatchObject({ rendered: true });
        expect(c.width, c.name).toBeGreaterThan(100);
        expect(c.height, c.name).toBeGreaterThan(100);
      }
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
    });
  });

  it.each([
    ['comparison', () => writeCompareReport(comparisonFixture({ v2: true }), path.join(dir, 'compare-v2')), [...COMPARE_CHARTS, ...COMPARE_V2_CHARTS]],
    ['sweep', () => writeSweepReport(sweepFixture(undefined, { v2: true }), path.join(dir, 'sweep-v2')), [...SWEEP_CHARTS, ...SWEEP_V2_CHARTS]],
  ] as const)('the %s report with model v2 figures draws its good-customer trade-off too', async (_, write, names) => {
    const file = (await write()).html;
    await visitFile(file, async ({ page, consoleErrors, pageErrors }) => {
      const charts = await chartStates(page);
      expect(charts.map((c) => c.name).sort()).toEqual([...names].sort());
      for (const c of charts) expect(c, c.name).toMatchObject({ rendered: true });
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });

  it('puts two charts across on a 1280 px laptop screen, each whole, and one column on a narrow screen', async () => {
    const file = (await writeCompareReport(comparisonFixture(), path.join(dir, 'layout'))).html;
    const BOXES = `Array.from(document.querySelectorAll('[data-chart]')).map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.getAttribute('data-chart'), x: Math.round(r.left), y: Math.round(r.top + window.scrollY), clipped: el.scrollWidth > el.clientWidth + 1 };
    })`;
    type Box = { name: string; x: number; y: number; clipped: boolean };
    await visitFile(file, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      const wide = (await page.evaluate(BOXES)) as Box[];
      const at = (boxes: Box[], name: string) => boxes.find((b) => b.name === name)!;
      // the over-time charts: the first two side by side, the third below
      expect(at(wide, 'compare-freeze-events').y).toBe(at(wide, 'compare-default-rate').y);
      expect(at(wide, 'compare-freeze-events').x).toBeGreaterThan(at(wide, 'compare-default-rate').x + 500);
      expect(at(wide, 'compare-exposure').y).toBeGreaterThan(at(wide, 'compare-default-rate').y);
      // no chart is cut off and scrolled inside its column
      expect(wide.filter((b) => b.clipped).map((b) => b.name)).toEqual([]);

      await page.setViewportSize({ width: 700, height: 800 });
      const narrow = (await page.evaluate(BOXES)) as Box[];
      expect(at(narrow, 'compare-freeze-events').x).toBe(at(narrow, 'compare-default-rate').x);
      expect(at(narrow, 'compare-freeze-events').y).toBeGreaterThan(at(narrow, 'compare-default-rate').y);
    });
  });

  it('shows hostile policy names as text and runs none of them', async () => {
    const file = (await writeCompareReport(comparisonFixture({ name: HOSTILE_NAME }, ['<img src=x onerror="window.__pwned=2">']), path.join(dir, 'hostile'))).html;
    await visitFile(file, async ({ page, consoleErrors, pageErrors, dialogs }) => {
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect((await chartStates(page)).every((c) => c.rendered)).toBe(true);
      expect(await page.locator('[data-chart="compare-forest"] svg text', { hasText: 'onerror' }).count()).toBeGreaterThan(0);
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
});
