/**
 * Per-path figures (MODEL.md "What is reported") from a path's merged
 * accumulator. Every ratio has an exact denominator; a ratio over zero is null
 * (the summary says why), never NaN.
 */
import type { Clock } from '../model/clock.js';
import { type Layout, S, STEP_SLOTS, T, segmentScopeBase } from './layout.js';
import { FREEZE_CAUSES, REQUEST_OUTCOMES, RESTRICTION_CAUSES } from './types.js';

export type Value = number | null;

export function ratio(num: number, den: number): Value {
  return den > 0 && Number.isFinite(num) ? num / den : null;
}

const perThousandMonths = (count: number, openDays: number): Value => ratio(count * 1000 * 30, openDays);
const perYear = (count: number, days: number): Value => ratio(count * 365, days);

/** The headline figures of one path, keyed by name (see HEADLINE_FIGURES). */
export function pathFigures(acc: Float64Array, layout: Layout, clock: Clock): Record<string, Value> {
  const f: Record<string, Value> = {};
  const borrowers = acc[S.borrowers]!;
  const start = acc[S.startBalance]!;
  const openDays = acc[S.openDays]!;
  const requests = acc[S.requests]!;
  let events = 0;
  for (let c = 0; c < FREEZE_CAUSES.length; c++) events += acc[S.freezeEvents + c]!;

  f.defaultRate = ratio(acc[S.defaults]!, borrowers);
  f.annualDefaultRate = f.defaultRate === null ? null : (f.defaultRate * 365) / clock.horizonDays;
  f.lossAmount = acc[S.loss]!;
  f.lossRate = ratio(acc[S.loss]!, start);
  f.freezeEventsPer1000AccountMonths = perThousandMonths(events, openDays);
  f.holdsPer1000AccountMonths = perThousandMonths(acc[S.holds]!, openDays);
  f.everFrozenShare = ratio(acc[S.everFrozen]!, borrowers);
  f.everRestrictedShare = ratio(acc[S.everRestricted]!, borrowers);
  f.frozenDaysPerAccountYear = ratio(acc[S.frozenDays]! * 365, openDays);
  f.blockedDrawsPerAccountYear = perYear(acc[S.blockedAttempts]!, openDays + acc[S.closedDays]!);
  f.requestsPerAccountYear = perYear(requests, openDays);
  REQUEST_OUTCOMES.forEach((o, i) => (f[`${o}Share`] = ratio(acc[S.outcomes + i]!, requests)));
  f.preIncreaseRestriction = ratio(acc[S.preRestricted]!, requests);
  f.interestRevenue = acc[S.interest]!;
  f.riskAdjustedRevenue = acc[S.interest]! - acc[S.loss]!;
  f.interestRevenueRate = ratio(acc[S.interest]!, start);
  f.riskAdjustedRevenueRate = ratio(acc[S.interest]! - acc[S.loss]!, start);
  const lastStep = layout.stepBase + (layout.steps - 1) * STEP_SLOTS;
  f.exposureRatio = ratio(acc[lastStep + T.exposure]!, start);
  const meanLimitStart = ratio(acc[S.startLimit]!, acc[S.startOpen]!);
  const meanLimitEnd = ratio(acc[S.endLimitOpen]!, acc[S.endOpen]!);
  f.meanLimitGrowthPerYear =
    meanLimitStart !== null && meanLimitEnd !== null && meanLimitStart > 0
      ? Math.pow(meanLimitEnd / meanLimitStart, 365 / clock.horizonDays) - 1
      : null;
  const floor = FREEZE_CAUSES.indexOf('scoreFloor');
  f.scoreFloorEndedShare = ratio(acc[S.freezeEnded + floor]!, acc[S.freezeEvents + floor]!);
  return f;
}

/** Figures by freeze cause, request restriction cause, and the events-per-borrower histogram. */
export function pathDetails(acc: Float64Array): Record<string, Value> {
  const f: Record<string, Value> = {};
  const openDays = acc[S.openDays]!;
  const requests = acc[S.requests]!;
  FREEZE_CAUSES.forEach((c, i) => {
    f[`freezeEventsPer1000AccountMonths.${c}`] = perThousandMonths(acc[S.freezeEvents + i]!, openDays);
    f[`meanFreezeDays.${c}`] = ratio(acc[S.freezeLengthSum + i]!, acc[S.freezeEnded + i]!);
    f[`endedShare.${c}`] = ratio(acc[S.freezeEnded + i]!, acc[S.freezeEvents + i]!);
  });
  RESTRICTION_CAUSES.forEach((c, i) => (f[`preIncreaseRestriction.${c}`] = ratio(acc[S.preByCause + i]!, requests)));
  REQUEST_OUTCOMES.forEach((o, i) => (f[`requests.${o}`] = acc[S.outcomes + i]!));
  f['requests.count'] = requests;
  for (let k = 0; k < 5; k++) f[`eventsPerBorrower.${k}`] = ratio(acc[S.eventsHistogram + k]!, acc[S.borrowers]!);
  f.raisesPerAccount = ratio(acc[S.raises]!, acc[S.borrowers]!);
  f.cutsPerAccount = ratio(acc[S.cuts]!, acc[S.borrowers]!);
  return f;
}

