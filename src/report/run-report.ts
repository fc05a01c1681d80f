/**
 * The report of one run, built from summary.json alone:
 * summary → chart specs (Vega-Lite) → compiled (Vega) → page sections → HTML,
 * and the same compiled specs → SVG files.
 */
import { stringify } from 'yaml';
import { FREEZE_CAUSES, REQUEST_OUTCOMES, RESTRICTION_CAUSES, type Stat, type Summary } from '../results/types.js';
import { type AppetiteVerdict, LOW_EFFECTIVE_SAMPLE_SIZE, appetiteVerdicts, worstVerdict } from '../results/appetite.js';
import { type RunChartName, runChartSpecs } from './charts/index.js';
import { type SafeHtml, html } from './escape.js';
import { CAUSE_LABELS, OUTCOME_LABELS, figureInfo, figureTitle, orderFigures } from './figures.js';
import { freezeQualitySection } from './freeze-quality.js';
import { formatDuration, formatInteger, formatLimit, formatMean, formatPercent, formatRange, formatValue, statScale } from './format.js';
import { type PageSection, chartFigure, chartGrid, renderPage } from './html.js';
import { STAT_COLUMNS, dataTable, keyValueTable, statCells } from './tables.js';
import { type VegaSpec, compileChart } from './vega.js';
import { type ReportFiles, inFolder, writeReportFiles } from './write-files.js';
import { tailMessages } from '../messages.js';
import { pathsNeeded } from '../results/tail.js';

/** The figures the executive summary shows, when the summary has them. */
const KEY_FIGURES = [
  'annualDefaultRate',
  'lossRate',
  'lossRateVaR99',
  'lossRateES99',
  'freezeEventsPer1000AccountMonths',
  'holdsPer1000AccountMonths',
  'everRestrictedShare',
  'frozenDaysPerAccountYear',
  'riskAdjustedRevenueRate',
];

const TAIL_LEVELS = [
  ['95', '95%', 0.95],
  ['99', '99%', 0.99],
  ['999', '99.9%', 0.999],
] as const;

const VERDICT_TEXT = {
  green: 'Within appetite',
  amber: 'Interval crosses the limit',
  red: 'Breach',
  unknown: 'Cannot judge',
} as const;

function statusBadge(verdict: AppetiteVerdict['verdict']): SafeHtml {
  return html`<span class="status ${verdict}">${VERDICT_TEXT[verdict]}</span>`;
}

function limitText(v: AppetiteVerdict): string {
  const kind = figureInfo(v.figure).kind;
  return `${v.bound === 'max' ? 'at most' : 'at least'} ${formatLimit(v.limit, kind)}`;
}

function appetiteCards(verdicts: readonly AppetiteVerdict[]): SafeHtml {
  return html`<div class="cards">${verdicts.map((v) => {
    const info = figureInfo(v.figure);
    return html`<div class="card ${v.verdict}" data-verdict="${v.verdict}" data-figure="${v.figure}">
<div class="label">${figureTitle(v.figure)}</div>
<div class="value">${formatValue(v.value, info.kind, statScale({ mean: v.value, ci95: v.ci95 }))}</div>
<div class="interval">${v.ci95 ? `95% interval ${formatRange(v.ci95, info.kind, v.value)}` : 'no 95% interval'}</div>
<div class="limit">Appetite: ${limitText(v)}</div>
<div>${statusBadge(v.verdict)}</div>
<div class="note">${v.reason}</div>
</div>`;
  })}</div>`;
}

function overallLine(verdicts: readonly AppetiteVerdict[]): SafeHtml {
  const count = (k: AppetiteVerdict['verdict']) => verdicts.filter((v) => v.verdict === k).length;
  const worst = worstVerdict(verdicts);
  return html`<p>Risk appetite: ${statusBadge(worst)} — ${verdicts.length} limits: ${count('green')} within, ${count('amber')} with the 95% interval crossing the limit, ${count('red')} breached${
    count('unknown') ? `, ${count('unknown')} cannot be judged` : ''
  }.</p>`;
}

