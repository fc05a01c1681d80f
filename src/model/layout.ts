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

/**
 * Scope slots, one per named total. Arrays (by cause, outcome, bucket) follow their base index.
 * `S` and `T` are const enums so that the compiler writes each slot as its number
 * in the hot loop: an imported constant costs a module-cell load and a check
 * every time the step reads it (measured: docs/performance.md).
 */
export const enum S {
  borrowers = 0,
  defaults = 1,
  loss = 2,
  startBalance = 3,
  startLimit = 4,
  interest = 5,
  openDays = 6,
  closedDays = 7,
  frozenDays = 8,
  blockedAttempts = 9,
  holds = 10,
  everFrozen = 11,
  everRestricted = 12,
  requests = 13,
  outcomes = 14, // 4: approved, declined, escalated, identityFailed
  preRestricted = 18,
  preByCause = 19, // 7: hold, then the 6 freeze causes
  raises = 26,
  cuts = 27,
  freezeEvents = 28, // 6 causes, severity order
  freezeLengthSum = 34, // 6
  freezeEnded = 40, // 6
  eventsHistogram = 46, // 5: 0, 1, 2, 3, 4+
  drawn = 51,
  capitalised = 52,
  repaid = 53,
  defaultedBalance = 54,
  endBalance = 55,
  endLimitOpen = 56,
  endOpen = 57,
  startOpen = 58,
  closures = 59,
  churned = 60,
  attempts = 61,
  creditLoss = 62, // v2: loss on defaults of non-fraud borrowers (and the credit part of a taken-over account's default)
  fraudLoss = 63, // v2: bust-out defaults and takeover write-offs
  takeoverLoss = 64, // v2: the takeovers' part of fraudLoss
  writtenOff = 65, // v2: balance removed by takeover write-offs (money out, for conservation)
  fraudDrawn = 66, // v2: amount drawn by fraudsters and bust-outs in their drains
  defaultsDistressed = 67, // v2: defaults by hidden state at the default
  defaultsBustOut = 68,
  badFreezeEvents = 69, // v2: freeze events on bad accounts, by cause
  ruleEvents = 75, // v2: freeze events the automatic risk-model rule triggered (any attributed cause)
  badRuleEvents = 76,
  badHolds = 77,
  goodEverFrozen = 78, // v2: borrowers with a freeze event while good
  badBlockedAttempts = 79,
  liveDays = 80, // v2: account-days not defaulted (open, closed or churned)
  distressedDays = 81,
  distressEpisodes = 82, // v2: initial distress plus entries
  distressEntries = 83,
  distressRecoveries = 84,
  distressDefaultsFlagged = 85,
  onsets = 86,
  bustOutsStopped = 87,
  takeovers = 88,
  takeoversStopped = 89,
  investigations = 90,
  confirmations = 91,
}
export const SCALARS = 92;

/** Per-step slots of the portfolio (values at the end of the step, or counts within it). */
export const enum T {
  open = 0,
  frozen = 1, // 6 causes: accounts frozen at the step's end, by most severe active cause
  newEvents = 7, // 6 causes
  newHolds = 13,
  newDefaults = 14,
  exposure = 15,
  limitOpen = 16,
  balanceOpen = 17,
  closed = 18,
  churned = 19,
  distressed = 20, // v2: distressed open accounts at the step's end
  onsets = 21, // v2: bust-out onsets in the step
  takeovers = 22, // v2: takeovers started in the step
}
export const STEP_SLOTS = 23;

export interface Layout {
  segments: number;
  steps: number;
  /** first slot of segment 0's scope block (segment k's is segmentBase + k·SCALARS) */
  segmentBase: number;
  stepBase: number;
  size: number;
}

export function makeLayout(segments: number, steps: number): Layout {
  const segmentBase = SCALARS;
  const stepBase = segmentBase + segments * SCALARS;
  return { segments, steps, segmentBase, stepBase, size: stepBase + steps * STEP_SLOTS };
}

/** First slot of a segment's scope block. */
export function segmentScopeBase(layout: Layout, segment: number): number {
  return layout.segmentBase + segment * SCALARS;
}
