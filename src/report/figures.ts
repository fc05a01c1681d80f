/**
 * The report's words and colours for causes and outcomes; what each figure is
 * called, its unit and format come from the figure registry through
 * results/figure-info.ts, re-exported here.
 */
import type { RequestOutcome, RestrictionCause } from '../results/types.js';

export { type FigureInfo, type FigureKind, FIGURES, figureInfo, figureTitle, isTail, orderFigures } from '../results/figure-info.js';

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

