/**
 * The report of a sweep, built from sweep.json alone: the grid's trade-off, each
 * point's change from the reference point (common random numbers), the paths
 * over time, every figure by grid point, the manifests.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Sweep } from '../compare/types.js';
import { forestChart } from './charts/compare-forest.js';
import { seriesDefaultRateChart, seriesExposureChart, seriesFreezeEventsChart } from './charts/compare-series.js';
import { tradeoffChart } from './charts/compare-tradeoff.js';
import {
  type BuiltReport,
  compileAll,
  crnLine,
  deltasTable,
  keyChangesTable,
  manifestsSection,
  notesBlock,
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
export type SweepChartName = (typeof SWEEP_CHARTS)[number];

function others(s: Sweep) {
  return s.rows.filter((r) => r.point !== s.reference).map((r) => ({ label: r.label, figures: r.differenceFromReference }));
}

export function sweepChartSpecs(s: Sweep): Record<SweepChartName, TopLevelSpec> {
  const labels = s.rows.map((r) => r.label);
  const ref = s.rows[s.reference]!.label;
  const series = s.runs.map((r, i) => ({ label: r.label, timeSeries: r.timeSeries, stepDays: r.manifest.stepDays, reference: i === s.reference }));
  // The reference first in the trade-off's points, then the others in grid order, so colours follow the rows.
  const points = tradeoffPoints({ label: ref, figures: s.rows[s.reference]!.differenceFromReference }, others(s));
  const ordered = labels.map((l) => points.find((p) => p.label === l)!);
  return {
    'sweep-tradeoff': tradeoffChart({
      title: 'Trade-off across the grid',
      subtitle: [
        `One point per grid point${s.grid.length === 1 ? ', joined in grid order' : ''}. Bars: 95% interval of the paired change from ${ref} (the reference), drawn around each point; the reference has none.`,
      ],
      points: ordered,
      reference: ref,
      colourOrder: labels,
      connect: s.grid.length === 1,
    }),
    'sweep-forest': forestChart({
      title: `Change from ${ref}, with 95% intervals`,
      subtitle: 'Each panel is one figure in its own unit; a dot per grid point at its mean paired change, the bar its 95% interval. Filled dot: the interval excludes zero.',
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
  return dataTable({
    caption: 'Every figure by grid point: mean (95% interval of the mean)',
    columns: [{ header: 'Figure' }, ...s.rows.map((r) => ({ header: r.label, align: 'num' as const }))],
    rows: names.map((n) => {
      const { kind } = figureInfo(n);
      return [
        figureTitle(n),
        ...s.rows.map((r) => {
          const st = r.figures[n];
          if (!st) return '—';
          return st.tail || !st.ci95 ? formatMean(st, kind) : `${formatMean(st, kind)} (${formatRange(st.ci95, kind, st.mean)})`;
        }),
      ];
    }),
    note: 'Intervals of levels include the noise every grid point shares; the changes from the reference (below) are paired and far narrower.',
  });
}

export function sweepReportSections(s: Sweep): PageSection[] {
  const fig = (name: SweepChartName) => chartFigure(name, `SVG: charts/${name}.svg`);
  const ref = s.rows[s.reference]!.label;
  const alts = others(s);
  return [
    {
      id: 'summary',
      heading: 'What was swept',
      body: html`${crnLine(s.differentPopulation, s.runs)}${notesBlock(s.notes)}
<p>Scenario <code>${s.file}</code>, ${formatInteger(s.rows.length)} grid points: ${s.grid.map(
        (g, i) => html`${i ? ' × ' : ''}<code>${g.path}</code> ∈ {${g.values.map((v) => JSON.stringify(v)).join(', ')}}`,
      )}. Reference point: <strong>${ref}</strong>.</p>
${alts.length ? keyChangesTable(ref, alts) : ''}`,
    },
    { id: 'tradeoff', heading: 'Trade-off', body: chartGrid([fig('sweep-tradeoff')]) },
    { id: 'changes', heading: 'Changes from the reference', body: chartGrid([fig('sweep-forest')]) },
    { id: 'over-time', heading: 'Over time', body: chartGrid([fig('sweep-default-rate'), fig('sweep-freeze-events'), fig('sweep-exposure')]) },
    { id: 'levels', heading: 'Every figure by grid point', body: levelsTable(s) },
    {
      id: 'deltas',
      heading: 'Every change from the reference',
      body: html`${alts.map((a) => deltasTable(ref, a.label, a.figures, `${a.label} − ${ref}`))}`,
    },
    { id: 'population', heading: 'Population check', body: populationTable(s.runs) },
    { id: 'manifests', heading: 'Run manifests', body: manifestsSection(s.runs) },
    { id: 'scenarios', heading: 'Scenarios', body: scenariosSection(s.runs) },
  ];
}

export async function buildSweepReport(s: Sweep): Promise<BuiltReport<SweepChartName>> {
  const specs = sweepChartSpecs(s);
  // A one-point grid has nothing to compare: no forest chart.
  if (s.rows.length < 2) delete (specs as Partial<typeof specs>)['sweep-forest'];
  const { charts, warnings } = compileAll(specs);
  const sections = sweepReportSections(s).filter((sec) => s.rows.length >= 2 || sec.id !== 'changes');
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
