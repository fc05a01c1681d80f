/**
 * The report of a sweep, built from sweep.json alone: the grid's trade-off, each
 * point's change from the reference (the scenario as given, or a grid point
 * named with --reference; common random numbers), the paths over time, every
 * figure by grid point, the manifests.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Sweep } from '../compare/types.js';
import { forestChart } from './charts/compare-forest.js';
import { seriesDefaultRateChart, seriesExposureChart, seriesFreezeEventsChart } from './charts/compare-series.js';
import { tradeoffChart } from './charts/compare-tradeoff.js';
import {
  AXIS_RULE_NOTE,
  type BuiltReport,
  compileAll,
  crnLine,
  deltasTable,
  forestSubtitle,
  goodCustomerTradeoff,
  keyChangesTable,
  manifestsSection,
  notesBlock,
  percentText,
  populationTable,
  scenariosSection,
  tradeoffPoints,
  writeBuilt,
} from './compare-report.js';
import { html } from './escape.js';
import { figureInfo, figureTitle, orderFigures } from './figures.js';
import { formatInteger, formatMean, formatRange } from './format.js';
import { type PageSection, chartFigure, chartGrid, renderPage } from './html.js';
import { dataTable } from './tables.js';

export const SWEEP_CHARTS = ['sweep-tradeoff', 'sweep-forest', 'sweep-default-rate', 'sweep-freeze-events', 'sweep-exposure'] as const;
/** Charts drawn only when the summaries carry model v2's figures. */
export const SWEEP_V2_CHARTS = ['sweep-tradeoff-good-customers'] as const;
export type SweepChartName = (typeof SWEEP_CHARTS)[number] | (typeof SWEEP_V2_CHARTS)[number];

/** Every grid point but the reference, with its changes from the reference. */
function others(s: Sweep) {
  return s.rows.filter((r) => r.point !== s.reference.point).map((r) => ({ label: r.label, figures: r.differenceFromReference }));
}

/** Run labels in colour order: the reference first when it is not a grid point, then the grid in order. */
function colourOrder(s: Sweep): string[] {
  const rows = s.rows.map((r) => r.label);
  return s.reference.point === null ? [s.reference.label, ...rows] : rows;
}

export function sweepChartSpecs(s: Sweep): Partial<Record<SweepChartName, TopLevelSpec>> {
  const labels = colourOrder(s);
  const ref = s.reference.label;
  const series = s.runs.map((r, i) => ({ label: r.label, timeSeries: r.timeSeries, stepDays: r.manifest.stepDays, reference: i === s.reference.run }));
  // The reference first in the trade-off's points, then the others in grid order, so colours follow the rows.
  // (Every row's `base` is the reference's value, so any row gives the reference's levels.)
  const points = tradeoffPoints({ label: ref, figures: s.rows[0]?.differenceFromReference }, others(s));
  // A reference that is not a grid point stays off the line joining the grid in order.
  const ordered = labels.map((l) => points.find((p) => p.label === l)!).map((p) => (s.reference.point === null && p.label === ref ? { ...p, onLine: false } : p));
  const tradeoff = {
    subtitle: [
      `One point per grid point${s.grid.length === 1 ? ', joined in grid order' : ''}. Bars: 95% interval of the paired change from ${ref} (the reference), drawn around each point; the reference has none${
        s.reference.point === null && s.grid.length === 1 ? ' and, not being a grid point, stays off the line' : ''
      }.`,
      AXIS_RULE_NOTE,
    ],
    points: ordered,
    reference: ref,
    colourOrder: labels,
    connect: s.grid.length === 1,
  };
  const good = goodCustomerTradeoff(tradeoff);
  return {
    'sweep-tradeoff': tradeoffChart({ ...tradeoff, title: 'Trade-off across the grid' }),
    ...(good ? { 'sweep-tradeoff-good-customers': good } : {}),
    'sweep-forest': forestChart({
      title: `Change from ${ref}, with 95% intervals`,
      subtitle: forestSubtitle('grid point', s.materiality),
      reference: ref,
      items: others(s),
      colourOrder: labels,
    }),
    'sweep-default-rate': seriesDefaultRateChart(series),
    'sweep-freeze-events': seriesFreezeEventsChart(series),
    'sweep-exposure': seriesExposureChart(series),
  };
}

/** Every headline figure (mean and 95% interval) by grid point. */
function levelsTable(s: Sweep) {
  const names = orderFigures([...new Set(s.rows.flatMap((r) => Object.keys(r.figures)))]);
  const columns = [...(s.reference.point === null ? [{ label: s.reference.label, figures: s.runs[s.reference.run]!.headline }] : []), ...s.rows];
  return dataTable({
    caption: 'Every figure by grid point: mean (95% interval of the mean)',
    columns: [{ header: 'Figure' }, ...columns.map((r) => ({ header: r.label, align: 'num' as const }))],
    rows: names.map((n) => {
      const { kind } = figureInfo(n);
      return [
        figureTitle(n),
        ...columns.map((r) => {
          const st = r.figures[n];
          if (!st) return '—';
          return st.tail || !st.ci95 ? formatMean(st, kind) : `${formatMean(st, kind)} (${formatRange(st.ci95, kind, st.mean)})`;
        }),
      ];
    }),
    note: 'Intervals of levels include the noise every grid point shares; the changes from the reference (below) are paired and far narrower.',
  });
}

