/**
 * What the comparison and sweep charts share: one colour per policy (the same in
 * every chart of a page), axis formats by figure kind, and changes of shares in
 * percentage points.
 */
import type { FigureKind } from '../figures.js';

/** Policy colours, in run order (base first): the same list in every chart, so a policy keeps its colour. */
export const POLICY_PALETTE = [
  '#4d4d4d', '#2166ac', '#b2182b', '#1b9e77', '#e08214', '#7570b3', '#66a61e', '#e7298a', '#a6761d', '#17becf',
  '#8c564b', '#bcbd22', '#9467bd', '#d62728', '#2ca02c', '#1f77b4', '#ff7f0e', '#7f7f7f', '#aec7e8', '#98df8a',
];

/** A colour scale for the policies, in the order given. */
export function policyScale(labels: readonly string[]) {
  return { domain: [...labels], range: labels.map((_, i) => POLICY_PALETTE[i % POLICY_PALETTE.length]!) };
}

/**
 * d3-format of a figure's values on an axis. Shares get the decimals their
 * spread needs (`values`): policies often differ by a hundredth of a percent.
 */
export function levelFormat(kind: FigureKind, values: readonly number[] = []): string {
  switch (kind) {
    case 'share': {
      const span = values.length ? (Math.max(...values) - Math.min(...values)) * 100 : 1;
      // enough decimals to tell apart ticks about a fifth of the span apart
      const digits = span > 0 && Number.isFinite(span) ? Math.max(1, Math.min(4, -Math.floor(Math.log10(span / 5)))) : 2;
      return `.${digits}%`;
    }
    case 'amount':
      return '~s';
    case 'ratio':
      return '.3f';
    case 'per1000':
    case 'days':
      return '.1f';
    default:
      return '.3~g';
  }
}

/** Changes are drawn in percentage points for shares, in the figure's own unit otherwise. */
export function changeUnit(kind: FigureKind, unit: string): { factor: number; title: string; format?: string } {
  // No fixed format otherwise: Vega picks the digits from the tick step, which suits changes of any size.
  if (kind === 'share') return { factor: 100, title: 'percentage points' };
  if (kind === 'amount') return { factor: 1, title: unit, format: '~s' };
  return { factor: 1, title: unit || 'change' };
}

/**
 * The trade-off's axes never span less than this fraction of the reference's
 * value: a change of 1% of the value (the default materiality) then moves a
 * point a tenth of the axis at most, so noise-sized differences look small.
 */
export const MIN_RELATIVE_SPAN = 0.1;

/** Room left beyond the outermost values, as a fraction of their spread. */
const PAD = 0.05;

const finiteOnly = (xs: readonly number[]) => xs.filter((x) => Number.isFinite(x));

/**
 * The domain of a level axis (trade-off chart): the values (bar ends included)
 * with a little room, widened about their middle to at least
 * MIN_RELATIVE_SPAN × |reference|; shifted up to start at zero rather than
 * below it when every value is at least zero. Undefined when there is nothing
 * to span (no values, or one value and a reference of zero): the chart picks.
 *
 * @example
 * levelDomain([0.01471, 0.01475], 0.01473); // => about [0.013994, 0.015467]: 10% of 1.473% wide
 */
export function levelDomain(values: readonly number[], reference: number | null): [number, number] | undefined {
  const xs = finiteOnly(values);
  if (xs.length === 0) return undefined;
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  let lo = min - PAD * (max - min);
  let hi = max + PAD * (max - min);
  const minSpan = reference !== null && Number.isFinite(reference) ? MIN_RELATIVE_SPAN * Math.abs(reference) : 0;
  if (hi - lo < minSpan) {
    const mid = (min + max) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  if (lo < 0 && min >= 0) {
    hi -= lo;
    lo = 0;
  }
  return hi > lo ? [lo, hi] : undefined;
}

/**
 * The domain of a change axis (forest chart): zero, every interval end and the
 * materiality band ±threshold, so a change inside the band never fills the
 * panel. Undefined when all of them are zero.
 *
 * @example
 * changeDomain([-0.0022, -0.0018], 0.0147); // => [-0.0147, 0.0147]
 */
export function changeDomain(values: readonly number[], threshold: number | null): [number, number] | undefined {
  const t = threshold !== null && Number.isFinite(threshold) ? Math.abs(threshold) : 0;
  const xs = [...finiteOnly(values), 0, -t, t];
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return hi > lo ? [lo, hi] : undefined;
}
