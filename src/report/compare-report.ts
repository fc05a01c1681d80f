/**
 * The report of a comparison, built from comparison.json alone:
 * comparison → chart specs (Vega-Lite) → compiled (Vega) → page sections → HTML,
 * and the same compiled specs → SVG files in charts/.
 *
 * Reading order: what was compared and whether the runs share their luck; the
 * changes with their intervals (forest); the trade-off; the paths over time;
 * every figure's change; the population check; the manifests.
 */
import type { TopLevelSpec } from 'vega-lite';
import { stringify } from 'yaml';
import { formatChange, formatDeltaRange, formatFactor, formatRelative } from '../compare/format.js';
import { POPULATION_FIELDS } from '../compare/population.js';
import { MAIN_FIGURES } from '../compare/text.js';
import { type Comparison, type FigureDelta, type RunRecord, isTailDelta } from '../compare/types.js';
import { formatFieldPath } from '../scenario/field-path.js';
import { forestChart } from './charts/compare-forest.js';
import { seriesDefaultRateChart, seriesExposureChart, seriesFreezeEventsChart } from './charts/compare-series.js';
import { GOOD_CUSTOMER_TRADEOFF, type Level, TRADEOFF_FIGURES, type TradeoffPoint, hasTradeoff, tradeoffChart } from './charts/compare-tradeoff.js';
import { type SafeHtml, html } from './escape.js';
import { figureInfo, figureTitle } from './figures.js';
import { formatDuration, formatInteger, formatLimit, formatValue } from './format.js';
import { type PageSection, chartFigure, chartGrid, renderPage } from './html.js';
import { dataTable, keyValueTable } from './tables.js';
import { type VegaSpec, compileChart } from './vega.js';
import { type ReportFiles, inFolder, writeReportFiles } from './write-files.js';

export const COMPARE_CHARTS = ['compare-forest', 'compare-tradeoff', 'compare-default-rate', 'compare-freeze-events', 'compare-exposure'] as const;
/** Charts drawn only when the summaries carry model v2's figures. */
export const COMPARE_V2_CHARTS = ['compare-tradeoff-good-customers'] as const;
export type CompareChartName = (typeof COMPARE_CHARTS)[number] | (typeof COMPARE_V2_CHARTS)[number];

// ---------------------------------------------------------------------------
// Pieces shared with the sweep report

/** A figure's level at a run, with the bar of its paired change from the reference (none at the reference). */
export function levelOf(d: FigureDelta | undefined, atReference: boolean): Level | null {
  if (!d) return null;
  if (atReference) return d.base === null ? null : { value: d.base, lo: d.base, hi: d.base };
  if (d.alternative === null) return null;
  if (isTailDelta(d) || !d.ci95 || d.difference === null) return { value: d.alternative, lo: d.alternative, hi: d.alternative };
  return { value: d.alternative, lo: d.alternative + (d.ci95[0] - d.difference), hi: d.alternative + (d.ci95[1] - d.difference) };
}

/**
 * Trade-off points: the reference (its level, from any of its deltas' `base`),
 * then each run with its changes from it.
 */
export function tradeoffPoints(
  reference: { label: string; figures: Readonly<Record<string, FigureDelta>> | undefined },
  items: readonly { label: string; figures: Readonly<Record<string, FigureDelta>> }[],
): TradeoffPoint[] {
  const figures = TRADEOFF_FIGURES;
  const ref: TradeoffPoint = { label: reference.label, levels: Object.fromEntries(figures.map((f) => [f, levelOf(reference.figures?.[f], true)])) };
  return [ref, ...items.map((i) => ({ label: i.label, levels: Object.fromEntries(figures.map((f) => [f, levelOf(i.figures[f], false)])) }))];
}

