/**
 * Table helpers shared by every report. Cells are text (escaped) or SafeHtml.
 */
import type { Stat } from '../results/types.js';
import type { FigureKind } from './figures.js';
import { formatMean, formatRange } from './format.js';
import { type HtmlValue, type SafeHtml, html } from './escape.js';
import { tailMessages } from '../messages.js';

export interface Column {
  header: string;
  /** `num`: right-aligned tabular figures; `code`: monospace, wraps anywhere */
  align?: 'text' | 'num' | 'code';
}

export interface TableOptions {
  caption?: string;
  columns: readonly Column[];
  rows: readonly (readonly HtmlValue[])[];
  /** a note under the table (text; escaped) */
  note?: string;
}

function cellClass(col: Column | undefined): string | false {
  return col?.align === 'num' ? 'num' : col?.align === 'code' ? 'code' : false;
}

export function dataTable(options: TableOptions): SafeHtml {
  const { columns } = options;
  const head = columns.map((c) => html`<th scope="col"${cellClass(c) ? html` class="${cellClass(c)}"` : ''}>${c.header}</th>`);
  const body = options.rows.map(
    (row) =>
      html`<tr>${row.map((cell, i) => {
        const cls = cellClass(columns[i]);
        return i === 0 && !cls ? html`<th scope="row">${cell}</th>` : html`<td${cls ? html` class="${cls}"` : ''}>${cell}</td>`;
      })}</tr>`,
  );
  // Wide tables (many scenarios side by side) scroll inside their own box instead of overflowing the page.
  return html`<div class="table-wrap"><table>${options.caption ? html`<caption>${options.caption}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${
    options.note ? html`<p class="note">${options.note}</p>` : ''
  }`;
}

/** A two-column table of labelled values (manifests, settings). */
export function keyValueTable(caption: string, rows: readonly (readonly [string, HtmlValue])[], valueAlign: Column['align'] = 'text'): SafeHtml {
  return dataTable({
    caption,
    columns: [{ header: 'Item' }, { header: 'Value', align: valueAlign }],
    rows: rows.map(([k, v]) => [k, v]),
  });
}

/** The three cells a Stat shows in a table: mean, 95% interval of the mean, 5th–95th percentile of paths. */
export function statCells(stat: Stat | undefined, kind: FigureKind): [string, string, string] {
  if (!stat) return ['—', '—', '—'];
  const percentiles = formatRange([stat.p05, stat.p95], kind);
  if (stat.tail && stat.unreliable) return [tailMessages.unreliable(stat.beyond ?? 0, null), '—', '—'];
  if (stat.tail) return [formatMean(stat, kind), stat.ci95 ? formatRange(stat.ci95, kind, stat.mean) : `no interval${stat.reason ? ` (${stat.reason})` : ''}`, '—'];
  const interval = formatRange(stat.ci95, kind, stat.mean);
  return [formatMean(stat, kind), stat.rough && stat.ci95 ? `${interval} (${tailMessages.rough})` : interval, percentiles];
}

export const STAT_COLUMNS: readonly Column[] = [
  { header: 'Mean', align: 'num' },
  { header: '95% interval of the mean', align: 'num' },
  { header: '5th – 95th percentile of paths', align: 'num' },
];
