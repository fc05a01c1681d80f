/**
 * The figure registry: every headline figure of summary.json defined once —
 * its per-path formula, what kind of number it is, its label and unit, and
 * whether it is annualised or a total over the run's horizon. The summary
 * (headline, per-path arrays, segment figures), the appetite keys a scenario may
 * name, the CLI's short summaries, the compare and stress tables and the
 * report's labels all read it (docs/model.md, "What is counted").
 *
 * A formula reads one accumulator scope block through a view, so the same
 * formula serves the portfolio and every segment. Figures that need the step
 * blocks (exposure at the horizon) exist for the portfolio only. Adding a
 * figure is adding an entry here: the summary, its JSON Schema, the CSV export
 * and the report pick it up; an entry without a formula does not type-check.
 */
import { S, STEP_SLOTS, T } from '../model/layout.js';
import { FREEZE_CAUSES, REQUEST_OUTCOMES, type RequestOutcome } from './types.js';

export type Value = number | null;

/** One scope block of a path's accumulator (the portfolio's or a segment's): slot → total. */
export interface ScopeView {
  get(slot: number): number;
}

/** What a scope formula may know besides the scope's totals. */
export interface ScopeContext {
  /** the run's horizon in days (whole steps) */
  horizonDays: number;
}

/** The portfolio also has its step blocks: step t's slot (T) at the end of step t. */
export interface PortfolioContext extends ScopeContext {
  steps: number;
  step(t: number, slot: number): number;
}

/** What kind of number a figure is. */
export type FigureKind = 'rate' | 'count' | 'amount' | 'tail';

/** How a value is printed in tables and put on axes. */
export type FigureFormat = 'share' | 'per1000' | 'amount' | 'days' | 'perYear' | 'count' | 'ratio' | 'number';

/**
 * The period a figure covers: a yearly figure ('annualised': per account-year, or
 * a horizon total scaled to 365 days) or a total or share over the whole run
 * ('horizon').
 */
export type FigureHorizon = 'annualised' | 'horizon';

interface FigureCommon {
  /** the report's label; a horizon total says so */
  label: string;
  /** a short lower-case label for terminal summaries */
  short: string;
  /** the unit in words, for headers and axis titles ('%' for shares) */
  unit: string;
  format: FigureFormat;
  horizon: FigureHorizon;
}

/** A figure with one value per path, from the scope block: portfolio and segments. */
export interface ScopeFigure extends FigureCommon {
  kind: Exclude<FigureKind, 'tail'>;
  scope: 'any';
  /** also reported for each segment */
  segments: boolean;
  formula(v: ScopeView, ctx: ScopeContext): Value;
}

/** A figure with one value per path that needs the portfolio's step blocks. */
export interface PortfolioFigure extends FigureCommon {
  kind: Exclude<FigureKind, 'tail'>;
  scope: 'portfolio';
  formula(v: ScopeView, ctx: PortfolioContext): Value;
}

/** A statistic of a per-path figure's distribution across paths (VaR, expected shortfall). */
export interface TailFigure extends FigureCommon {
  kind: 'tail';
  of: PathFigureName;
  statistic: 'var' | 'es';
  alpha: number;
}

export type FigureDef = ScopeFigure | PortfolioFigure | TailFigure;

/** A ratio with an exact denominator; a ratio over zero is null (the summary says why), never NaN. */
export function ratio(num: number, den: number): Value {
  return den > 0 && Number.isFinite(num) ? num / den : null;
}

/** A count per 1000 account-months of 30 days. */
export const perThousandMonths = (count: number, openDays: number): Value => ratio(count * 1000 * 30, openDays);
const perYear = (count: number, days: number): Value => ratio(count * 365, days);
/** A horizon total as a yearly figure: scaled by 365 / horizon days. */
const annualise = (x: Value, horizonDays: number): Value => (x === null ? null : (x * 365) / horizonDays);