export const SEGMENT_FIGURES = [
  'defaultRate',
  'annualDefaultRate',
  'lossRate',
  'freezeEventsPer1000AccountMonths',
  'holdsPer1000AccountMonths',
  'everFrozenShare',
  'frozenDaysPerAccountYear',
  'blockedDrawsPerAccountYear',
  'approvedShare',
  'interestRevenueRate',
  'riskAdjustedRevenueRate',
] as const;

/** The headline figures again, for one segment of one path. */
export function segmentFigures(acc: Float64Array, layout: Layout, clock: Clock, segment: number): Record<string, Value> {
  const g = segmentScopeBase(layout, segment);
  const borrowers = acc[g + S.borrowers]!;
  const start = acc[g + S.startBalance]!;
  const openDays = acc[g + S.openDays]!;
  const defaultRate = ratio(acc[g + S.defaults]!, borrowers);
  let segmentEvents = 0;
  for (let c = 0; c < FREEZE_CAUSES.length; c++) segmentEvents += acc[g + S.freezeEvents + c]!;
  return {
    defaultRate,
    annualDefaultRate: defaultRate === null ? null : (defaultRate * 365) / clock.horizonDays,
    lossRate: ratio(acc[g + S.loss]!, start),
    freezeEventsPer1000AccountMonths: perThousandMonths(segmentEvents, openDays),
    holdsPer1000AccountMonths: perThousandMonths(acc[g + S.holds]!, openDays),
    everFrozenShare: ratio(acc[g + S.everFrozen]!, borrowers),
    frozenDaysPerAccountYear: ratio(acc[g + S.frozenDays]! * 365, openDays),
    blockedDrawsPerAccountYear: perYear(acc[g + S.blockedAttempts]!, openDays + acc[g + S.closedDays]!),
    approvedShare: ratio(acc[g + S.outcomes]!, acc[g + S.requests]!),
    interestRevenueRate: ratio(acc[g + S.interest]!, start),
    riskAdjustedRevenueRate: ratio(acc[g + S.interest]! - acc[g + S.loss]!, start),
  };
}

export const SERIES = [
  'open',
  'frozenTotal',
  'newHolds',
  'newDefaults',
  'cumulativeDefaultRate',
  'exposure',
  'meanLimit',
  'utilisation',
] as const;

/** One path's series, step by step: name → values (frozen.<cause> and newFreezeEvents.<cause> too). */
export function pathSeries(acc: Float64Array, layout: Layout): Record<string, Value[]> {
  const out: Record<string, Value[]> = {};
  const push = (k: string, v: Value) => (out[k] ??= []).push(v);
  const borrowers = acc[S.borrowers]!;
  let cumulative = 0;
  for (let t = 0; t < layout.steps; t++) {
    const b = layout.stepBase + t * STEP_SLOTS;
    push('open', acc[b + T.open]!);
    let frozenTotal = 0;
    FREEZE_CAUSES.forEach((c, i) => {
      push(`frozen.${c}`, acc[b + T.frozen + i]!);
      push(`newFreezeEvents.${c}`, acc[b + T.newEvents + i]!);
      frozenTotal += acc[b + T.frozen + i]!;
    });
    push('frozenTotal', frozenTotal);
    push('newHolds', acc[b + T.newHolds]!);
    push('newDefaults', acc[b + T.newDefaults]!);
    cumulative += acc[b + T.newDefaults]!;
    push('cumulativeDefaultRate', ratio(cumulative, borrowers));
    push('exposure', acc[b + T.exposure]!);
    push('meanLimit', ratio(acc[b + T.limitOpen]!, acc[b + T.open]!));
    push('utilisation', ratio(acc[b + T.balanceOpen]!, acc[b + T.limitOpen]!));
  }
  return out;
}

/**
 * Money in = money out: balance at start + drawn + capitalised interest =
 * repaid + balance written off at default + balance at the horizon.
 * Returns the imbalance relative to the money in.
 */
export function conservationError(acc: Float64Array): number {
  const moneyIn = acc[S.startBalance]! + acc[S.drawn]! + acc[S.capitalised]!;
  const moneyOut = acc[S.repaid]! + acc[S.defaultedBalance]! + acc[S.endBalance]!;
  return moneyIn > 0 ? Math.abs(moneyIn - moneyOut) / moneyIn : 0;
}
