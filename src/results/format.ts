/**
 * Numbers as a committee reads them, by a figure's format (registry.ts):
 * rates as percentages, amounts compact, intervals as "lo – hi". Plain text for
 * the report, the compare and stress tables and the terminal; the report's page
 * escapes it. Charts format on their own (d3-format strings in
 * report/charts/common.ts).
 */
import type { FigureFormat as FigureKind } from './registry.js';
import type { Stat } from './types.js';

const NOT_AVAILABLE = '—';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

function fixed(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Decimals of a percentage: enough to tell 1.46% from 1.58% and 12.3% from 12.9%. */
function percentDigits(magnitude: number): number {
  return Math.abs(magnitude) >= 0.1 ? 1 : 2;
}

/**
 * A share as a percentage. `scale` (default: the value) sets the digits, so the
 * two ends of an interval print alike ("9.95% – 10.21%", not "9.95% – 10.2%").
 */
export function formatPercent(value: number, scale = value): string {
  return `${fixed(value * 100, percentDigits(scale))}%`;
}

/** One value of a figure, without its unit words (percentages carry their %); `scale` as in formatPercent. */
export function formatValue(value: number | null | undefined, kind: FigureKind, scale?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  switch (kind) {
    case 'share':
      return formatPercent(value, scale ?? value);
    case 'per1000':
    case 'days':
      return fixed(value, 1);
    case 'perYear':
      // three significant digits: 0.213 and 1.25, so narrow intervals still show
      return fixed(value, Math.max(0, Math.min(3, 2 - Math.floor(Math.log10(Math.abs(scale ?? value) || 1)))));
    case 'amount':
      return Math.abs(value) >= 1e4 ? compact.format(value) : grouped.format(value);
    case 'ratio':
      return `${fixed(value, 3)}×`;
    case 'count':
      return Math.abs(value) >= 100 ? grouped.format(value) : fixed(value, 1);
    case 'number':
      return Math.abs(value) >= 100 ? grouped.format(value) : String(Number(value.toPrecision(4)));
  }
}

/** "lo – hi", or a dash when there is no interval; `around` (the mean) joins in choosing the digits. */
export function formatRange(range: readonly [number | null, number | null] | null, kind: FigureKind, around?: number | null): string {
  if (!range || range[0] === null || range[1] === null) return NOT_AVAILABLE;
  const scale = Math.min(Math.abs(range[0]), Math.abs(range[1]), Math.abs(around ?? Infinity));
  return `${formatValue(range[0], kind, scale)} – ${formatValue(range[1], kind, scale)}`;
}

/** The magnitude that sets a Stat's digits: its smallest of mean and interval ends, so all print alike. */
export function statScale(stat: Pick<Stat, 'mean' | 'ci95'>): number | undefined {
  const xs = [stat.mean, ...(stat.ci95 ?? [])].filter((x): x is number => x !== null).map(Math.abs);
  return xs.length ? Math.min(...xs) : undefined;
}

/** The mean (with the digits of its interval), or the reason there is none. */
export function formatMean(stat: Stat, kind: FigureKind): string {
  if (stat.mean === null) return stat.reason ? `n/a (${stat.reason})` : NOT_AVAILABLE;
  return formatValue(stat.mean, kind, statScale(stat));
}

/** A limit as written: 0.025 → "2.5%", 15 → "15", no padding zeros. */
export function formatLimit(value: number, kind: FigureKind): string {
  const exact = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 4 });
  return kind === 'share' ? `${exact(value * 100)}%` : kind === 'amount' ? formatValue(value, kind) : exact(value);
}

/** Seconds as "1 h 02 min", "3 min 05 s" or "4.2 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return NOT_AVAILABLE;
  if (seconds < 60) return `${fixed(seconds, 1)} s`;
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h} h ${pad(m)} min` : `${m} min ${pad(s % 60)} s`;
}

export function formatInteger(value: number): string {
  return grouped.format(value);
}