function freezeEvents(v: ScopeView): number {
  let events = 0;
  for (let c = 0; c < FREEZE_CAUSES.length; c++) events += v.get(S.freezeEvents + c);
  return events;
}

function badFreezeEvents(v: ScopeView): number {
  let events = 0;
  for (let c = 0; c < FREEZE_CAUSES.length; c++) events += v.get(S.badFreezeEvents + c);
  return events;
}

/** Distress episodes that ended: by recovery or by default. */
const endedEpisodes = (v: ScopeView): number => v.get(S.distressRecoveries) + v.get(S.defaultsDistressed);
const perThousandYears = (count: number, days: number): Value => ratio(count * 1000 * 365, days);

const defaultRate = (v: ScopeView): Value => ratio(v.get(S.defaults), v.get(S.borrowers));
const lossRate = (v: ScopeView): Value => ratio(v.get(S.loss), v.get(S.startBalance));
const interestRevenueRate = (v: ScopeView): Value => ratio(v.get(S.interest), v.get(S.startBalance));
const riskAdjustedRevenueRate = (v: ScopeView): Value =>
  ratio(v.get(S.interest) - v.get(S.loss), v.get(S.startBalance));

const PCT = { unit: '%', format: 'share' } as const;
const MONEY = { unit: 'currency units', format: 'amount' } as const;
const PER_1000_MONTHS = { unit: 'per 1000 account-months', format: 'per1000', horizon: 'annualised' } as const;
const RUN = { horizon: 'horizon' } as const;
const YEARLY = { horizon: 'annualised' } as const;

function shareOfRequests(outcome: RequestOutcome, label: string, short: string, segments: boolean): ScopeFigure {
  return {
    label, short, ...PCT, ...RUN, kind: 'rate', scope: 'any', segments,
    formula: (v) => ratio(v.get(S.outcomes + REQUEST_OUTCOMES.indexOf(outcome)), v.get(S.requests)),
  };
}

/** Written out: 99.9 / 100 is 0.9990000000000001, not 0.999. */
const TAIL_ALPHA = { '95': 0.95, '99': 0.99, '99.9': 0.999 } as const;

function tail(of: 'lossRate' | 'lossAmount', statistic: 'var' | 'es', level: '95' | '99' | '99.9'): TailFigure {
  const money = of === 'lossAmount';
  const what = statistic === 'var' ? 'VaR' : 'expected shortfall';
  return {
    label: `${money ? 'Loss' : 'Loss rate'} ${what} ${level}% (over the horizon)`,
    short: `${money ? 'loss' : 'loss rate'} ${statistic === 'var' ? 'VaR' : 'ES'} ${level}%`,
    ...(money ? MONEY : PCT), ...RUN, kind: 'tail', of, statistic, alpha: TAIL_ALPHA[level],
  };
}

/**
 * Every headline figure, in summary.json's order (new figures go at the end, so
 * existing summaries keep their bytes). `satisfies` makes a figure without a
 * formula, or with a misspelt field, a type error.
 */
