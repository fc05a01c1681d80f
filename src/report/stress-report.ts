/**
 * The suite report of a stress run, from stress.json and the history:
 * result → verdict cards and breach list → scenarios side by side (table and
 * chart) → every limit → one trend chart per figure across the history → run
 * details. Same page shell, escaping and SVG export as the run report.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Breach, HistoryEntry, ScenarioOutcome, StressResult, StressVerdict } from '../stress/types.js';
import { type Verdict, worstVerdict } from '../results/appetite.js';
import { stressScenariosChart } from './charts/stress-scenarios.js';
import { kebab } from './charts/stress-common.js';
import { type TrendLimit, type TrendPoint, stressTrendChart } from './charts/stress-trend.js';
import { type SafeHtml, html } from './escape.js';
import { figureInfo, figureTitle, orderFigures } from './figures.js';
import { formatInteger, formatLimit, formatMean, formatRange, formatValue } from './format.js';
import { type PageSection, chartFigure, chartGrid, renderPage } from './html.js';
import { dataTable, keyValueTable } from './tables.js';
import { type VegaSpec, compileChart } from './vega.js';
import { type ReportFiles, inFolder, writeReportFiles } from './write-files.js';

/** Figures every stress report shows, whether or not a limit names them. */
export const STRESS_KEY_FIGURES = ['annualDefaultRate', 'lossRate', 'lossRateVaR99', 'freezeEventsPer1000AccountMonths'];

const VERDICT_TEXT: Record<Verdict, string> = {
  green: 'Within appetite',
  amber: 'Within; interval crosses',
  red: 'Breach',
  unknown: 'Cannot judge',
};

/** The key figures, then every figure a limit names, in the catalogue's order. */
export function stressFigures(result: Pick<StressResult, 'scenarios'>): string[] {
  const limited = result.scenarios.flatMap((s) => s.verdicts.map((v) => v.figure));
  return orderFigures([...new Set([...STRESS_KEY_FIGURES, ...limited])]);
}

/** One point per run and scenario of this suite in the history (the latest line wins a duplicate). */
export function trendPoints(history: readonly HistoryEntry[], suite: string, figure: string, scenarios: readonly string[]): TrendPoint[] {
  const byKey = new Map<string, TrendPoint>();
  for (const e of history) {
    if (e.suite !== suite || !scenarios.includes(e.scenario)) continue;
    const f = e.headline[figure];
    if (!f || f.mean === null || !Number.isFinite(f.mean)) continue;
    byKey.set(JSON.stringify([e.run, e.scenario]), {
      time: e.timestamp,
      run: e.run,
      scenario: e.scenario,
      mean: f.mean,
      lo: f.ci95?.[0] ?? f.mean,
      hi: f.ci95?.[1] ?? f.mean,
      hash: e.scenarioHash.slice(0, 12),
    });
  }
  return [...byKey.values()].sort((a, b) => a.time.localeCompare(b.time));
}

function badge(verdict: Verdict): SafeHtml {
  return html`<span class="status ${verdict}">${VERDICT_TEXT[verdict]}</span>`;
}

function limitText(v: Pick<StressVerdict, 'figure' | 'bound' | 'limit'>): string {
  return `${v.bound === 'max' ? 'at most' : 'at least'} ${formatLimit(v.limit, figureInfo(v.figure).kind)}`;
}

function valueText(figure: string, value: number | null): string {
  return formatValue(value, figureInfo(figure).kind);
}

function breachLine(b: Breach): SafeHtml {
  const what = b.verdict === 'red' ? `${valueText(b.figure, b.value)}, limit ${limitText(b)}` : `cannot judge against ${limitText(b)}: ${b.reason}`;
  return html`<li data-breach="${b.scenario}:${b.figure}"><strong>${b.scenario}</strong> — ${figureTitle(b.figure)}: ${what}</li>`;
}