/** The product question in one sentence with a number. */
export function preIncreaseSentence(summary: Summary): string {
  const r = summary.requests;
  const total = r.preIncreaseRestriction;
  if (total.mean === null) {
    return `No share of restricted accounts before a limit-increase request could be computed (${total.reason ?? 'no requests'}).`;
  }
  const interval = total.ci95 ? ` (95% interval ${formatRange(total.ci95, 'share', total.mean)})` : '';
  const causes = RESTRICTION_CAUSES.map((c) => ({ c, v: r.preIncreaseRestrictionByCause[c].mean }))
    .filter((x): x is { c: (typeof RESTRICTION_CAUSES)[number]; v: number } => x.v !== null && x.v > 0)
    .sort((a, b) => b.v - a.v);
  const why = causes.length
    ? `; by cause: ${causes.map((x) => `${CAUSE_LABELS[x.c].toLowerCase()} ${formatPercent(x.v)}`).join(', ')} (a request can have several causes)`
    : '';
  return `${formatMean(total, 'share')} of limit-increase requests${interval} came from accounts that were frozen or on a verification hold at some time in the 30 days before the request${why}.`;
}

function keyFiguresTable(summary: Summary): SafeHtml {
  const names = KEY_FIGURES.filter((n) => Object.hasOwn(summary.headline, n));
  return dataTable({
    caption: 'Headline figures (portfolio, across paths)',
    columns: [{ header: 'Figure' }, ...STAT_COLUMNS],
    rows: names.map((n) => [figureTitle(n), ...statCells(summary.headline[n], figureInfo(n).kind)]),
    note: `${estimationNote(summary)} VaR and expected shortfall are statistics of the distribution across paths; their intervals are in the loss tail table.`,
  });
}

function allFiguresTable(summary: Summary): SafeHtml {
  return dataTable({
    columns: [{ header: 'Figure' }, { header: 'Name', align: 'code' }, ...STAT_COLUMNS],
    rows: orderFigures(Object.keys(summary.headline)).map((n) => {
      const stat = summary.headline[n] as Stat;
      return [figureTitle(n), n, ...statCells(stat, figureInfo(n).kind)];
    }),
  });
}

/** How the figures were estimated, in a sentence or two (summaries before `estimation` existed say nothing more). */
function estimationNote(summary: Summary): string {
  const n = summary.manifest.paths;
  const est = summary.estimation;
  const rough = Object.values(summary.headline).some((s) => s.rough)
    ? ` With ${n} paths the intervals use Student-t quantiles and are rough.`
    : '';
  if (est?.method === 'importance sampling') {
    const low = est.effectiveSampleSize < LOW_EFFECTIVE_SAMPLE_SIZE ? ` Warning: ${tailMessages.lowEffectiveSampleSize(est.effectiveSampleSize, est.meanWeight)}.` : '';
    return `Weighted estimates over ${n} paths (${tailMessages.importanceSampling(est.shift, est.effectiveSampleSize, n)}); the 95% interval is mean ± 1.96 standard errors of the weighted mean.${rough}${low}`;
  }
  return `Mean of ${n} paths; the 95% interval is mean ± 1.96 standard errors.${rough}`;
}

/** One cell of the tail table: the value with its interval and paths beyond, or in words why it is not reliable. */
function tailCell(stat: Stat | undefined, kind: 'share' | 'amount', alpha: number): string {
  if (!stat) return '—';
  if (stat.mean === null) return formatMean(stat, kind);
  if (stat.unreliable) return tailMessages.unreliable(stat.beyond ?? 0, pathsNeeded(alpha));
  const interval = stat.ci95 ? `95% interval ${formatRange(stat.ci95, kind, stat.mean)}` : stat.reason ? `no interval: ${stat.reason}` : 'no interval';
  // a summary written before tail intervals existed has no `beyond`
  return `${formatMean(stat, kind)} (${interval}${stat.beyond === undefined ? '' : `; ${tailMessages.beyond(stat.beyond)}`})`;
}