const DEFINITIONS = {
  defaultRate: {
    label: 'Default rate over the horizon (90+ dpd)', short: 'default rate (over the horizon)', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: true, formula: defaultRate,
  },
  annualDefaultRate: {
    label: 'Annualised default rate (90+ dpd)', short: 'default rate (annualised)', ...PCT, ...YEARLY,
    kind: 'rate', scope: 'any', segments: true, formula: (v, ctx) => annualise(defaultRate(v), ctx.horizonDays),
  },
  lossRate: {
    label: 'Loss over the horizon (% of starting balance)', short: 'loss rate (over the horizon)', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: true, formula: lossRate,
  },
  lossAmount: {
    label: 'Loss over the horizon', short: 'loss (over the horizon)', ...MONEY, ...RUN,
    kind: 'amount', scope: 'any', segments: false, formula: (v) => v.get(S.loss),
  },
  lossRateVaR95: tail('lossRate', 'var', '95'),
  lossRateVaR99: tail('lossRate', 'var', '99'),
  lossRateVaR999: tail('lossRate', 'var', '99.9'),
  lossRateES95: tail('lossRate', 'es', '95'),
  lossRateES99: tail('lossRate', 'es', '99'),
  lossRateES999: tail('lossRate', 'es', '99.9'),
  lossAmountVaR95: tail('lossAmount', 'var', '95'),
  lossAmountVaR99: tail('lossAmount', 'var', '99'),
  lossAmountVaR999: tail('lossAmount', 'var', '99.9'),
  lossAmountES95: tail('lossAmount', 'es', '95'),
  lossAmountES99: tail('lossAmount', 'es', '99'),
  lossAmountES999: tail('lossAmount', 'es', '99.9'),
  freezeEventsPer1000AccountMonths: {
    label: 'Freeze events', short: 'freeze events / 1000 account-months', ...PER_1000_MONTHS,
    kind: 'rate', scope: 'any', segments: true,
    formula: (v) => perThousandMonths(freezeEvents(v), v.get(S.openDays)),
  },
  holdsPer1000AccountMonths: {
    label: 'Verification holds', short: 'holds / 1000 account-months', ...PER_1000_MONTHS,
    kind: 'rate', scope: 'any', segments: true, formula: (v) => perThousandMonths(v.get(S.holds), v.get(S.openDays)),
  },
  everFrozenShare: {
    label: 'Borrowers ever frozen', short: 'ever frozen', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: true, formula: (v) => ratio(v.get(S.everFrozen), v.get(S.borrowers)),
  },
  everRestrictedShare: {
    label: 'Borrowers ever frozen or held', short: 'ever frozen or held', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.everRestricted), v.get(S.borrowers)),
  },
  frozenDaysPerAccountYear: {
    label: 'Frozen days', short: 'frozen days / account-year', unit: 'per account-year', format: 'days', ...YEARLY,
    kind: 'rate', scope: 'any', segments: true, formula: (v) => ratio(v.get(S.frozenDays) * 365, v.get(S.openDays)),
  },
  blockedDrawsPerAccountYear: {
    label: 'Blocked draw attempts', short: 'blocked draws / account-year', unit: 'per account-year', format: 'perYear',
    ...YEARLY, kind: 'rate', scope: 'any', segments: true,
    formula: (v) => perYear(v.get(S.blockedAttempts), v.get(S.openDays) + v.get(S.closedDays)),
  },
  preIncreaseRestriction: {
    label: 'Requests restricted in the 30 days before', short: 'requests restricted before', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.preRestricted), v.get(S.requests)),
  },
  requestsPerAccountYear: {
    label: 'Limit-increase requests', short: 'requests / account-year', unit: 'per account-year', format: 'perYear',
    ...YEARLY, kind: 'rate', scope: 'any', segments: false, formula: (v) => perYear(v.get(S.requests), v.get(S.openDays)),
  },
  approvedShare: shareOfRequests('approved', 'Requests approved', 'limit requests approved', true),
  declinedShare: shareOfRequests('declined', 'Requests declined', 'requests declined', false),
  escalatedShare: shareOfRequests('escalated', 'Requests escalated (behaviour check)', 'requests escalated', false),
  identityFailedShare: shareOfRequests('identityFailed', 'Requests failing identity re-verification', 'requests failing identity', false),
  interestRevenue: {
    label: 'Interest revenue over the horizon', short: 'interest revenue', ...MONEY, ...RUN,
    kind: 'amount', scope: 'any', segments: false, formula: (v) => v.get(S.interest),
  },
  riskAdjustedRevenue: {
    label: 'Risk-adjusted revenue over the horizon (interest − loss)', short: 'risk-adjusted revenue', ...MONEY, ...RUN,
    kind: 'amount', scope: 'any', segments: false, formula: (v) => v.get(S.interest) - v.get(S.loss),
  },
  interestRevenueRate: {
    label: 'Interest revenue over the horizon (% of starting balance)', short: 'interest revenue / start balance (horizon)',
    ...PCT, ...RUN, kind: 'rate', scope: 'any', segments: true, formula: interestRevenueRate,
  },
  riskAdjustedRevenueRate: {
    label: 'Risk-adjusted revenue over the horizon (% of starting balance)',
    short: 'risk-adjusted revenue / start balance (horizon)', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: true, formula: riskAdjustedRevenueRate,
  },
  exposureRatio: {
    label: 'Exposure at the horizon / at start', short: 'exposure at horizon / start', unit: '×', format: 'ratio', ...RUN,
    kind: 'rate', scope: 'portfolio',
    formula: (v, ctx) => ratio(ctx.step(ctx.steps - 1, T.exposure), v.get(S.startBalance)),
  },
  meanLimitGrowthPerYear: {
    label: 'Mean limit growth (a year)', short: 'mean limit growth / year', ...PCT, ...YEARLY,
    kind: 'rate', scope: 'any', segments: false,
    formula: (v, ctx) => {
      const start = ratio(v.get(S.startLimit), v.get(S.startOpen));
      const end = ratio(v.get(S.endLimitOpen), v.get(S.endOpen));
      return start !== null && end !== null && start > 0 ? Math.pow(end / start, 365 / ctx.horizonDays) - 1 : null;
    },
  },
  scoreFloorEndedShare: {
    label: 'Score-floor suspensions that ended', short: 'score-floor suspensions ended', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false,
    formula: (v) => {
      const floor = FREEZE_CAUSES.indexOf('scoreFloor');
      return ratio(v.get(S.freezeEnded + floor), v.get(S.freezeEvents + floor));
    },
  },
  annualLossRate: {
    label: 'Annualised loss (% of starting balance a year)', short: 'loss rate (annualised)', ...PCT, ...YEARLY,
    kind: 'rate', scope: 'any', segments: true, formula: (v, ctx) => annualise(lossRate(v), ctx.horizonDays),
  },
  annualInterestRevenueRate: {
    label: 'Annualised interest revenue (% of starting balance a year)', short: 'interest revenue / start balance (annualised)',
    ...PCT, ...YEARLY, kind: 'rate', scope: 'any', segments: false,
    formula: (v, ctx) => annualise(interestRevenueRate(v), ctx.horizonDays),
  },
  annualRiskAdjustedRevenueRate: {
    label: 'Annualised risk-adjusted revenue (% of starting balance a year)',
    short: 'risk-adjusted revenue / start balance (annualised)', ...PCT, ...YEARLY,
    kind: 'rate', scope: 'any', segments: true,
    formula: (v, ctx) => annualise(riskAdjustedRevenueRate(v), ctx.horizonDays),
  },
  // Model v2: losses by source, defaults by hidden state, freeze quality, what the rules catch.
  creditLossRate: {
    label: 'Credit loss over the horizon (% of starting balance)', short: 'credit loss rate (over the horizon)', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: true, formula: (v) => ratio(v.get(S.creditLoss), v.get(S.startBalance)),
  },
  fraudLossRate: {
    label: 'Fraud loss over the horizon (% of starting balance)', short: 'fraud loss rate (over the horizon)', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: true, formula: (v) => ratio(v.get(S.fraudLoss), v.get(S.startBalance)),
  },
  bustOutLossShare: {
    label: 'Share of the loss from bust-outs', short: 'loss from bust-outs', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false,
    formula: (v) => ratio(v.get(S.fraudLoss) - v.get(S.takeoverLoss), v.get(S.loss)),
  },
  takeoverLossShare: {
    label: 'Share of the loss from account takeovers', short: 'loss from takeovers', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.takeoverLoss), v.get(S.loss)),
  },
  defaultShareDistressed: {
    label: 'Defaults by borrowers distressed at default', short: 'defaults distressed', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.defaultsDistressed), v.get(S.defaults)),
  },
  defaultShareBustOut: {
    label: 'Defaults that are bust-outs', short: 'defaults bust-out', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.defaultsBustOut), v.get(S.defaults)),
  },
  defaultShareHealthy: {
    label: 'Defaults by borrowers healthy at default', short: 'defaults healthy', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false,
    formula: (v) => ratio(v.get(S.defaults) - v.get(S.defaultsDistressed) - v.get(S.defaultsBustOut), v.get(S.defaults)),
  },
  goodCustomerFreezesPer1000AccountMonths: {
    label: 'Freeze events on good customers', short: 'good-customer freezes / 1000 account-months', ...PER_1000_MONTHS,
    kind: 'rate', scope: 'any', segments: true,
    formula: (v) => perThousandMonths(freezeEvents(v) - badFreezeEvents(v), v.get(S.openDays)),
  },
  goodCustomerHoldsPer1000AccountMonths: {
    label: 'Verification holds on good customers', short: 'good-customer holds / 1000 account-months', ...PER_1000_MONTHS,
    kind: 'rate', scope: 'any', segments: false,
    formula: (v) => perThousandMonths(v.get(S.holds) - v.get(S.badHolds), v.get(S.openDays)),
  },
  freezePrecision: {
    label: 'Freeze precision (share of freeze events on bad accounts)', short: 'freeze precision', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(badFreezeEvents(v), freezeEvents(v)),
  },
  falseFlagsPerTrueFlag: {
    label: 'False flags per true flag (freeze events, all causes)', short: 'false flags per true flag', unit: 'good per bad event',
    format: 'ratio', ...RUN, kind: 'rate', scope: 'any', segments: false,
    formula: (v) => ratio(freezeEvents(v) - badFreezeEvents(v), badFreezeEvents(v)),
  },
  falseFlagsPerTrueFlagRiskModelRule: {
    label: 'False flags per true flag of the automatic risk-model rule', short: 'risk-model rule false flags per true flag',
    unit: 'good per bad event', format: 'ratio', ...RUN, kind: 'rate', scope: 'any', segments: false,
    formula: (v) => ratio(v.get(S.ruleEvents) - v.get(S.badRuleEvents), v.get(S.badRuleEvents)),
  },
  goodCustomersEverFrozenShare: {
    label: 'Borrowers frozen at least once while good', short: 'good customers ever frozen', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: true, formula: (v) => ratio(v.get(S.goodEverFrozen), v.get(S.borrowers)),
  },
  blockedDrawsPerAccountYearGood: {
    label: 'Blocked draw attempts of good accounts', short: 'blocked draws of good accounts / account-year', unit: 'per account-year',
    format: 'perYear', ...YEARLY, kind: 'rate', scope: 'any', segments: false,
    formula: (v) => perYear(v.get(S.blockedAttempts) - v.get(S.badBlockedAttempts), v.get(S.openDays) + v.get(S.closedDays)),
  },
  blockedDrawsPerAccountYearBad: {
    label: 'Blocked draw attempts of bad accounts', short: 'blocked draws of bad accounts / account-year', unit: 'per account-year',
    format: 'perYear', ...YEARLY, kind: 'rate', scope: 'any', segments: false,
    formula: (v) => perYear(v.get(S.badBlockedAttempts), v.get(S.openDays) + v.get(S.closedDays)),
  },
  distressDefaultsFlaggedShare: {
    label: 'Distressed defaults flagged before their first miss (riskModel or identity freeze)', short: 'distressed defaults flagged early',
    ...PCT, ...RUN, kind: 'rate', scope: 'any', segments: false,
    formula: (v) => ratio(v.get(S.distressDefaultsFlagged), v.get(S.defaultsDistressed)),
  },
  bustOutsStoppedShare: {
    label: 'Bust-outs closed by an investigation before default', short: 'bust-outs stopped', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.bustOutsStopped), v.get(S.onsets)),
  },
  takeoversStoppedShare: {
    label: 'Takeovers stopped by the lender before the owner noticed', short: 'takeovers stopped', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.takeoversStopped), v.get(S.takeovers)),
  },
  fraudLossPerTakeover: {
    label: 'Fraud loss per takeover', short: 'fraud loss per takeover', ...MONEY, ...RUN,
    kind: 'amount', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.takeoverLoss), v.get(S.takeovers)),
  },
  distressEpisodesPer1000AccountYears: {
    label: 'Distress episodes (initial and new)', short: 'distress episodes / 1000 account-years', unit: 'per 1000 account-years',
    format: 'number', ...YEARLY, kind: 'rate', scope: 'any', segments: false,
    formula: (v) => perThousandYears(v.get(S.distressEpisodes), v.get(S.liveDays)),
  },
  bustOutOnsetsPer1000AccountYears: {
    label: 'Bust-out onsets', short: 'bust-out onsets / 1000 account-years', unit: 'per 1000 account-years', format: 'number',
    ...YEARLY, kind: 'rate', scope: 'any', segments: false, formula: (v) => perThousandYears(v.get(S.onsets), v.get(S.liveDays)),
  },
  takeoversPer1000AccountYears: {
    label: 'Account takeovers (per 1000 open account-years)', short: 'takeovers / 1000 account-years', unit: 'per 1000 account-years',
    format: 'number', ...YEARLY, kind: 'rate', scope: 'any', segments: false,
    formula: (v) => perThousandYears(v.get(S.takeovers), v.get(S.openDays)),
  },
  distressEntriesPerYear: {
    label: 'Borrowers entering distress a year (share of borrowers not defaulted)', short: 'distress entries / year', ...PCT,
    ...YEARLY, kind: 'rate', scope: 'any', segments: false, formula: (v) => perYear(v.get(S.distressEntries), v.get(S.liveDays)),
  },
  distressEpisodeMeanDays: {
    label: 'Mean length of a distress episode', short: 'distress episode length', unit: 'days', format: 'days', ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.distressedDays), endedEpisodes(v)),
  },
  distressEpisodesEndedInDefaultShare: {
    label: 'Ended distress episodes that ended in default', short: 'distress episodes ending in default', ...PCT, ...RUN,
    kind: 'rate', scope: 'any', segments: false, formula: (v) => ratio(v.get(S.defaultsDistressed), endedEpisodes(v)),
  },
} as const satisfies Record<string, FigureDef>;

