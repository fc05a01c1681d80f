/**
 * The accumulator layout: what the borrower step counts, as one flat
 * Float64Array per shard (and per path after merging). The model writes it
 * through the tally (./tally.ts); results/ reads it through a scope view.
 *
 * The array holds one block of scope slots (`S`) for the portfolio, then one
 * block per segment with the same slots, then one block of step slots (`T`) per
 * step. Every total therefore exists for the portfolio and for each segment, so
 * one formula serves both (results/figures.ts).
 *
 * Counts are integers held exactly in doubles, so merging by addition is exactly
 * associative for them; money sums are associative up to rounding, which is why
 * the run folds shards in index order. The portfolio block is written alongside
 * the segment block rather than summed from the segments afterwards: summing
 * the segments would round money totals differently in the last bit.
 */

/** Scope slots, one per named total. Arrays (by cause, outcome, bucket) follow their base index. */
export const S = {
  borrowers: 0,
  defaults: 1,
  loss: 2,
  startBalance: 3,
  startLimit: 4,
  interest: 5,
  openDays: 6,
  closedDays: 7,
  frozenDays: 8,
  blockedAttempts: 9,
  holds: 10,
  everFrozen: 11,
  everRestricted: 12,
  requests: 13,
  outcomes: 14, // 4: approved, declined, escalated, identityFailed
  preRestricted: 18,
  preByCause: 19, // 6: hold, delinquency, scoreFloor, identity, riskModel, maintenance
  raises: 25,
  cuts: 26,
  freezeEvents: 27, // 5 causes, severity order
  freezeLengthSum: 32, // 5
  freezeEnded: 37, // 5
  eventsHistogram: 42, // 5: 0, 1, 2, 3, 4+
  drawn: 47,
  capitalised: 48,
  repaid: 49,
  defaultedBalance: 50,
  endBalance: 51,
  endLimitOpen: 52,
  endOpen: 53,
  startOpen: 54,
  closures: 55,
  churned: 56,
  attempts: 57,
} as const;
export const SCALARS = 58;

/** Per-step slots of the portfolio (values at the end of the step, or counts within it). */
export const T = {
  open: 0,
  frozen: 1, // 5 causes: accounts frozen at the step's end, by most severe active cause
  newEvents: 6, // 5 causes
  newHolds: 11,
  newDefaults: 12,
  exposure: 13,
  limitOpen: 14,
  balanceOpen: 15,
  closed: 16,
  churned: 17,
} as const;
export const STEP_SLOTS = 18;

export interface Layout {
  segments: number;
  steps: number;
  /** first slot of segment 0's scope block (segment k's is segmentBase + k·SCALARS) */
  segmentBase: number;
  stepBase: number;
  size: number;
}

/** The portfolio's scope block starts at 0. */
export const PORTFOLIO_BASE = 0;

export function makeLayout(segments: number, steps: number): Layout {
  const segmentBase = SCALARS;
  const stepBase = segmentBase + segments * SCALARS;
  return { segments, steps, segmentBase, stepBase, size: stepBase + steps * STEP_SLOTS };
}

/** First slot of a segment's scope block. */
export function segmentScopeBase(layout: Layout, segment: number): number {
  return layout.segmentBase + segment * SCALARS;
}
