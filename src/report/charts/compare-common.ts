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
