/**
 * summary.json as CSV tables for spreadsheets and notebooks (`limitlab export
 * SUMMARY.json --csv DIR`; the files are described in docs/summary.md):
 * - per-path.csv: one row per path, one column per per-path figure;
 * - time-series.csv: one row per step, the mean and 5–95% band of each series;
 * - headline.csv: one row per headline figure with its label, unit, horizon and statistics;
 * - segments.csv: one row per segment and segment figure.
 * Numbers are written in full precision (JavaScript's shortest round-trip form);
 * an empty cell is a null (no value). Columns follow summary.json's order.
 */
import { FIGURES, isFigureName } from './registry.js';
import { type Band, FREEZE_CAUSES, type Stat, type Summary } from './types.js';

export const CSV_FILES = ['per-path.csv', 'time-series.csv', 'headline.csv', 'segments.csv'] as const;
export type CsvFile = (typeof CSV_FILES)[number];

/** One CSV cell: RFC 4180 quoting where needed; null and undefined are empty. */
function cell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function table(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function perPath(summary: Summary): string {
  const names = Object.keys(summary.perPath);
  const paths = Math.max(0, ...names.map((n) => summary.perPath[n]!.length));
  const rows = Array.from({ length: paths }, (_, p) => [p, ...names.map((n) => summary.perPath[n]![p])]);
  return table(['path', ...names], rows);
}

function timeSeries(summary: Summary): string {
  const ts = summary.timeSeries;
  const series: [string, Band][] = [
    ['open', ts.open],
    ...FREEZE_CAUSES.map((c): [string, Band] => [`frozen.${c}`, ts.frozen[c]]),
    ['frozenTotal', ts.frozenTotal],
    ...FREEZE_CAUSES.map((c): [string, Band] => [`newFreezeEvents.${c}`, ts.newFreezeEvents[c]]),
    ['newHolds', ts.newHolds],
    ['newDefaults', ts.newDefaults],
    ['cumulativeDefaultRate', ts.cumulativeDefaultRate],
    ['exposure', ts.exposure],
    ['meanLimit', ts.meanLimit],
    ['utilisation', ts.utilisation],
  ];
  const header = ['step', 'day', ...series.flatMap(([n]) => [`${n}.mean`, `${n}.p05`, `${n}.p95`])];
  const rows = ts.day.map((day, t) => [t + 1, day, ...series.flatMap(([, b]) => [b.mean[t], b.p05[t], b.p95[t]])]);
  return table(header, rows);
}

const STAT_COLUMNS = ['mean', 'se', 'ci95Low', 'ci95High', 'p05', 'p50', 'p95', 'n', 'tail', 'reason'];
const statCells = (s: Stat | undefined) =>
  s ? [s.mean, s.se, s.ci95?.[0], s.ci95?.[1], s.p05, s.p50, s.p95, s.n, s.tail === true, s.reason] : [];

function describe(name: string): [string, string, string, string] {
  if (!isFigureName(name)) return ['', '', '', ''];
  const f = FIGURES[name];
  return [f.label, f.unit, f.horizon, f.kind];
}

function headline(summary: Summary): string {
  const rows = Object.entries(summary.headline).map(([name, s]) => [name, ...describe(name), ...statCells(s)]);
  return table(['figure', 'label', 'unit', 'horizon', 'kind', ...STAT_COLUMNS], rows);
}

function segments(summary: Summary): string {
  const rows = summary.segments.flatMap((seg) =>
    Object.entries(seg.headline).map(([name, s]) => [seg.name, seg.borrowers, name, ...describe(name), ...statCells(s)]),
  );
  return table(['segment', 'borrowers', 'figure', 'label', 'unit', 'horizon', 'kind', ...STAT_COLUMNS], rows);
}

/** The CSV tables of a summary, by file name. */
export function summaryCsv(summary: Summary): Record<CsvFile, string> {
  return {
    'per-path.csv': perPath(summary),
    'time-series.csv': timeSeries(summary),
    'headline.csv': headline(summary),
    'segments.csv': segments(summary),
  };
}