/** A change's verdict as a page shows it: a star for a material change, a muted word for an immaterial one. */
export function verdictHtml(d: FigureDelta, long = false): SafeHtml | string {
  if (isTailDelta(d)) return long ? 'tail figure' : '';
  switch (d.verdict) {
    case 'material':
      return html`<strong class="verdict material" data-distinguishable="true" data-verdict="material">${long ? 'material ✱' : '✱'}</strong>`;
    case 'immaterial':
      return html`<span class="verdict immaterial" data-distinguishable="true" data-verdict="immaterial">immaterial</span>`;
    case 'not distinguishable':
      return long ? 'no: the interval includes zero' : '';
    default:
      return long ? '—' : '';
  }
}

/** Cells of one figure's change: reference, run, change, relative change, interval, verdict, factor. */
export function deltaCells(d: FigureDelta, figure: string): (string | SafeHtml)[] {
  const { kind } = figureInfo(figure);
  const base = formatValue(d.base, kind);
  const alt = formatValue(d.alternative, kind);
  const relative = formatRelative(d.relative);
  if (isTailDelta(d)) return [base, alt, formatChange({ ...d, relative: null }, kind), relative, 'none (tail figure)', verdictHtml(d, true), '—'];
  const change = d.difference === null ? `n/a${d.reason ? ` (${d.reason})` : ''}` : formatChange({ ...d, relative: null }, kind);
  const factor = d.varianceReduction === null ? html`<span title="${d.varianceReductionReason ?? ''}">—</span>` : formatFactor(d.varianceReduction);
  return [base, alt, change, relative, d.ci95 ? formatDeltaRange(d, kind) : (d.reason ?? '—'), verdictHtml(d, true), factor];
}

export const DELTA_COLUMNS = (reference: string, run: string) =>
  [
    { header: 'Figure' },
    { header: reference, align: 'num' },
    { header: run, align: 'num' },
    { header: 'Change', align: 'num' },
    { header: `Relative to ${reference}`, align: 'num' },
    { header: '95% interval of the change', align: 'num' },
    { header: 'Verdict' },
    { header: 'CRN variance reduction', align: 'num' },
  ] as const;

export const DELTA_NOTE = (materiality: number): string =>
  'Change: mean over paths of the per-path difference (run − reference); changes of shares are in percentage points (pp). ' +
  'Relative: the change as a share of the reference value. ' +
  `The 95% interval is the change ± 1.96 standard errors of the paired differences. Material (✱): the interval excludes zero and the change is at least ${percentText(materiality)} of the reference value; ` +
  'immaterial: the interval excludes zero but the change is smaller than that. ' +
  'CRN variance reduction: (var A + var B) / var(A − B) across paths, how many times more paths two independent runs would need for the same precision. ' +
  'A dash: no factor, because the change is the same in every path (var(A − B) = 0, as for a policy that does not touch the figure) or too few paths; the JSON file gives the reason. ' +
  'VaR and expected shortfall are statistics across paths with no per-path value: both values and their difference, no interval.';

/** One table per run of every figure's change from the reference. */
export function deltasTable(reference: string, label: string, figures: Readonly<Record<string, FigureDelta>>, caption: string, materiality: number): SafeHtml {
  return dataTable({
    caption,
    columns: DELTA_COLUMNS(reference, label),
    rows: Object.entries(figures).map(([name, d]) => [figureTitle(name), ...deltaCells(d, name)]),
    note: DELTA_NOTE(materiality),
  });
}

/** The materiality as a percentage without padding zeros: 0.01 → "1%", 0.025 → "2.5%". */
export function percentText(fraction: number): string {
  return formatLimit(fraction, 'share');
}

