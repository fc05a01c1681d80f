/**
 * Printing a change: signed, shares in percentage points (a change of a rate
 * from 1.50% to 1.44% is −0.06 pp, not −4%), with as many digits as the
 * interval's half-width needs (two significant), so precision follows the noise.
 * Plain text; the report escapes it.
 */
import { formatValue } from '../results/format.js';
import type { FigureKind } from '../results/figure-info.js';
import type { PathFigureDelta } from './types.js';

const MINUS = '−';
const NONE = '—';

function decimals(scale: number, min: number, max: number): number {
  if (!(scale > 0) || !Number.isFinite(scale)) return min;
  return Math.max(min, Math.min(max, 1 - Math.floor(Math.log10(scale))));
}

function signed(text: string, value: number): string {
  // A change that rounds to zero prints without a sign: "0.000 pp", not "−0.000 pp".
  if (!/[1-9]/.test(text)) return text.replace(/^-/, '');
  if (value > 0) return `+${text}`;
  return value < 0 ? `${MINUS}${text.replace(/^-/, '')}` : text.replace(/^-/, '');
}

/**
 * A change of a figure of `kind`. `scale` (default: the value) sets the digits;
 * pass the half-width of the interval so the digits follow the noise.
 *
 * @example
 * formatDelta(-0.0006, 'share', 0.0003); // => '−0.060 pp'
 */
export function formatDelta(value: number | null | undefined, kind: FigureKind, scale?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  const s = Math.abs(scale ?? value);
  switch (kind) {
    case 'share': {
      const pp = value * 100;
      return `${signed(Math.abs(pp).toFixed(decimals(s * 100, 1, 4)), pp)} pp`;
    }
    case 'amount':
      return signed(formatValue(Math.abs(value), 'amount'), value);
    case 'ratio':
      return signed(Math.abs(value).toFixed(decimals(s, 3, 5)), value);
    default:
      return signed(Math.abs(value).toFixed(decimals(s, 1, 4)), value);
  }
}

/** The digits' scale of a paired change: its interval's half-width, or the change itself. */
export function deltaScale(d: Pick<PathFigureDelta, 'difference' | 'ci95'>): number | undefined {
  if (d.ci95) {
    const half = (d.ci95[1] - d.ci95[0]) / 2;
    if (half > 0) return half;
  }
  return d.difference === null ? undefined : Math.abs(d.difference);
}

/** "−0.09 pp to −0.03 pp", or a dash. */
export function formatDeltaRange(d: Pick<PathFigureDelta, 'difference' | 'ci95'>, kind: FigureKind): string {
  if (!d.ci95) return NONE;
  const s = deltaScale(d);
  return `${formatDelta(d.ci95[0], kind, s)} to ${formatDelta(d.ci95[1], kind, s)}`;
}

/**
 * A change relative to the base value, as a signed percentage with two
 * significant digits (at least one decimal below 10%, at most four).
 *
 * @example
 * formatRelative(-0.0015); // => '−0.15%'
 */
export function formatRelative(relative: number | null | undefined): string {
  if (relative === null || relative === undefined || !Number.isFinite(relative)) return NONE;
  const pct = relative * 100;
  const a = Math.abs(pct);
  const digits = a >= 10 ? 0 : a >= 1 ? 1 : decimals(a, 2, 4);
  return `${signed(a.toFixed(digits), pct)}%`;
}

/**
 * A change in the figure's unit with its size relative to the base in brackets:
 * "−0.0022 pp (−0.15%)"; the brackets are left out where there is no relative
 * size (a base of zero).
 */
export function formatChange(d: { difference: number | null; ci95?: [number, number] | null; relative: number | null }, kind: FigureKind): string {
  const change = formatDelta(d.difference, kind, deltaScale({ difference: d.difference, ci95: d.ci95 ?? null }));
  return d.relative === null || d.difference === null ? change : `${change} (${formatRelative(d.relative)})`;
}

/** The variance-reduction factor: "38×", "1.4×", or a dash when there is none. */
export function formatFactor(factor: number | null): string {
  if (factor === null || !Number.isFinite(factor)) return NONE;
  if (factor >= 100) return `${Math.round(factor).toLocaleString('en-US')}×`;
  return `${factor >= 10 ? factor.toFixed(0) : factor.toFixed(1)}×`;
}
