/**
 * The accumulator layout: one flat Float64Array per shard (and per path after
 * merging) holding sums and counts. Counts are integers held exactly in doubles,
 * so merging by addition is exactly associative for them; money sums are
 * associative up to rounding, which is why the run folds shards in index order.
 */

/** Scalar slots, one per named total. Arrays of causes/outcomes follow their base index. */
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

/** Per-segment slots. */
export const G = {
  borrowers: 0,
  defaults: 1,
  loss: 2,
  startBalance: 3,
  interest: 4,
  openDays: 5,
  freezeEvents: 6,
  holds: 7,
  everFrozen: 8,
  frozenDays: 9,
  requests: 10,
  approved: 11,
  blockedAttempts: 12,
  closedDays: 13,
} as const;
export const SEGMENT_SLOTS = 14;

/** Per-step slots (values at the end of the step, or counts within it). */
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
  segmentBase: number;
  stepBase: number;
  size: number;
}

export function makeLayout(segments: number, steps: number): Layout {
  const segmentBase = SCALARS;
  const stepBase = segmentBase + segments * SEGMENT_SLOTS;
  return { segments, steps, segmentBase, stepBase, size: stepBase + steps * STEP_SLOTS };
}

/** Add `from` into `into`, slot by slot. */
export function mergeInto(into: Float64Array, from: Float64Array): void {
  if (into.length !== from.length) throw new Error(`accumulator sizes differ: ${into.length} vs ${from.length}`);
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
}