export type FigureName = keyof typeof DEFINITIONS;
/** Figures with one value per path (everything but the tail statistics). */
export type PathFigureName = {
  [K in FigureName]: (typeof DEFINITIONS)[K] extends { kind: 'tail' } ? never : K;
}[FigureName];

/** The registry, by name. */
export const FIGURES: Readonly<Record<FigureName, FigureDef>> = DEFINITIONS;

/** Every headline figure name, in summary.json's order. */
export const FIGURE_NAMES = Object.keys(DEFINITIONS) as FigureName[];

export function isFigureName(name: string): name is FigureName {
  return Object.hasOwn(DEFINITIONS, name);
}

/** Per-path figures (scope and portfolio), in summary.json's order: the `perPath` arrays. */
export const PATH_FIGURES = FIGURE_NAMES.filter((n) => FIGURES[n].kind !== 'tail') as PathFigureName[];

/** Figures reported per segment, in summary.json's order. */
export const SEGMENT_FIGURES = PATH_FIGURES.filter((n) => {
  const f = FIGURES[n];
  return f.kind !== 'tail' && f.scope === 'any' && f.segments;
});

/**
 * Tail figures in summary.json's order: by the figure they summarise, then by
 * level, VaR before ES at each level.
 */
export const TAIL_FIGURES = FIGURE_NAMES.flatMap((n) => {
  const f = FIGURES[n];
  return f.kind === 'tail' ? [{ name: n, def: f }] : [];
}).sort(
  (a, b) =>
    PATH_FIGURES.indexOf(a.def.of) - PATH_FIGURES.indexOf(b.def.of) ||
    a.def.alpha - b.def.alpha ||
    (a.def.statistic === b.def.statistic ? 0 : a.def.statistic === 'var' ? -1 : 1),
);

