/**
 * What each summary figure is called in a report, its unit and how it is printed.
 * Names follow MODEL.md ("What is reported"); a figure the catalogue does not know
 * is still shown, labelled by its name and formatted by a guess from the name.
 */
import type { RequestOutcome, RestrictionCause, Stat } from '../results/types.js';

/** How a figure's values are printed (tables) and put on axes (charts). */
export type FigureKind = 'share' | 'per1000' | 'amount' | 'days' | 'perYear' | 'count' | 'ratio' | 'number';

export interface FigureInfo {
  label: string;
  kind: FigureKind;
  /** the unit as words, for headers and axis titles */
  unit: string;
}

const share = (label: string): FigureInfo => ({ label, kind: 'share', unit: '%' });
const amount = (label: string): FigureInfo => ({ label, kind: 'amount', unit: 'currency units' });

/** Headline figures, in the order a committee reads them. */
export const FIGURES: Record<string, FigureInfo> = {
  annualDefaultRate: share('Annualised default rate (90+ dpd)'),
  defaultRate: share('Default rate over the horizon'),
  lossRate: share('Loss over the horizon (% of starting balance)'),
  creditLossRate: share('Credit loss (% of starting balance)'),
  fraudLossRate: share('Fraud loss (% of starting balance)'),
  lossRateVaR95: share('Loss rate VaR 95%'),
  lossRateVaR99: share('Loss rate VaR 99%'),
  lossRateVaR999: share('Loss rate VaR 99.9%'),
  lossRateES95: share('Loss rate expected shortfall 95%'),
  lossRateES99: share('Loss rate expected shortfall 99%'),
  lossRateES999: share('Loss rate expected shortfall 99.9%'),
  lossAmount: amount('Loss over the horizon'),
  lossAmountVaR95: amount('Loss VaR 95%'),
  lossAmountVaR99: amount('Loss VaR 99%'),
  lossAmountVaR999: amount('Loss VaR 99.9%'),
  lossAmountES95: amount('Loss expected shortfall 95%'),
  lossAmountES99: amount('Loss expected shortfall 99%'),
  lossAmountES999: amount('Loss expected shortfall 99.9%'),
  freezeEventsPer1000AccountMonths: { label: 'Freeze events', kind: 'per1000', unit: 'per 1000 account-months' },
  goodCustomerFreezesPer1000AccountMonths: { label: 'Freezes of good customers', kind: 'per1000', unit: 'per 1000 account-months' },
  holdsPer1000AccountMonths: { label: 'Verification holds', kind: 'per1000', unit: 'per 1000 account-months' },
  everFrozenShare: share('Borrowers ever frozen'),
  everRestrictedShare: share('Borrowers ever frozen or held'),
  frozenDaysPerAccountYear: { label: 'Frozen days', kind: 'days', unit: 'per account-year' },
  blockedDrawsPerAccountYear: { label: 'Blocked draw attempts', kind: 'perYear', unit: 'per account-year' },
  scoreFloorEndedShare: share('Score-floor suspensions that ended'),
  preIncreaseRestriction: share('Requests restricted in the 30 days before'),
  requestsPerAccountYear: { label: 'Limit-increase requests', kind: 'perYear', unit: 'per account-year' },
  approvedShare: share('Requests approved'),
  declinedShare: share('Requests declined'),
  escalatedShare: share('Requests escalated (behaviour check)'),
  identityFailedShare: share('Requests failing identity re-verification'),
  interestRevenue: amount('Interest revenue'),
  interestRevenueRate: share('Interest revenue (% of starting balance)'),
  riskAdjustedRevenue: amount('Risk-adjusted revenue (interest − loss)'),
  riskAdjustedRevenueRate: share('Risk-adjusted revenue (% of starting balance)'),
  exposureRatio: { label: 'Exposure at the horizon / at start', kind: 'ratio', unit: '×' },
  meanLimitGrowthPerYear: share('Mean limit growth (a year)'),
};

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
  scoreFloor: 'Score floor',
  identity: 'Identity check failed',
  riskModel: 'Risk model',
  maintenance: 'System maintenance',
};

/** Colours per cause, the same in every chart (severity: red → grey; holds teal). */
export const CAUSE_COLOURS: Record<RestrictionCause, string> = {
  delinquency: '#b2182b',
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