function verdictSection(result: StressResult): SafeHtml {
  const all = result.scenarios.flatMap((s) => s.verdicts);
  const count = (k: Verdict) => all.filter((v) => v.verdict === k).length;
  const overall = result.status === 'within' ? worstVerdict(all) : 'red';
  const cards = result.scenarios.map(
    (s) => html`<div class="card ${s.verdicts.length ? s.worst : ''}" data-scenario="${s.name}" data-verdict="${s.worst}">
<div class="label">Scenario</div>
<div class="value">${s.name}</div>
<div class="limit">${s.verdicts.length} limit${s.verdicts.length === 1 ? '' : 's'}: ${s.verdicts.filter((v) => v.verdict === 'red').length} breached</div>
<div>${s.verdicts.length ? badge(s.worst) : html`<span class="note">no limits</span>`}</div>
<div class="note"><a href="${s.report}">run report</a> · <a href="${s.summary}">summary.json</a></div>
</div>`,
  );
  return html`<p class="lead">${badge(overall)} ${result.scenarios.length} scenarios, ${all.length} limits: ${count('green')} within, ${count('amber')} within with the 95% interval crossing the limit, ${count('red')} breached${
    count('unknown') ? `, ${count('unknown')} cannot be judged` : ''
  }. The gate is on the mean: a breach is a mean beyond its limit.</p>
${
  result.breaches.length
    ? html`<h3>Breaches</h3><ul class="breaches">${result.breaches.map(breachLine)}</ul>`
    : html`<p>No limit is breached.</p>`
}
<div class="cards">${cards}</div>`;
}

function cell(s: ScenarioOutcome, figure: string): SafeHtml {
  const stat = s.headline[figure];
  const kind = figureInfo(figure).kind;
  const v = s.verdicts.find((x) => x.figure === figure);
  const text = !stat ? '—' : stat.tail || !stat.ci95 ? formatMean(stat, kind) : `${formatMean(stat, kind)} (${formatRange(stat.ci95, kind, stat.mean)})`;
  if (!v) return html`${text}`;
  return html`<span data-verdict="${v.verdict}">${v.verdict === 'red' ? html`<strong>${text}</strong>` : text}</span><br>${badge(v.verdict)} <span class="note">${limitText(v)}</span>`;
}

function sideBySideTable(result: StressResult, figures: readonly string[]): SafeHtml {
  return dataTable({
    caption: 'Mean (95% interval of the mean); limits and verdicts where a limit applies',
    columns: [{ header: 'Figure' }, ...result.scenarios.map((s) => ({ header: s.name, align: 'num' as const }))],
    rows: figures.map((f) => [figureTitle(f), ...result.scenarios.map((s) => cell(s, f))]),
    note: 'VaR figures are statistics across paths and have no interval.',
  });
}

function limitsTable(result: StressResult): SafeHtml {
  const rows = result.scenarios.flatMap((s) =>
    s.verdicts.map((v) => [
      s.name,
      figureTitle(v.figure),
      limitText(v),
      v.source === 'scenario' ? 'scenario file' : v.source === 'suite' ? 'suite' : 'suite, this scenario',
      valueText(v.figure, v.value),
      v.tail ? 'tail figure' : formatRange(v.ci95, figureInfo(v.figure).kind, v.value),
      badge(v.verdict),
      v.reason,
    ]),
  );
  return dataTable({
    caption: 'Every limit of every scenario',
    columns: [
      { header: 'Scenario' },
      { header: 'Figure' },
      { header: 'Limit' },
      { header: 'Set by' },
      { header: 'Mean', align: 'num' },
      { header: '95% interval', align: 'num' },
      { header: 'Verdict' },
      { header: 'Why' },
    ],
    rows,
    note: 'A suite limit overrides the scenario’s own report.appetite; a limit on one suite entry overrides the suite’s.',
  });
}

function runTable(result: StressResult): SafeHtml {
  const p = result.population;
  return keyValueTable('What is needed to reproduce this run', [
    ['Suite', result.suite.name],
    ['Suite file', result.suite.file],
    ['Suite hash', html`<code>${result.suite.hash}</code>`],
    ['Run', result.run.id],
    ['Started', result.run.startedAt],
    ['Finished', result.run.finishedAt],
    ['Resumed after an interruption', result.run.resumed ? 'yes' : 'no'],
    ['limitlab', result.run.version],
    ['Node', result.run.node],
    ['Seed (common to every scenario)', String(p.seed)],
    ['Paths × borrowers', `${formatInteger(p.paths)} × ${formatInteger(p.borrowersPerPath)} (shards of ${formatInteger(p.shardSize)})`],
    ['Horizon', `${formatInteger(p.horizonDays)} days in ${p.stepDays}-day steps`],
    ...result.scenarios.map((s): [string, SafeHtml] => [`Scenario ${s.name}`, html`${s.file} · <code>${s.scenarioHash}</code>`]),
  ]);
}

