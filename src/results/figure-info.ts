/**
 * What each summary figure is called, its unit and how it is printed — read
 * from the figure registry (./registry.ts), for the report, compare, stress and
 * the CLI alike. A figure the registry does not know (a summary from another
 * version) is still shown, labelled by its name and formatted by a guess from
 * the name.
 */
import { FIGURES as REGISTRY, type FigureFormat, REPORT_ORDER } from './registry.js';
import type { Stat } from './types.js';

/** How a figure's values are printed (tables) and put on axes (charts). */
export type FigureKind = FigureFormat;

export interface FigureInfo {
  label: string;
  kind: FigureKind;
  /** the unit as words, for headers and axis titles */
  unit: string;
}

/** Headline figures, in the order a committee reads them. */
export const FIGURES: Record<string, FigureInfo> = Object.fromEntries(
  REPORT_ORDER.map((n) => [n, { label: REGISTRY[n].label, kind: REGISTRY[n].format, unit: REGISTRY[n].unit }]),
);

/** Label with its unit in brackets where the printed value does not show it ("Freeze events (per 1000 account-months)"). */
export function figureTitle(name: string): string {
  const { label, kind, unit } = figureInfo(name);
  return kind === 'share' || kind === 'ratio' || unit === '' ? label : `${label} (${unit})`;
}

/** The catalogue entry for a figure, or a guess from its name. */
export function figureInfo(name: string): FigureInfo {
  const known = FIGURES[name];
  if (known) return known;
  if (/Per1000/.test(name)) return { label: name, kind: 'per1000', unit: 'per 1000' };
  if (/(Rate|Share|VaR\d+|ES\d+)$/.test(name)) return { label: name, kind: 'share', unit: '%' };
  if (/Days/.test(name)) return { label: name, kind: 'days', unit: 'days' };
  if (/(Amount|Revenue|Exposure)$/.test(name)) return { label: name, kind: 'amount', unit: 'currency units' };
  return { label: name, kind: 'number', unit: '' };
}

/** Headline figure names in catalogue order, then any others alphabetically. */
export function orderFigures(names: readonly string[]): string[] {
  const known = Object.keys(FIGURES);
  const rank = (n: string): number => {
    const i = known.indexOf(n);
    return i < 0 ? known.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** True for VaR/ES figures: a statistic across paths with no interval. */
export function isTail(stat: Stat): boolean {
  return stat.tail === true;
}

