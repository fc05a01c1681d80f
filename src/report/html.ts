/**
 * The page shell every report uses (run, and later compare and stress): one
 * self-contained HTML file with its CSS, the chart runtime (vega + vega-embed,
 * inlined) and the charts' compiled Vega specs as escaped JSON. No request leaves
 * the page: the Content-Security-Policy allows inline scripts (and eval, which
 * Vega's expression compiler needs) but no remote source and no connections.
 */
import { chartRuntime } from './assets.js';
import { type HtmlValue, type SafeHtml, html, joinHtml, jsonForScript, trusted } from './escape.js';
import type { VegaSpec } from './vega.js';

export interface PageSection {
  /** anchor id: lower-case letters, digits and dashes */
  id: string;
  heading: string;
  body: SafeHtml;
}

export interface PageOptions {
  /** page and <h1> title (text; escaped) */
  title: string;
  /** a line under the title (text; escaped) */
  subtitle?: string;
  sections: readonly PageSection[];
  /** compiled Vega specs by name; each is drawn into the element `chartFigure(name)` made */
  charts?: Readonly<Record<string, VegaSpec>>;
  /** a line at the foot of the page (text; escaped) */
  footer?: string;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const NAME = /^[a-z0-9][a-z0-9-]*$/;

function checkName(kind: string, name: string): void {
  if (!NAME.test(name)) throw new Error(`${kind} '${name}' must be lower-case letters, digits and dashes`);
}

/**
 * The container a chart is drawn into, with an optional caption (text or
 * SafeHtml); a `wide` chart (side-by-side panels) takes the grid's whole width.
 */
export function chartFigure(name: string, caption?: HtmlValue, options: { wide?: boolean } = {}): SafeHtml {
  checkName('chart name', name);
  return html`<figure class="chart-figure${options.wide ? ' wide' : ''}"><div class="chart" id="chart-${name}" data-chart="${name}"></div>${
    caption ? html`<figcaption>${caption}</figcaption>` : ''
  }</figure>`;
}

/** Charts in a responsive grid, two across on a wide screen. */
export function chartGrid(figures: readonly SafeHtml[]): SafeHtml {
  return html`<div class="chart-grid">${figures}</div>`;
}

// Draws each chart into its container; on failure the container says why, so a
// reader never faces a silent blank (and the browser test sees the console error).
const RUNTIME = `
(function () {
  var specs = JSON.parse(document.getElementById('limitlab-charts').textContent);
  var options = {
    mode: 'vega',
    renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false },
  };
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var name = el.getAttribute('data-chart');
    var spec = specs[name];
    if (!spec) { el.textContent = 'No chart data for ' + name + '.'; console.error('no spec for chart ' + name); return; }
    var opts = Object.assign({ downloadFileName: name }, options);
    vegaEmbed(el, spec, opts).then(function () {
      el.setAttribute('data-rendered', 'true');
    }).catch(function (err) {
      el.textContent = 'This chart could not be drawn: ' + err;
      console.error(err);
    });
  });
})();
`;

const CSS = `
:root { --ink: #1d1d1f; --muted: #5b5b60; --rule: #dcdce0; --panel: #f6f6f8;
  --green: #1a7f37; --amber: #b06f00; --red: #c0262d; --unknown: #6e6e73; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); background: #fff; }
header.page { padding: 28px 40px 16px; border-bottom: 1px solid var(--rule); background: var(--panel); }
header.page h1 { margin: 0 0 4px; font-size: 26px; line-height: 1.2; overflow-wrap: anywhere; }
header.page .subtitle { margin: 0; color: var(--muted); overflow-wrap: anywhere; }
nav.toc { margin-top: 12px; font-size: 13px; }
nav.toc a { color: #0b57d0; text-decoration: none; margin-right: 14px; white-space: nowrap; }
main { padding: 8px 40px 40px; max-width: 1320px; }
section { margin-top: 28px; }
section > h2 { font-size: 20px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 20px 0 8px; }
p { max-width: 80ch; }
.note { color: var(--muted); font-size: 13px; }
.verdict.immaterial { color: var(--muted); font-style: italic; }
.interval { color: var(--muted); }
td .interval { display: block; font-size: 12px; }
.lead { font-size: 17px; max-width: 90ch; }
/* Two across from about 1230 px of window (a 1280 px laptop, with or without a classic scrollbar): a chart is
   WIDTH (460 px) plus axes, legend and the actions menu, about 577 px; one column below that. */
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 580px), 1fr)); gap: 20px 24px; }
.chart-grid > figure.chart-figure.wide { grid-column: 1 / -1; }
@media (max-width: 1400px) { header.page, main, footer.page { padding-left: 24px; padding-right: 24px; } }
figure.chart-figure { margin: 0; min-width: 0; }
.chart { min-height: 120px; overflow-x: auto; }
figure.chart-figure figcaption { color: var(--muted); font-size: 12px; margin-top: 2px; }
table { border-collapse: collapse; font-size: 14px; margin: 4px 0 8px; }
.table-wrap { max-width: 100%; overflow-x: auto; }
caption { text-align: left; font-weight: 600; padding: 0 0 6px; font-size: 14px; }
th, td { padding: 5px 12px 5px 0; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }
thead th { font-weight: 600; color: var(--muted); font-size: 12px; }
tbody th { font-weight: 500; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; padding-left: 12px; }
td.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.cards { display: flex; flex-wrap: wrap; gap: 14px; margin: 8px 0 16px; }
.card { border: 1px solid var(--rule); border-left: 6px solid var(--unknown); border-radius: 6px; padding: 12px 16px;
  min-width: 230px; max-width: 320px; background: #fff; }
.card.green { border-left-color: var(--green); } .card.amber { border-left-color: var(--amber); }
.card.red { border-left-color: var(--red); }
.card .label { font-size: 13px; color: var(--muted); }
.card .value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.25; }
.card .interval, .card .limit { font-size: 13px; color: var(--muted); font-variant-numeric: tabular-nums; }
.status { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; color: #fff;
  background: var(--unknown); white-space: nowrap; }
.status.green { background: var(--green); } .status.amber { background: var(--amber); } .status.red { background: var(--red); }
details { margin: 8px 0; }
details > summary { cursor: pointer; font-weight: 600; }
pre { background: var(--panel); padding: 12px 14px; overflow: auto; font-size: 12px; line-height: 1.45; max-height: 70vh; }
footer.page { padding: 16px 40px 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--rule); }
@media (max-width: 700px) { header.page, main, footer.page { padding-left: 16px; padding-right: 16px; }
  .chart-grid { grid-template-columns: 1fr; } }
@media print { nav.toc, .vega-embed .vega-actions, summary::marker { display: none; } details { display: block; }
  section { break-inside: avoid-page; } .chart-grid { display: block; } figure.chart-figure { break-inside: avoid; margin-bottom: 16px; } }
`;

/**
 * A complete, self-contained HTML page. Every text in `options` is escaped; the
 * sections' bodies are SafeHtml built with `html`. Throws when a chart has no
 * container or a container has no chart (a chart that cannot appear is a bug).
 */
export async function renderPage(options: PageOptions): Promise<string> {
  const charts = options.charts ?? {};
  const bodies = options.sections.map((s) => s.body.toString()).join('');
  for (const s of options.sections) checkName('section id', s.id);
  for (const name of Object.keys(charts)) {
    checkName('chart name', name);
    if (!bodies.includes(`data-chart="${name}"`)) throw new Error(`chart '${name}' has no container: add chartFigure('${name}') to a section`);
  }
  for (const m of bodies.matchAll(/data-chart="([^"]*)"/g)) {
    if (!Object.hasOwn(charts, m[1] as string)) throw new Error(`chart container '${m[1]}' has no chart spec`);
  }
  const hasCharts = Object.keys(charts).length > 0;
  const runtime = hasCharts ? await chartRuntime() : [];

  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="limitlab">
<title>${options.title}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<header class="page">
<h1>${options.title}</h1>
${options.subtitle ? html`<p class="subtitle">${options.subtitle}</p>` : ''}
<nav class="toc">${options.sections.map((s) => html`<a href="#${s.id}">${s.heading}</a>`)}</nav>
</header>
<main>
${hasCharts ? html`<noscript><p class="note">The charts need JavaScript; the same charts are saved as SVG files in the charts/ folder beside this report.</p></noscript>` : ''}
${joinHtml(
  options.sections.map((s) => html`<section id="${s.id}"><h2>${s.heading}</h2>${s.body}</section>`),
  '\n',
)}
</main>
${options.footer ? html`<footer class="page">${options.footer}</footer>` : ''}
${
  hasCharts
    ? html`<script type="application/json" id="limitlab-charts">${trusted(jsonForScript(charts))}</script>
${runtime.map((s) => html`<script data-lib="${s.name}">${trusted(s.source)}</script>\n`)}<script>${trusted(RUNTIME)}</script>`
    : ''
}
</body>
</html>
`;
  return page.toString();
}
