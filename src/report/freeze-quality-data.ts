/**
 * The numbers behind the run report's "Freeze quality" section, shared by its
 * charts and tables: which hidden states the scenario switched on, freeze
 * events on good and bad accounts by cause, and the loss split by source.
 * Model v2 (MODEL.md "What is reported", the v2 bullets).
 */
import { FREEZE_CAUSES, type FreezeCause, type Stat, type Summary } from '../results/types.js';
import { summarise } from '../results/stat.js';

export interface HiddenStates {
  distress: boolean;
  bustOut: boolean;
  takeover: boolean;
  /** any of the three: without one, every freeze is on a good account and the section has nothing to say */
  any: boolean;
}

/** Which v2 mechanics the run's scenario had on (a summary from before v2 has none). */
export function hiddenStatesOf(summary: Summary): HiddenStates {
  const s = summary.manifest.scenario as { distress?: { enabled?: boolean }; fraud?: { bustOut?: { enabled?: boolean }; takeover?: { enabled?: boolean } } };
  const distress = s.distress?.enabled === true;
  const bustOut = s.fraud?.bustOut?.enabled === true;
  const takeover = s.fraud?.takeover?.enabled === true;
  return { distress, bustOut, takeover, any: distress || bustOut || takeover };
}

/** A ratio derived from a Stat, with the interval its ends map to (no se: it is not a mean of paths). */
export interface Derived {
  mean: number | null;
  ci95: [number, number] | null;
}

export interface CauseQuality {
  cause: FreezeCause;
  /** events on good and on bad accounts per 1000 open account-months */
  good: Stat;
  bad: Stat;
  /** events on bad accounts / all events, mean of the paths that had events of the cause */
  precision: Stat;
  /** good events per bad event, (1 − p) / p of the precision p; its interval is the image of precision's */
  falseFlags: Derived;
}

/** (1 − p) / p, null where p is 0 (no true flag) or missing. */
function falseFlagsOf(p: number | null): number | null {
  return p === null || !(p > 0) ? null : (1 - p) / p;
}

/** Freeze quality of each cause, in the order of FREEZE_CAUSES. */
export function causeQuality(summary: Summary): CauseQuality[] {
  const b = summary.byCause;
  return FREEZE_CAUSES.map((cause) => {
    const precision = b.freezePrecision[cause];
    // (1 − p)/p falls as p rises, so the interval's ends swap
    const lo = falseFlagsOf(precision.ci95?.[1] ?? null);
    const hi = falseFlagsOf(precision.ci95?.[0] ?? null);
    return {
      cause,
      good: b.goodFreezeEventsPer1000AccountMonths[cause],
      bad: b.badFreezeEventsPer1000AccountMonths[cause],
      precision,
      falseFlags: { mean: falseFlagsOf(precision.mean), ci95: lo !== null && hi !== null ? [lo, hi] : null },
    };
  });
}

export const LOSS_SOURCES = ['credit', 'bustOut', 'takeover'] as const;
export type LossSource = (typeof LOSS_SOURCES)[number];

export const LOSS_SOURCE_LABELS: Record<LossSource, string> = {
  credit: 'Credit (borrowers who could not pay)',
  bustOut: 'Fraud: bust-outs',
  takeover: 'Fraud: account takeovers',
};

/** The same, short enough for a chart's axis. */
export const LOSS_SOURCE_SHORT: Record<LossSource, string> = {
  credit: 'Credit',
  bustOut: 'Fraud: bust-outs',
  takeover: 'Fraud: takeovers',
};

export interface LossSourceRow {
  source: LossSource;
  /** loss over the horizon / balance at start */
  rate: Stat;
  /** share of the path's loss */
  share: Stat;
}

/**
 * The loss split into credit, bust-out and takeover, each as a rate of the
 * starting balance and as a share of the loss, across paths. The summary has
 * the two fraud parts only as shares of the loss, so each path's rate is its
 * share times its loss rate (exact: share = part / loss, rate = loss / start);
 * the mean and interval are then over paths like every other figure. Null
 * when the summary lacks the per-path values.
 */
export function lossSources(summary: Summary): LossSourceRow[] | null {
  const p = summary.perPath;
  const loss = p['lossRate'];
  const credit = p['creditLossRate'];
  const bustOutShare = p['bustOutLossShare'];
  const takeoverShare = p['takeoverLossShare'];
  if (!loss || !credit || !bustOutShare || !takeoverShare) return null;
  const times = (share: (number | null)[]) =>
    loss.map((l, i) => (l === null ? null : l === 0 ? 0 : share[i] == null ? null : (share[i] as number) * l));
  const creditShare = loss.map((l, i) => (l === null || !(l > 0) || credit[i] == null ? null : (credit[i] as number) / l));
  return [
    { source: 'credit', rate: summarise(credit), share: summarise(creditShare) },
    { source: 'bustOut', rate: summarise(times(bustOutShare)), share: summarise(bustOutShare) },
    { source: 'takeover', rate: summarise(times(takeoverShare)), share: summarise(takeoverShare) },
  ];
}
