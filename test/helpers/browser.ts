/**
 * Headless Chromium for report tests: Debian's `chromium` driven by
 * playwright-core (no browser download). Each visit gets a fresh profile and
 * records every request, console error, page error and dialog, so a test can
 * assert that a page rendered, stayed offline and ran nothing it should not.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.LIMITLAB_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserAvailability {
  available: boolean;
  /** true under CI=true or LIMITLAB_REQUIRE_BROWSER=1: a missing browser is a failure, not a skip */
  required: boolean;
  message: string;
}

export function browserAvailability(env: NodeJS.ProcessEnv = process.env): BrowserAvailability {
  const available = existsSync(CHROMIUM_PATH);
  const required = env.CI === 'true' || env.LIMITLAB_REQUIRE_BROWSER === '1';
  const message = available
    ? `using ${CHROMIUM_PATH}`
    : `no Chromium at ${CHROMIUM_PATH} (install it with: apt-get install -y chromium)${
        required ? '; required because CI=true or LIMITLAB_REQUIRE_BROWSER=1' : '; browser tests skipped'
      }`;
  return { available, required, message };
}

// Browser-side code as text: the project's tsconfig has no DOM types.
const ALL_CHARTS_SETTLED = `Array.from(document.querySelectorAll('[data-chart]')).every((el) =>
  el.getAttribute('data-rendered') === 'true' || /could not be drawn|No chart data/.test(el.textContent || ''))`;

const CHART_STATES = `Array.from(document.querySelectorAll('[data-chart]')).map((el) => {
  const drawn = el.querySelector('svg.marks, canvas.marks') || el.querySelector('svg, canvas');
  const box = drawn ? drawn.getBoundingClientRect() : null;
  return {
    name: el.getAttribute('data-chart') || '',
    rendered: el.getAttribute('data-rendered') === 'true',
    element: drawn ? (drawn.tagName.toLowerCase() === 'canvas' ? 'canvas' : 'svg') : null,
    width: box ? box.width : 0,
    height: box ? box.height : 0,
  };
})`;

export interface Visit {
  page: Page;
  /** every URL the page requested, in order (the page itself included) */
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** messages of alert/confirm/prompt dialogs (dismissed) */
  dialogs: string[];
}

async function withContext<T>(fn: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'limitlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    offline: false,
  });
  try {
    return await fn(context);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Opens a local HTML file and waits until every `[data-chart]` container has
 * finished (drawn, or failed with a message), then hands the page to `fn`.
 */
export async function visitFile<T>(file: string, fn: (visit: Visit) => Promise<T>, timeoutMs = 30_000): Promise<T> {
  return withContext(async (context) => {
    const page = context.pages()[0] ?? (await context.newPage());
    const visit: Visit = { page, requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
    context.on('request', (r) => visit.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') visit.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => visit.pageErrors.push(String(e)));
    page.on('dialog', (d) => {
      visit.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForFunction(ALL_CHARTS_SETTLED, undefined, { timeout: timeoutMs });
    return fn(visit);
  });
}

export interface ChartState {
  name: string;
  rendered: boolean;
  /** the drawn element (svg or canvas) and its size on screen */
  element: 'svg' | 'canvas' | null;
  width: number;
  height: number;
}

/** What each chart container holds after rendering. */
export function chartStates(page: Page): Promise<ChartState[]> {
  return page.evaluate(CHART_STATES) as Promise<ChartState[]>;
}

/** A full-page PNG of a local HTML file, after its charts have drawn. */
export async function screenshotFile(file: string, png: string, width = 1400): Promise<void> {
  await visitFile(file, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: png, fullPage: true });
  });
}
