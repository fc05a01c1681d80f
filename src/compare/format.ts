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

/** The variance-reduction factor: "38×", "1.4×", or a dash when there is none. */
export function formatFactor(factor: number | null): string {
  if (factor === null || !Number.isFinite(factor)) return NONE;
  if (factor >= 100) return `${Math.round(factor).toLocaleString('en-US')}×`;
  return `${factor >= 10 ? factor.toFixed(0) : factor.toFixed(1)}×`;
}