/**
 * The order a committee reads the figures in (reports, tables): rates before
 * their tails, each horizon total beside its annualised figure. Every figure
 * must appear: a missing one is a type error below.
 */
export const REPORT_ORDER = [
  'annualDefaultRate',
  'defaultRate',
  'annualLossRate',
  'lossRate',
  'lossRateVaR95',
  'lossRateVaR99',
  'lossRateVaR999',
  'lossRateES95',
  'lossRateES99',
  'lossRateES999',
  'lossAmount',
  'lossAmountVaR95',
  'lossAmountVaR99',
  'lossAmountVaR999',
  'lossAmountES95',
  'lossAmountES99',
  'lossAmountES999',
  'freezeEventsPer1000AccountMonths',
  'holdsPer1000AccountMonths',
  'everFrozenShare',
  'everRestrictedShare',
  'frozenDaysPerAccountYear',
  'blockedDrawsPerAccountYear',
  'scoreFloorEndedShare',
  'preIncreaseRestriction',
  'requestsPerAccountYear',
  'approvedShare',
  'declinedShare',
  'escalatedShare',
  'identityFailedShare',
  'interestRevenue',
  'annualInterestRevenueRate',
  'interestRevenueRate',
  'riskAdjustedRevenue',
  'annualRiskAdjustedRevenueRate',
  'riskAdjustedRevenueRate',
  'exposureRatio',
  'meanLimitGrowthPerYear',
  'creditLossRate',
  'fraudLossRate',
  'bustOutLossShare',
  'takeoverLossShare',
  'defaultShareDistressed',
  'defaultShareBustOut',
  'defaultShareHealthy',
  'goodCustomerFreezesPer1000AccountMonths',
  'goodCustomerHoldsPer1000AccountMonths',
  'freezePrecision',
  'falseFlagsPerTrueFlag',
  'falseFlagsPerTrueFlagRiskModelRule',
  'goodCustomersEverFrozenShare',
  'blockedDrawsPerAccountYearGood',
  'blockedDrawsPerAccountYearBad',
  'distressDefaultsFlaggedShare',
  'bustOutsStoppedShare',
  'takeoversStoppedShare',
  'fraudLossPerTakeover',
  'distressEpisodesPer1000AccountYears',
  'bustOutOnsetsPer1000AccountYears',
  'takeoversPer1000AccountYears',
  'distressEntriesPerYear',
  'distressEpisodeMeanDays',
  'distressEpisodesEndedInDefaultShare',
] as const satisfies readonly FigureName[];
type Unordered = Exclude<FigureName, (typeof REPORT_ORDER)[number]>;
/** Fails to compile, naming the figure, when a registry entry is missing from REPORT_ORDER. */
const everyFigureOrdered: [Unordered] extends [never] ? true : Unordered = true;
void everyFigureOrdered;

/** A view of the scope block that starts at `base` in a path's accumulator. */
export function scopeView(acc: Float64Array, base: number): ScopeView {
  return { get: (slot) => acc[base + slot]! };
}

/** The portfolio's context: the horizon and its step blocks. */
export function portfolioContext(acc: Float64Array, stepBase: number, steps: number, horizonDays: number): PortfolioContext {
  return { horizonDays, steps, step: (t, slot) => acc[stepBase + t * STEP_SLOTS + slot]! };
}
