/**
 * The report stage: summary.json → HTML page (+ SVG per chart).
 * Run reports use `writeRunReport`; later reports (compare, stress) reuse the
 * page shell (`renderPage`, `chartFigure`, `chartGrid`), the escaping (`html`,
 * `jsonForScript`), the tables and `appetiteVerdicts`.
 */
export { type Appetite, type AppetiteVerdict, type Verdict, appetiteBound, appetiteVerdicts, judge, worstVerdict } from '../results/appetite.js';
export { FREEZE_QUALITY_CHARTS, RUN_CHARTS, type RunChartName, runChartSpecs } from './charts/index.js';
export { type HtmlValue, SafeHtml, escapeHtml, html, joinHtml, jsonForScript, trusted } from './escape.js';
export { type FigureInfo, type FigureKind, FIGURES, figureInfo, orderFigures } from './figures.js';
export { formatPercent, formatRange, formatValue } from './format.js';
export { CONTENT_SECURITY_POLICY, type PageOptions, type PageSection, chartFigure, chartGrid, renderPage } from './html.js';
export {
  type BuiltRunReport,
  type ReportFiles,
  buildRunReport,
  preIncreaseSentence,
  runReportSections,
  writeReport,
  writeRunReport,
} from './run-report.js';
export { type Column, STAT_COLUMNS, dataTable, keyValueTable, statCells } from './tables.js';
export { type Compiled, type VegaSpec, compileChart, renderSvg } from './vega.js';
