/**
 * Per-path figures (docs/model.md, "What is counted") from a path's merged
 * accumulator: the headline figures through the registry (./registry.ts), the
 * detail figures (by cause, outcome, bucket) and the series. Every ratio has an
 * exact denominator; a ratio over zero is null (the summary says why), never NaN.
 */
import type { Clock } from '../model/clock.js';
import { type Layout, S, STEP_SLOTS, T, segmentScopeBase } from './layout.js';
import { FREEZE_CAUSES, REQUEST_OUTCOMES, RESTRICTION_CAUSES } from './types.js';
import {
  FIGURES, PATH_FIGURES, type PathFigureName, SEGMENT_FIGURES, type Value, perThousandMonths, portfolioContext, ratio, scopeView,
} from './registry.js';

export { type Value, ratio } from './registry.js';

/** The headline figures of one path that have per-path values, keyed by name. */
export function pathFigures(acc: Float64Array, layout: Layout, clock: Clock): Record<PathFigureName, Value> {
  const v = scopeView(acc, 0);
  const ctx = portfolioContext(acc, layout.stepBase, layout.steps, clock.horizonDays);
  const f = {} as Record<PathFigureName, Value>;
  for (const name of PATH_FIGURES) {
    const def = FIGURES[name];
    if (def.kind !== 'tail') f[name] = def.formula(v, ctx);
  }
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
    const bad = acc[S.badFreezeEvents + i]!;
    f[`goodFreezeEventsPer1000AccountMonths.${c}`] = perThousandMonths(acc[S.freezeEvents + i]! - bad, openDays);
    f[`badFreezeEventsPer1000AccountMonths.${c}`] = perThousandMonths(bad, openDays);
    f[`freezePrecision.${c}`] = ratio(bad, acc[S.freezeEvents + i]!);
  });
  RESTRICTION_CAUSES.forEach((c, i) => (f[`preIncreaseRestriction.${c}`] = ratio(acc[S.preByCause + i]!, requests)));
  REQUEST_OUTCOMES.forEach((o, i) => (f[`requests.${o}`] = acc[S.outcomes + i]!));
  f['requests.count'] = requests;
  for (let k = 0; k < 5; k++) f[`eventsPerBorrower.${k}`] = ratio(acc[S.eventsHistogram + k]!, acc[S.borrowers]!);
  f.raisesPerAccount = ratio(acc[S.raises]!, acc[S.borrowers]!);
  f.cutsPerAccount = ratio(acc[S.cuts]!, acc[S.borrowers]!);
  return f;
}

/** The segment figures (registry entries with `segments`) for one segment of one path. */
export function segmentFigures(acc: Float64Array, layout: Layout, clock: Clock, segment: number): Record<string, Value> {
  const v = scopeView(acc, segmentScopeBase(layout, segment));
  const ctx = { horizonDays: clock.horizonDays };
  const f: Record<string, Value> = {};
  for (const name of SEGMENT_FIGURES) {
    const def = FIGURES[name];
    if (def.kind !== 'tail' && def.scope === 'any') f[name] = def.formula(v, ctx);
  }
  return f;
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
  'distressed',
  'bustOutOnsets',
  'takeovers',
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
    push('distressed', acc[b + T.distressed]!);
    push('bustOutOnsets', acc[b + T.onsets]!);
    push('takeovers', acc[b + T.takeovers]!);
  }
  return out;
}

/**
 * Money in = money out: balance at start + drawn + capitalised interest =
 * repaid + balance written off at default + balance removed by takeover
 * write-offs + balance at the horizon. Returns the imbalance relative to the money in.
 */
export function conservationError(acc: Float64Array): number {
  const moneyIn = acc[S.startBalance]! + acc[S.drawn]! + acc[S.capitalised]!;
  const moneyOut = acc[S.repaid]! + acc[S.defaultedBalance]! + acc[S.writtenOff]! + acc[S.endBalance]!;
  return moneyIn > 0 ? Math.abs(moneyIn - moneyOut) / moneyIn : 0;
}
