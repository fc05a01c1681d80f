/**
 * What each summary figure is called in a report, its unit and how it is
 * printed — read from the figure registry (results/registry.ts). A figure the
 * registry does not know (a summary from another version) is still shown,
 * labelled by its name and formatted by a guess from the name.
 */
import { FIGURES as REGISTRY, type FigureFormat, REPORT_ORDER } from '../results/registry.js';
import type { RequestOutcome, RestrictionCause, Stat } from '../results/types.js';

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

export const CAUSE_LABELS: Record<RestrictionCause, string> = {
  hold: 'Verification hold',
  delinquency: 'Delinquency',
  fraud: 'Fraud (takeover ended)',
  scoreFloor: 'Score floor',
  identity: 'Identity check failed',
  riskModel: 'Risk model',
  maintenance: 'System maintenance',
};

/** Colours per cause, the same in every chart (severity: red → grey; holds teal). */
export const CAUSE_COLOURS: Record<RestrictionCause, string> = {
  delinquency: '#b2182b',
  fraud: '#762a83',
  scoreFloor: '#ef8a62',
  identity: '#8073ac',
  riskModel: '#2166ac',
  maintenance: '#a6a6a6',
  hold: '#1b9e77',
};

export const OUTCOME_LABELS: Record<RequestOutcome, string> = {
  approved: 'Approved',
  declined: 'Declined',
  escalated: 'Escalated (behaviour check)',
  identityFailed: 'Identity check failed',
};