export interface BuiltStressReport {
  html: string;
  charts: Record<string, VegaSpec>;
  /** vega-lite's warnings by chart; empty when all is well */
  warnings: Record<string, string[]>;
}

/** The chart specs of the report, by chart name (`stress-scenarios`, `trend-<figure>`). */
export function stressChartSpecs(result: StressResult, history: readonly HistoryEntry[]): Record<string, TopLevelSpec> {
  const figures = stressFigures(result);
  const names = result.scenarios.map((s) => s.name);
  const specs: Record<string, TopLevelSpec> = {
    'stress-scenarios': stressScenariosChart(
      figures,
      result.scenarios.map((s) => ({
        name: s.name,
        headline: s.headline,
        limits: Object.fromEntries(s.verdicts.map((v) => [v.figure, { limit: v.limit, verdict: v.verdict }])),
      })),
    ),
  };
  for (const f of figures) {
    const limits: TrendLimit[] = result.scenarios.flatMap((s) => s.verdicts.filter((v) => v.figure === f).map((v) => ({ scenario: s.name, limit: v.limit })));
    specs[`trend-${kebab(f)}`] = stressTrendChart(f, names, trendPoints(history, result.suite.name, f, names), limits);
  }
  return specs;
}

/** The page sections, in reading order. */
export function stressReportSections(result: StressResult, history: readonly HistoryEntry[], chartNames: readonly string[]): PageSection[] {
  const figures = stressFigures(result);
  const runs = new Set(history.filter((e) => e.suite === result.suite.name).map((e) => e.run)).size;
  const trendNames = chartNames.filter((n) => n.startsWith('trend-'));
  return [
    { id: 'verdict', heading: 'Verdict', body: verdictSection(result) },
    {
      id: 'scenarios',
      heading: 'Scenarios side by side',
      body: html`${sideBySideTable(result, figures)}${chartGrid([chartFigure('stress-scenarios', 'SVG: charts/stress-scenarios.svg')])}`,
    },
    { id: 'limits', heading: 'Risk-appetite limits', body: limitsTable(result) },
    {
      id: 'trend',
      heading: 'Across scheduled runs',
      body: html`<p>${runs} run${runs === 1 ? '' : 's'} of suite “${result.suite.name}” in the history. A point is one run’s mean; a changed scenario hash in the tooltip marks a changed scenario.</p>${chartGrid(
        trendNames.map((n) => chartFigure(n, `SVG: charts/${n}.svg`)),
      )}`,
    },
    { id: 'run', heading: 'Run', body: runTable(result) },
  ];
}

export async function buildStressReport(result: StressResult, history: readonly HistoryEntry[]): Promise<BuiltStressReport> {
  const specs = stressChartSpecs(result, history);
  const charts: Record<string, VegaSpec> = {};
  const warnings: Record<string, string[]> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const compiled = compileChart(spec);
    charts[name] = compiled.vega;
    if (compiled.warnings.length) warnings[name] = compiled.warnings;
  }
  const p = result.population;
  const page = await renderPage({
    title: `Stress test: ${result.suite.name}`,
    subtitle: `${result.scenarios.length} scenarios on common random numbers, ${formatInteger(p.paths)} paths × ${formatInteger(p.borrowersPerPath)} borrowers, seed ${p.seed}; run ${result.run.startedAt}${
      result.suite.description ? ` — ${result.suite.description}` : ''
    }`,
    sections: stressReportSections(result, history, Object.keys(specs)),
    charts,
    footer: `limitlab ${result.run.version} · suite hash ${result.suite.hash} · run ${result.run.id} · verdicts in stress.json`,
  });
  return { html: page, charts, warnings };
}

/** Writes `dir/report.html` and `dir/charts/<name>.svg`, each atomically. */
export async function writeStressReport(result: StressResult, history: readonly HistoryEntry[], dir: string): Promise<ReportFiles> {
  return writeReportFiles(await buildStressReport(result, history), inFolder(dir));
}