function tailTable(summary: Summary): SafeHtml {
  const h = summary.headline;
  const rows = TAIL_LEVELS.flatMap(([key, level, alpha]) =>
    (['VaR', 'ES'] as const).map((m) => [
      `${m === 'VaR' ? 'Value-at-risk' : 'Expected shortfall'} ${level}`,
      tailCell(h[`lossRate${m}${key}`], 'share', alpha),
      tailCell(h[`lossAmount${m}${key}`], 'amount', alpha),
    ]),
  );
  const est = summary.estimation;
  const method = est
    ? ` Intervals: VaR by ${est.intervals.var}; ES by ${est.intervals.es}.`
    : '';
  const is = est?.method === 'importance sampling'
    ? ` Importance sampling was on: ${tailMessages.importanceSampling(est.shift, est.effectiveSampleSize, summary.manifest.paths)}.`
    : ' Plain Monte Carlo: a level needs about 10/(1 − α) paths to have 10 beyond its VaR (1 000 for 99%, 10 000 for 99.9%), or importance sampling (docs/tail-risk.md).';
  return dataTable({
    caption: 'Loss tail across paths',
    columns: [{ header: 'Measure' }, { header: 'Loss rate (% of starting balance)', align: 'num' }, { header: 'Loss amount (currency units)', align: 'num' }],
    rows,
    note: `VaR α: the α-quantile of the path losses (across economies, over the horizon); ES α: the mean of the path losses at or above VaR α; "beyond": paths at or beyond the VaR. A level with fewer than 10 paths beyond is not reliable and is not printed as a number.${method}${is}`,
  });
}

function causeTable(summary: Summary): SafeHtml {
  const b = summary.byCause;
  return dataTable({
    caption: 'Freezes by cause',
    columns: [
      { header: 'Cause' },
      { header: 'Events per 1000 account-months', align: 'num' },
      { header: '95% interval', align: 'num' },
      { header: 'Mean length (days)', align: 'num' },
      { header: 'Ended within the horizon', align: 'num' },
    ],
    rows: FREEZE_CAUSES.map((c) => [
      CAUSE_LABELS[c],
      formatMean(b.freezeEventsPer1000AccountMonths[c], 'per1000'),
      formatRange(b.freezeEventsPer1000AccountMonths[c].ci95, 'per1000', b.freezeEventsPer1000AccountMonths[c].mean),
      formatMean(b.meanFreezeDays[c], 'days'),
      formatMean(b.endedShare[c], 'share'),
    ]),
    note: 'A freeze event is counted when an unfrozen account becomes frozen, attributed to the most severe cause firing. Verification holds are restrictions but not freezes.',
  });
}

function outcomesTable(summary: Summary): SafeHtml {
  const r = summary.requests;
  return dataTable({
    caption: 'Limit-increase request outcomes',
    columns: [{ header: 'Outcome' }, { header: 'Requests per path', align: 'num' }, { header: 'Share of requests', align: 'num' }, { header: '95% interval', align: 'num' }],
    rows: [
      ...REQUEST_OUTCOMES.map((o) => [
        OUTCOME_LABELS[o],
        formatMean(r.outcomes[o].count, 'count'),
        formatMean(r.outcomes[o].share, 'share'),
        formatRange(r.outcomes[o].share.ci95, 'share', r.outcomes[o].share.mean),
      ]),
      ['All requests', formatMean(r.count, 'count'), '100%', ''],
    ],
    note: `Requests per account-year: ${formatMean(r.perAccountYear, 'perYear')} (95% interval ${formatRange(r.perAccountYear.ci95, 'perYear', r.perAccountYear.mean)}).`,
  });
}