/** What the runs have in common, and one row per run with what identifies it. */
export function manifestsSection(runs: readonly RunRecord[]): SafeHtml {
  const m = runs[0]!.manifest;
  // Runs compared from their summaries may come from several machines (or, when allowed, versions): each distinct value once.
  const each = (value: (x: RunRecord['manifest']) => string): string => [...new Set(runs.map((r) => value(r.manifest)))].join(', ');
  const shared = keyValueTable('What every run shares', [
    ['limitlab version', each((x) => x.version)],
    ['Node', each((x) => x.node)],
    ['Packages', Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(', ') || '—'],
    ['Host', each((x) => x.execution.host)],
  ]);
  const perRun = dataTable({
    caption: 'Run manifests: what is needed to reproduce each run',
    columns: [
      { header: 'Run' },
      { header: 'Scenario file', align: 'code' },
      { header: 'Scenario hash (sha256 of the resolved scenario)', align: 'code' },
      { header: 'Seed', align: 'num' },
      { header: 'Paths × borrowers', align: 'num' },
      { header: 'Steps', align: 'num' },
      { header: 'Elapsed', align: 'num' },
      { header: 'Run date' },
    ],
    rows: runs.map((r) => {
      const x = r.manifest;
      return [
        r.label,
        r.file,
        x.scenarioHash,
        String(x.seed),
        `${formatInteger(x.paths)} × ${formatInteger(x.borrowersPerPath)}`,
        `${formatInteger(x.steps)} × ${x.stepDays} d`,
        `${formatDuration(x.execution.elapsedSeconds)} on ${x.execution.workers} worker${x.execution.workers === 1 ? '' : 's'}`,
        x.execution.date,
      ];
    }),
  });
  return html`${shared}${perRun}`;
}

/** Each run's resolved scenario, folded away. */
export function scenariosSection(runs: readonly RunRecord[]): SafeHtml {
  return html`${runs.map(
    (r) => html`<details><summary>${r.label}: the resolved scenario (YAML, as simulated)</summary><pre>${stringify(r.manifest.scenario)}</pre></details>`,
  )}`;
}

