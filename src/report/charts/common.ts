/**
 * What every chart shares: the look (one config, so the page and the SVG files
 * match), the time axis, and the mean-with-band layer used by every series chart.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Band, Stat } from '../../results/types.js';

/** A layer of a layered chart. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];
/** A panel of a side-by-side chart. */
export type Panel = Extract<TopLevelSpec, { hconcat: unknown }>['hconcat'][number];

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Sizes that fit two charts side by side on a laptop screen and on a slide. */
export const WIDTH = 460;
export const HEIGHT = 230;
export const PANEL_WIDTH = 205;

/** d3-format strings for axes and tooltips. */
export const FORMAT = {
  pct: '.1%',
  pctFine: '.2%',
  per1000: '.1f',
  amount: '~s',
  amountExact: ',.0f',
  count: ',.0f',
  month: '.1~f',
} as const;

export const MAIN_COLOUR = '#2166ac';
export const SECOND_COLOUR = '#1b9e77';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export const CONFIG: Config = {
  font: FONT,
  background: '#ffffff',
  padding: 8,
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 15, fontWeight: 600, subtitleFontSize: 12, subtitleColor: '#555555', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500, titleColor: '#333333', grid: true, gridColor: '#ececec' },
  legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', columns: 3, symbolType: 'square', labelLimit: 260 },
  header: { labelFontSize: 12, titleFontSize: 12 },
};

/** Subtitle lines short enough for a chart of WIDTH pixels (Vega does not wrap titles). */
export const SUBTITLE_CHARS = 82;

/** Breaks text into lines of at most `width` characters, at spaces. */
export function wrapText(text: string, width = SUBTITLE_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The top of every chart: schema, look, title and a wrapped subtitle. */
export function frame(title: string, subtitle: string | readonly string[], description: string) {
  const paragraphs = typeof subtitle === 'string' ? [subtitle] : subtitle;
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: CONFIG,
    title: { text: title, subtitle: paragraphs.flatMap((p) => wrapText(p)) },
    description,
  } as const;
}

/** A month is 30 days (docs/model.md's billing period, "Time"); the x axis of every series chart. */
export function month(day: number): number {
  return day / 30;
}

export const MONTH_AXIS = { title: 'Months since start', tickMinStep: 1, format: FORMAT.month } as const;

export interface BandRow {
  month: number;
  day: number;
  mean: number;
  p05: number;
  p95: number;
}

/** One row a step, skipping steps where the mean or band is missing (null). */
export function bandRows(day: readonly number[], band: Band): BandRow[] {
  const rows: BandRow[] = [];
  day.forEach((d, i) => {
    const mean = band.mean[i];
    const p05 = band.p05[i];
    const p95 = band.p95[i];
    if (mean == null || p05 == null || p95 == null) return;
    rows.push({ month: month(d), day: d, mean, p05, p95 });
  });
  return rows;
}

/** A mean line over a shaded 5–95% band of paths. */
export function bandLayers(opts: { yTitle: string; yFormat: string; tooltipFormat: string; colour: string; zero?: boolean }): Layer[] {
  const y = { type: 'quantitative', title: opts.yTitle, axis: { format: opts.yFormat } } as const;
  const scale = { zero: opts.zero ?? true };
  return [
    {
      mark: { type: 'area', color: opts.colour, opacity: 0.18 },
      encoding: { y: { field: 'p05', ...y, scale }, y2: { field: 'p95' } },
    },
    {
      mark: { type: 'line', color: opts.colour, strokeWidth: 2, point: { size: 18, filled: true } },
      encoding: {
        y: { field: 'mean', ...y, scale },
        tooltip: [
          { field: 'day', type: 'quantitative', title: 'Day' },
          { field: 'mean', type: 'quantitative', title: 'Mean', format: opts.tooltipFormat },
          { field: 'p05', type: 'quantitative', title: '5th percentile of paths', format: opts.tooltipFormat },
          { field: 'p95', type: 'quantitative', title: '95th percentile of paths', format: opts.tooltipFormat },
        ],
      },
    },
  ];
}

/** A Stat as a chart row: mean and 95% interval (interval collapses to the mean when absent). */
export function statRow(stat: Stat): { mean: number; lo: number; hi: number } | null {
  if (stat.mean === null) return null;
  return { mean: stat.mean, lo: stat.ci95?.[0] ?? stat.mean, hi: stat.ci95?.[1] ?? stat.mean };
}

/** The two tooltip rows of a row's 95% interval (`lo` and `hi`, as `statRow` makes them). */
export function intervalTooltip(format: string) {
  return [
    { field: 'lo', type: 'quantitative', title: '95% interval from', format },
    { field: 'hi', type: 'quantitative', title: '95% interval to', format },
  ] as const;
}

/**
 * The whisker of a row's 95% interval: a rule from `lo` to `hi` along `axis`,
 * whose channel is `channel` (the type, title and axis of the bars' own).
 */
export function intervalRule<C extends object>(axis: 'x' | 'y', channel: C, mark: { color: string; strokeWidth?: number }) {
  const encoding = axis === 'x' ? { x: { field: 'lo', ...channel }, x2: { field: 'hi' } } : { y: { field: 'lo', ...channel }, y2: { field: 'hi' } };
  return { mark: { type: 'rule', ...mark }, encoding } as const;
}