/** Where the changes are measured from, in words. */
function referenceText(s: Sweep) {
  const r = s.reference;
  if (r.source === 'point') return html`the grid point <strong>${r.label}</strong> (named with <code>--reference</code>)`;
  if (r.source === 'run') return html`<strong>${r.label}</strong>, the first of the runs given`;
  if (r.point !== null) return html`the scenario as given, which is the grid point <strong>${r.label}</strong>`;
  return html`the scenario as given, <strong>${r.label}</strong>, run on the same seed as an extra point (name a grid point with <code>--reference</code> to measure from it instead)`;
}

export function sweepReportSections(s: Sweep, charts: readonly string[] = SWEEP_CHARTS): PageSection[] {
  const fig = (name: SweepChartName) => chartFigure(name, `SVG: charts/${name}.svg`, { wide: name.includes('tradeoff') });
  const ref = s.reference.label;
  const alts = others(s);
  return [
    {
      id: 'summary',
      heading: 'What was swept',
      body: html`${crnLine(s.differentPopulation, s.runs)}${notesBlock(s.notes)}
<p>${s.runs.some((r) => r.file !== s.file) ? 'Finished runs' : 'Scenario'} <code>${s.file}</code>, ${formatInteger(s.rows.length)} grid points: ${s.grid.map(
        (g, i) => html`${i ? ' × ' : ''}<code>${g.path}</code> ∈ {${g.values.map((v) => JSON.stringify(v)).join(', ')}}`,
      )}. Every change is measured from ${referenceText(s)}; a change is material when its 95% interval excludes zero and it is at least ${percentText(s.materiality)} of the reference value.</p>
${alts.length ? keyChangesTable(ref, alts, s.materiality) : ''}`,
    },
    {
      id: 'tradeoff',
      heading: 'Trade-off',
      body: chartGrid([fig('sweep-tradeoff'), ...(charts.includes('sweep-tradeoff-good-customers') ? [fig('sweep-tradeoff-good-customers')] : [])]),
    },
    { id: 'changes', heading: 'Changes from the reference', body: chartGrid([fig('sweep-forest')]) },
    { id: 'over-time', heading: 'Over time', body: chartGrid([fig('sweep-default-rate'), fig('sweep-freeze-events'), fig('sweep-exposure')]) },
    { id: 'levels', heading: 'Every figure by grid point', body: levelsTable(s) },
    {
      id: 'deltas',
      heading: 'Every change from the reference',
      body: html`${alts.map((a) => deltasTable(ref, a.label, a.figures, `${a.label} − ${ref}`, s.materiality))}`,
    },
    { id: 'population', heading: 'Population check', body: populationTable(s.runs) },
    { id: 'manifests', heading: 'Run manifests', body: manifestsSection(s.runs) },
    { id: 'scenarios', heading: 'Scenarios', body: scenariosSection(s.runs) },
  ];
}

export async function buildSweepReport(s: Sweep): Promise<BuiltReport<SweepChartName>> {
  const specs = sweepChartSpecs(s);
  // Nothing but the reference to compare (a one-point grid measured from its point): no forest chart.
  const compared = others(s).length > 0;
  if (!compared) delete specs['sweep-forest'];
  const { charts, warnings } = compileAll(specs);
  const sections = sweepReportSections(s, Object.keys(charts)).filter((sec) => compared || sec.id !== 'changes');
  const m = s.runs[0]!.manifest;
  const page = await renderPage({
    title: `Sweep: ${s.grid.map((g) => g.path).join(' × ')} on ${m.scenario.name}`,
    subtitle: `${formatInteger(s.rows.length)} grid points, each ${formatInteger(m.paths)} paths × ${formatInteger(m.borrowersPerPath)} borrowers over ${formatInteger(m.horizonDays)} days; seed ${m.seed}; ${
      s.differentPopulation ? 'population parameters differ (extra noise)' : 'common random numbers'
    }`,
    sections,
    charts,
    footer: `limitlab ${m.version} · sweep schema ${s.schemaVersion} · ${s.file}`,
  });
  return { html: page, charts, warnings };
}

/** Writes `dir/report.html` and `dir/charts/<name>.svg` for a sweep. */
export async function writeSweepReport(s: Sweep, dir: string): Promise<{ html: string; svgs: string[] }> {
  return writeBuilt(await buildSweepReport(s), dir);
}