function shortValue(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The population parameters of each run, side by side: equal rows are what common random numbers need. */
export function populationTable(runs: readonly RunRecord[]): SafeHtml {
  const rows = POPULATION_FIELDS.map((field) => {
    const values = runs.map((r) => {
      let cur: unknown = r.manifest.scenario;
      for (const part of field) cur = (cur as Record<string | number, unknown> | undefined)?.[part];
      return cur;
    });
    const same = values.every((v) => JSON.stringify(v) === JSON.stringify(values[0]));
    return [formatFieldPath(field), ...values.map(shortValue), same ? 'same' : html`<strong>differs</strong>`];
  });
  return dataTable({
    caption: 'Population parameters (docs/compare.md, "The population rule"): equal in every run for the runs to share their random numbers',
    columns: [{ header: 'Field', align: 'code' }, ...runs.map((r) => ({ header: r.label, align: 'code' as const })), { header: 'Across runs' }],
    rows,
  });
}

export function notesBlock(notes: readonly string[]): SafeHtml {
  return html`${notes.map((n) => html`<p class="lead warning" data-note="population"><strong>Note:</strong> ${n}.</p>`)}`;
}

export function crnLine(differentPopulation: boolean, runs: readonly RunRecord[]): SafeHtml {
  const m = runs[0]!.manifest;
  const size = `${formatInteger(m.paths)} paths × ${formatInteger(m.borrowersPerPath)} borrowers, ${formatInteger(m.horizonDays)} days, seed ${m.seed}`;
  return differentPopulation
    ? html`<p class="lead">Runs of ${size} (base). <strong>Population parameters differ</strong>: the runs do not share their borrowers and luck, so the differences below carry the extra noise of independent runs.</p>`
    : html`<p class="lead">Every run simulates the same ${size}: the same borrowers, the same economy and the same luck (common random numbers). Each change is measured path by path, so the noise both runs share cancels.</p>`;
}

/** The main changes of each run, one row per figure and one column group per run. */
export function keyChangesTable(
  reference: string,
  items: readonly { label: string; figures: Readonly<Record<string, FigureDelta>> }[],
  materiality: number,
): SafeHtml {
  const names = MAIN_FIGURES.map((f) => f.figure).filter((f) => items.some((i) => i.figures[f]));
  const first = items[0];
  return dataTable({
    caption: `Main changes from ${reference}, with their size relative to it and their 95% intervals`,
    columns: [{ header: 'Figure' }, { header: reference, align: 'num' }, ...items.map((i) => ({ header: i.label, align: 'num' as const }))],
    rows: names.map((name) => {
      const { kind } = figureInfo(name);
      const ref = first?.figures[name];
      return [
        figureTitle(name),
        formatValue(ref?.base, kind),
        ...items.map((i) => {
          const d = i.figures[name];
          if (!d) return '—';
          if (isTailDelta(d)) return `${formatChange(d, kind)} (tail, no interval)`;
          if (d.difference === null) return '—';
          const mark = verdictHtml(d);
          return html`${formatChange(d, kind)}${mark ? html` ${mark}` : ''} <span class="interval">(${formatDeltaRange(d, kind)})</span>`;
        }),
      ];
    }),
    note:
      `✱ material: the 95% interval excludes zero and the change is at least ${percentText(materiality)} of ${reference}'s value; ` +
      'immaterial: the interval excludes zero but the change is smaller. Changes of shares in percentage points (pp); in brackets after the change, its size relative to the reference value. ' +
      'Every figure, with the variance-reduction factor, is in the tables further down.',
  });
}

export interface BuiltReport<Name extends string> {
  html: string;
  charts: Record<Name, VegaSpec>;
  /** vega-lite's warnings, by chart; empty when all is well */
  warnings: Partial<Record<Name, string[]>>;
}

export function compileAll<Name extends string>(specs: Partial<Record<Name, TopLevelSpec>>): Pick<BuiltReport<Name>, 'charts' | 'warnings'> {
  const charts = {} as Record<Name, VegaSpec>;
  const warnings: Partial<Record<Name, string[]>> = {};
  for (const name of Object.keys(specs) as Name[]) {
    const spec = specs[name];
    if (!spec) continue;
    const compiled = compileChart(spec);
    charts[name] = compiled.vega;
    if (compiled.warnings.length) warnings[name] = compiled.warnings;
  }
  return { charts, warnings };
}

/** Writes `dir/report.html` and `dir/charts/<name>.svg`, each atomically. */
export function writeBuilt(built: BuiltReport<string>, dir: string): Promise<ReportFiles> {
  return writeReportFiles(built, inFolder(dir));
}

// ---------------------------------------------------------------------------
// The comparison

/** What the forest chart's subtitle says about its marks. */
export function forestSubtitle(what: string, materiality: number): string {
  return (
    `Each panel is one figure in its own unit; a dot per ${what} at its mean paired change, the bar its 95% interval. ` +
    `Grey band: changes smaller than ${percentText(materiality)} of the reference value. Black dot: material (the interval excludes zero, the change is outside the band); ` +
    'grey dot: distinguishable from zero but immaterial; open dot: the interval includes zero. Changes of shares in percentage points.'
  );
}

/** What the trade-off's subtitle says about its axes. */
export const AXIS_RULE_NOTE = 'Each axis spans at least 10% of the reference value, so differences too small to matter look small.';

/** The good-customer trade-off (model v2), when the points carry its figures. */
export function goodCustomerTradeoff(input: Omit<Parameters<typeof tradeoffChart>[0], 'axes' | 'title'>): TopLevelSpec | undefined {
  if (!hasTradeoff(input.points, GOOD_CUSTOMER_TRADEOFF)) return undefined;
  return tradeoffChart({ ...input, title: 'Trade-off: loss and revenue against freezes of good customers', axes: GOOD_CUSTOMER_TRADEOFF });
}

/** Every chart of the comparison report, as Vega-Lite (model v2's only when the summaries carry their figures). */
export function compareChartSpecs(c: Comparison): Partial<Record<CompareChartName, TopLevelSpec>> {
  const labels = c.runs.map((r) => r.label);
  const series = c.runs.map((r, i) => ({ label: r.label, timeSeries: r.timeSeries, stepDays: r.manifest.stepDays, reference: i === 0 }));
  const tradeoff = {
    subtitle: [
      `One point per policy. Bars: 95% interval of the paired change from ${c.base}, drawn around each policy; ${c.base} has none (its own sampling error moves every point together).`,
      AXIS_RULE_NOTE,
    ],
    points: tradeoffPoints({ label: c.base, figures: c.alternatives[0]?.figures }, c.alternatives),
    reference: c.base,
    colourOrder: labels,
    connect: false,
  };
  const good = goodCustomerTradeoff(tradeoff);
  return {
    'compare-forest': forestChart({
      title: `Change from ${c.base}, with 95% intervals`,
      subtitle: forestSubtitle('policy', c.materiality),
      reference: c.base,
      items: c.alternatives,
      colourOrder: labels,
    }),
    'compare-tradeoff': tradeoffChart({ ...tradeoff, title: 'Trade-off: credit risk and revenue against freezes' }),
    ...(good ? { 'compare-tradeoff-good-customers': good } : {}),
    'compare-default-rate': seriesDefaultRateChart(series),
    'compare-freeze-events': seriesFreezeEventsChart(series),
    'compare-exposure': seriesExposureChart(series),
  };
}

/** The page sections of a comparison report, in reading order. */
export function compareReportSections(c: Comparison, charts: readonly string[] = COMPARE_CHARTS): PageSection[] {
  const fig = (name: CompareChartName) => chartFigure(name, `SVG: charts/${name}.svg`, { wide: name.includes('tradeoff') });
  return [
    {
      id: 'summary',
      heading: 'What was compared',
      body: html`${crnLine(c.differentPopulation, c.runs)}${notesBlock(c.notes)}
<p>Base: <strong>${c.base}</strong> (${c.runs[0]!.file}). Alternatives: ${c.alternatives.map((a, i) => html`${i ? ', ' : ''}<strong>${a.label}</strong> (${c.runs[i + 1]!.file})`)}.</p>
${keyChangesTable(c.base, c.alternatives, c.materiality)}`,
    },
    { id: 'changes', heading: 'Changes with their intervals', body: chartGrid([fig('compare-forest')]) },
    {
      id: 'tradeoff',
      heading: 'Trade-off',
      body: chartGrid([fig('compare-tradeoff'), ...(charts.includes('compare-tradeoff-good-customers') ? [fig('compare-tradeoff-good-customers')] : [])]),
    },
    {
      id: 'over-time',
      heading: 'Over time',
      body: chartGrid([fig('compare-default-rate'), fig('compare-freeze-events'), fig('compare-exposure')]),
    },
    {
      id: 'deltas',
      heading: 'Every figure',
      body: html`${c.alternatives.map((a) => deltasTable(c.base, a.label, a.figures, `${a.label} − ${c.base}`, c.materiality))}`,
    },
    { id: 'population', heading: 'Population check', body: populationTable(c.runs) },
    { id: 'manifests', heading: 'Run manifests', body: manifestsSection(c.runs) },
    { id: 'scenarios', heading: 'Scenarios', body: scenariosSection(c.runs) },
  ];
}

/** The comparison report as HTML text, with its compiled charts. */
export async function buildCompareReport(c: Comparison): Promise<BuiltReport<CompareChartName>> {
  const { charts, warnings } = compileAll(compareChartSpecs(c));
  const m = c.runs[0]!.manifest;
  const page = await renderPage({
    title: `Comparison: ${c.alternatives.map((a) => a.label).join(', ')} against ${c.base}`,
    subtitle: `${formatInteger(m.paths)} paths × ${formatInteger(m.borrowersPerPath)} borrowers over ${formatInteger(m.horizonDays)} days in ${m.stepDays}-day steps; seed ${m.seed}; ${
      c.differentPopulation ? 'population parameters differ (extra noise)' : 'common random numbers'
    }`,
    sections: compareReportSections(c, Object.keys(charts)),
    charts,
    footer: `limitlab ${m.version} · comparison schema ${c.schemaVersion} · ${c.runs.map((r) => `${r.label} ${r.manifest.scenarioHash.slice(0, 12)}`).join(' · ')}`,
  });
  return { html: page, charts, warnings };
}

/** Writes `dir/report.html` and `dir/charts/<name>.svg` for a comparison. */
export async function writeCompareReport(c: Comparison, dir: string): Promise<{ html: string; svgs: string[] }> {
  return writeBuilt(await buildCompareReport(c), dir);
}