function preIncreaseTable(summary: Summary): SafeHtml {
  const r = summary.requests;
  return dataTable({
    caption: 'Restricted in the 30 days before a request, by cause',
    columns: [{ header: 'Cause' }, ...STAT_COLUMNS],
    rows: [
      ...RESTRICTION_CAUSES.map((c) => [CAUSE_LABELS[c], ...statCells(r.preIncreaseRestrictionByCause[c], 'share')]),
      ['Any cause', ...statCells(r.preIncreaseRestriction, 'share')],
    ],
    note: "Share of requests whose account was frozen or held at any time in the 30 days before the request (the request's own hold is not counted).",
  });
}

function reviewsTable(summary: Summary): SafeHtml {
  return dataTable({
    caption: 'Periodic limit reviews',
    columns: [{ header: 'Review outcome' }, ...STAT_COLUMNS],
    rows: [
      ['Raises per starting account', ...statCells(summary.reviews.raisesPerAccount, 'perYear')],
      ['Cuts per starting account', ...statCells(summary.reviews.cutsPerAccount, 'perYear')],
    ],
  });
}

function segmentsTable(summary: Summary): SafeHtml {
  const names = orderFigures([...new Set(summary.segments.flatMap((s) => Object.keys(s.headline)))]);
  const cell = (stat: Stat | undefined, kind: ReturnType<typeof figureInfo>['kind']): string =>
    !stat ? '—' : stat.tail || !stat.ci95 ? formatMean(stat, kind) : `${formatMean(stat, kind)} (${formatRange(stat.ci95, kind, stat.mean)})`;
  return dataTable({
    caption: 'Per-segment figures: mean (95% interval)',
    columns: [{ header: 'Figure' }, ...summary.segments.map((s) => ({ header: s.name, align: 'num' as const })), { header: 'Portfolio', align: 'num' }],
    rows: [
      ['Borrowers per path', ...summary.segments.map((s) => formatInteger(s.borrowers)), formatInteger(summary.manifest.borrowersPerPath)],
      ...names.map((n) => {
        const { kind } = figureInfo(n);
        return [
          figureTitle(n),
          ...summary.segments.map((s) => cell(s.headline[n], kind)),
          cell(summary.headline[n], kind),
        ];
      }),
    ],
  });
}

function manifestTable(summary: Summary): SafeHtml {
  const m = summary.manifest;
  const e = m.execution;
  return keyValueTable('Run manifest: what is needed to reproduce this run', [
    ['Scenario', m.scenario.name],
    ['Scenario hash (sha256 of the resolved scenario)', html`<code>${m.scenarioHash}</code>`],
    ['Seed', String(m.seed)],
    ['Paths', formatInteger(m.paths)],
    ['Borrowers per path', formatInteger(m.borrowersPerPath)],
    ['Shards (size)', `${formatInteger(m.shards)} (${formatInteger(m.shardSize)} borrowers)`],
    ['Steps', `${formatInteger(m.steps)} of ${m.stepDays} days (horizon ${formatInteger(m.horizonDays)} days)`],
    ['limitlab version', m.version],
    ['Node', m.node],
    ['Packages', Object.entries(m.packages).map(([k, v]) => `${k} ${v}`).join(', ') || '—'],
    ['Run date', e.date],
    ['Elapsed', `${formatDuration(e.elapsedSeconds)} on ${e.workers} worker${e.workers === 1 ? '' : 's'}`],
    ['Host', e.host],
    ['Balance conservation, max relative error', summary.conservation.maxRelativeError.toExponential(2)],
    [
      'Estimation',
      summary.estimation?.method === 'importance sampling'
        ? tailMessages.importanceSampling(summary.estimation.shift, summary.estimation.effectiveSampleSize, m.paths)
        : 'plain Monte Carlo',
    ],
  ]);
}

