/** What the stress report's charts share: axis formats by figure kind and verdict colours. */
import type { Verdict } from '../../results/appetite.js';
import { type FigureKind } from '../figures.js';
import { FORMAT } from './common.js';

/** d3-format for a figure's axis and tooltip. */
export function kindFormat(kind: FigureKind): { axis: string; tooltip: string } {
  switch (kind) {
    case 'share':
      return { axis: FORMAT.pct, tooltip: FORMAT.pctFine };
    case 'per1000':
    case 'days':
      return { axis: FORMAT.per1000, tooltip: '.2f' };
    case 'amount':
      return { axis: FORMAT.amount, tooltip: FORMAT.amountExact };
    case 'ratio':
      return { axis: '.2f', tooltip: '.3f' };
    default:
      return { axis: '~g', tooltip: '.4~g' };
  }
}

/** The page's traffic-light colours (html.ts CSS), plus grey for a figure with no limit. */
export const VERDICT_COLOURS: Record<Verdict | 'none', string> = {
  green: '#1a7f37',
  amber: '#b06f00',
  red: '#c0262d',
  unknown: '#6e6e73',
  none: '#2166ac',
};

export const VERDICT_LABELS: Record<Verdict | 'none', string> = {
  green: 'within (mean and interval)',
  amber: 'within (mean; interval crosses)',
  red: 'breach',
  unknown: 'cannot judge',
  none: 'no limit',
};

/** A figure name as a chart name: `lossRateVaR99` → `loss-rate-var99`. */
export function kebab(name: string): string {
  return name
    .replace(/VaR/g, 'Var')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase()
    .replace(/^-+|-+$/g, '');
}