/** The page sections of a run report, in reading order. */
export function runReportSections(summary: Summary): PageSection[] {
  const m = summary.manifest;
  const appetite = m.scenario.report?.appetite;
  const verdicts = appetiteVerdicts(summary, appetite);
  const fig = (name: RunChartName, caption?: string) => chartFigure(name, caption ?? `SVG: charts/${name}.svg`);
  return [
    {
      id: 'summary',
      heading: 'Executive summary',
      body: html`${
        verdicts.length
          ? html`${overallLine(verdicts)}${appetiteCards(verdicts)}`
          : html`<p class="note">The scenario sets no risk appetite (<code>report.appetite</code>), so there are no traffic lights.</p>`
      }<p class="lead" id="pre-increase"><strong>Restricted right before a limit increase?</strong> ${preIncreaseSentence(summary)}</p>
${keyFiguresTable(summary)}`,
    },
    {
      id: 'credit',
      heading: 'Defaults and losses',
      body: html`${chartGrid([fig('cumulative-default-rate'), fig('loss-distribution'), fig('exposure')])}${tailTable(summary)}`,
    },
    {
      id: 'freezes',
      heading: 'Freezes and holds',
      body: html`${chartGrid([fig('freeze-events'), fig('freezes-per-borrower')])}${causeTable(summary)}`,
    },
    freezeQualitySection(summary),
    {
      id: 'requests',
      heading: 'Limit-increase requests',
      body: html`${chartGrid([fig('request-outcomes')])}${outcomesTable(summary)}${preIncreaseTable(summary)}`,
    },
    {
      id: 'limits',
      heading: 'Limits and utilisation',
      body: html`${chartGrid([fig('limit-utilisation')])}${reviewsTable(summary)}`,
    },
    {
      id: 'segments',
      heading: 'Segments',
      body: html`${chartGrid([fig('segments')])}${segmentsTable(summary)}`,
    },
    { id: 'figures', heading: 'All headline figures', body: allFiguresTable(summary) },
    { id: 'manifest', heading: 'Run manifest', body: manifestTable(summary) },
    {
      id: 'scenario',
      heading: 'Scenario',
      body: html`<details><summary>The resolved scenario (YAML, as simulated)</summary><pre>${stringify(m.scenario)}</pre></details>`,
    },
  ];
}

export interface BuiltRunReport {
  html: string;
  /** compiled Vega specs by chart name (the freeze-quality charts only when the run had hidden states) */
  charts: Partial<Record<RunChartName, VegaSpec>>;
  /** vega-lite's warnings, by chart; empty when all is well */
  warnings: Partial<Record<RunChartName, string[]>>;
}

/** The run report as HTML text, with its compiled charts. */
export async function buildRunReport(summary: Summary): Promise<BuiltRunReport> {
  const specs = runChartSpecs(summary);
  const charts: BuiltRunReport['charts'] = {};
  const warnings: BuiltRunReport['warnings'] = {};
  for (const [name, spec] of Object.entries(specs) as [RunChartName, NonNullable<(typeof specs)[RunChartName]>][]) {
    const compiled = compileChart(spec);
    charts[name] = compiled.vega;
    if (compiled.warnings.length) warnings[name] = compiled.warnings;
  }
  const m = summary.manifest;
  const description = m.scenario.description ? ` — ${m.scenario.description}` : '';
  const page = await renderPage({
    title: `Run report: ${m.scenario.name}`,
    subtitle: `${formatInteger(m.paths)} paths × ${formatInteger(m.borrowersPerPath)} borrowers over ${formatInteger(m.horizonDays)} days in ${m.stepDays}-day steps; seed ${m.seed}${description}`,
    sections: runReportSections(summary),
    charts,
    footer: `limitlab ${m.version} · summary schema ${summary.schemaVersion} · scenario hash ${m.scenarioHash} · run ${m.execution.date}. Rebuild with: limitlab report summary.json`,
  });
  return { html: page, charts, warnings };
}

export type { ReportFiles };

/** Writes the report to `htmlFile` and each chart to `chartsDir/<name>.svg`, each atomically. */
export async function writeReport(summary: Summary, target: { htmlFile: string; chartsDir: string }): Promise<ReportFiles> {
  return writeReportFiles(await buildRunReport(summary), target);
}

/** Writes `dir/report.html` and `dir/charts/<name>.svg` for a run's summary. */
export function writeRunReport(summary: Summary, dir: string): Promise<ReportFiles> {
  return writeReport(summary, inFolder(dir));
}
