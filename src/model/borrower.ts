/**
 * A borrower's state through its timeline, and the interval bookkeeping of
 * freezes and holds. One object is reused for every borrower of a shard, so the
 * hot loop allocates nothing per borrower-step.
 *
 * Freezes are kept as one interval per source ("slot"), [start, end) in days;
 * the account is frozen wherever any slot covers. Untimed freezes (delinquency,
 * score floor) have end = +Infinity while active and get their end when lifted.
 * The verification hold is the last interval: a restriction, not a freeze.
 */

/** The account's status (what the lender sees). */
export const enum Status {
  Open = 0,
  Closed = 1,
  Churned = 2,
  Defaulted = 3,
}

/** The restriction slots: SlotCount.Freeze freeze slots, then the verification hold. */
export const enum Slot {
  Delinquency = 0,
  ScoreFloor = 1,
  Identity = 2,
  RiskRule = 3,
  RiskRequest = 4,
  Maintenance = 5,
  Fraud = 6,
  Hold = 7,
}
/** How many slots: the freeze slots (0 … Freeze − 1), and all of them (the hold is the last). */
export const enum SlotCount {
  Freeze = 7,
  All = 8,
}

/** The freeze cause of each slot (cause indices from policies/freeze.ts, severity order). */
export const SLOT_CAUSE = [0, 2, 3, 4, 4, 5, 1] as const;

/** Hidden states (model v2): what the lender cannot see. A sleeper is a bust-out planner before its onset; BustOut, after it. */
export const enum Hidden {
  Healthy = 0,
  Distressed = 1,
  /** a bust-out planner before its onset */
  Sleeper = 2,
  /** a bust-out planner after its onset */
  BustOut = 3,
}

export class BorrowerState {
  segment = 0;
  status = Status.Open;
  // Real-valued fields start as NaN (set for every borrower before use): a field
  // that first holds small integers gets an integer representation, and the first
  // fraction (a limit cut to a balance, after thousands of borrowers) changes the
  // object's map and throws away the hot loop's compiled code.
  score = NaN;
  limit = NaN;
  initialLimit = NaN;
  balance = NaN;
  monthlyIncome = NaN;
  externalDti = NaN;
  drawsPerYear = NaN;
  drawShare = NaN;
  /** days past due; 0 is current */
  dpd = 0;
  lastMissDay = -Infinity;
  scoreAtLastReview = NaN;
  windowIndex = -1;
  windowDraws = 0;
  /** interval starts and ends, SlotCount.Freeze freeze slots then the hold */
  readonly start = new Float64Array(SlotCount.All);
  readonly end = new Float64Array(SlotCount.All);
  /** a request outcome waiting for its hold to end */
  pendingDay = Infinity;
  pendingOutcome = -1;
  nextArrival = Infinity;
  /** days of the latest freeze events (for closure), ring buffer */
  recentEvents: Float64Array;
  recentPos = 0;
  freezeEvents = 0;
  holds = 0;
  inEpisode = false;
  /** −Infinity rather than 0: a double from the start (see score above) */
  episodeStart = -Infinity;
  episodeCause = 0;
  lastFreezeEnd = -Infinity;
  // Model v2: the hidden state and the fraud in progress.
  hidden = Hidden.Healthy;
  /** a planner's onset day (Infinity for others) */
  onsetDay = Infinity;
  /** the wish to ask arrives at perYear · wishFactor and is thinned to the state's rate when `thinWishes` */
  wishFactor = 1;
  thinWishes = false;
  takenOver = false;
  /** the day the owner notices the running takeover */
  noticeDay = Infinity;
  /** what the running takeover's fraudster has drawn */
  takeoverDrawn = 0.5;
  nextTakeover = Infinity;
  /** had a freeze event while good */
  goodFrozen = false;
  /** a riskModel or identity freeze event in the current distress episode before its first miss */
  flaggedInDistress = false;
  missedInDistress = false;
  /** days under a freeze in the billing period so far (liquidity channel) */
  periodFrozenDays = 0.5;
  /** the pending outcome's request was the fraudster's or a bust-out's: an approval is drained */
  pendingByFraud = false;
  /** the uniform that decides whether that drain is caught */
  pendingDrainU = 0.5;
  /** the escalation uniform of the pending outcome, rescaled for its investigation */
  pendingInvestigateU = 0.5;
  /**
   * No interval (freeze or hold) ends after this day: an upper bound on every
   * `end`, so a step starting at or after it needs no interval arithmetic (most
   * steps of most borrowers). Every write that may raise an end raises it
   * (`setSlot`, `setTimed`); lowering an end (`liftUntimed`) tightens it again.
   */
  restrictedUntil = -Infinity;
  // Whole-step counts, added to the tally once at the horizon rather than every
  // step (integers, so the totals are exactly those of per-step adds).
  /** steps begun not defaulted; open, closed and distressed at their start */
  liveSteps = 0;
  openSteps = 0;
  closedSteps = 0;
  distressedSteps = 0;
  /** draw attempts, and of them blocked ones */
  attempts = 0;
  blockedAttempts = 0;

  constructor(closureWindow: number) {
    this.recentEvents = new Float64Array(Math.max(1, closureWindow));
  }

  reset(): void {
    this.status = Status.Open;
    this.dpd = 0;
    this.lastMissDay = -Infinity;
    this.windowIndex = -1;
    this.windowDraws = 0;
    // (loops, not fill(): TypedArray.prototype.fill is a call into C++ that costs
    // more than the loop over these few slots, once a borrower; docs/performance.md)
    const start = this.start;
    const end = this.end;
    for (let i = 0; i < start.length; i++) {
      start[i] = -Infinity;
      end[i] = -Infinity;
    }
    this.pendingDay = Infinity;
    this.pendingOutcome = -1;
    this.nextArrival = Infinity;
    const recent = this.recentEvents;
    for (let i = 0; i < recent.length; i++) recent[i] = -Infinity;
    this.recentPos = 0;
    this.freezeEvents = 0;
    this.holds = 0;
    this.inEpisode = false;
    this.episodeStart = -Infinity;
    this.episodeCause = 0;
    this.lastFreezeEnd = -Infinity;
    this.restrictedUntil = -Infinity;
    this.hidden = Hidden.Healthy;
    this.onsetDay = Infinity;
    this.wishFactor = 1;
    this.thinWishes = false;
    this.takenOver = false;
    this.noticeDay = Infinity;
    this.takeoverDrawn = 0;
    this.nextTakeover = Infinity;
    this.goodFrozen = false;
    this.flaggedInDistress = false;
    this.missedInDistress = false;
    this.periodFrozenDays = 0;
    this.pendingByFraud = false;
    this.pendingDrainU = 0;
    this.pendingInvestigateU = 0;
    this.liveSteps = 0;
    this.openSteps = 0;
    this.closedSteps = 0;
    this.distressedSteps = 0;
    this.attempts = 0;
    this.blockedAttempts = 0;
  }
}

/** Slot `i` becomes the interval [from, to) (to = +Infinity for an untimed freeze). */
export function setSlot(st: BorrowerState, i: number, from: number, to: number): void {
  st.start[i] = from;
  st.end[i] = to;
  if (to > st.restrictedUntil) st.restrictedUntil = to;
}

/** An untimed freeze in slot `i` lifts at `day`. */
export function liftUntimed(st: BorrowerState, i: number, day: number): void {
  st.end[i] = day;
  let until = -Infinity;
  for (let j = 0; j < SlotCount.All; j++) if (st.end[j]! > until) until = st.end[j]!;
  st.restrictedUntil = until;
}

/** Is any freeze slot active at the instant `day`? */
export function frozenAt(st: BorrowerState, day: number): boolean {
  for (let i = 0; i < SlotCount.Freeze; i++) if (st.start[i]! <= day && day < st.end[i]!) return true;
  return false;
}

/** Was the account frozen just before `day` (a freeze covering [day − ε, day))? */
export function frozenJustBefore(st: BorrowerState, day: number): boolean {
  for (let i = 0; i < SlotCount.Freeze; i++) if (st.start[i]! < day && st.end[i]! >= day) return true;
  return false;
}

/** The most severe cause of a freeze covering `day`, or −1. */
export function causeAt(st: BorrowerState, day: number): number {
  let cause = -1;
  const causes = SLOT_CAUSE; // (one module-cell load, not one a slot)
  for (let i = 0; i < SlotCount.Freeze; i++) {
    if (st.start[i]! <= day && day < st.end[i]!) {
      const c = causes[i]!;
      if (cause < 0 || c < cause) cause = c;
    }
  }
  return cause;
}

/**
 * Measure of the union of intervals 0..count−1 of (starts, ends) within [lo, hi).
 * `scratchStart`/`scratchEnd` hold the clipped intervals (length ≥ count).
 */
export function unionMeasure(
  starts: Float64Array,
  ends: Float64Array,
  count: number,
  lo: number,
  hi: number,
  scratchStart: Float64Array,
  scratchEnd: Float64Array,
): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const s = starts[i]! > lo ? starts[i]! : lo;
    const e = ends[i]! < hi ? ends[i]! : hi;
    if (e > s) {
      // insertion sort by start as we go
      let j = n++;
      while (j > 0 && scratchStart[j - 1]! > s) {
        scratchStart[j] = scratchStart[j - 1]!;
        scratchEnd[j] = scratchEnd[j - 1]!;
        j--;
      }
      scratchStart[j] = s;
      scratchEnd[j] = e;
    }
  }
  if (n === 0) return 0;
  let total = 0;
  let curS = scratchStart[0]!;
  let curE = scratchEnd[0]!;
  for (let j = 1; j < n; j++) {
    if (scratchStart[j]! <= curE) {
      if (scratchEnd[j]! > curE) curE = scratchEnd[j]!;
    } else {
      total += curE - curS;
      curS = scratchStart[j]!;
      curE = scratchEnd[j]!;
    }
  }
  return total + curE - curS;
}

/**
 * End of the freeze episode that started at `from`: follow the slots that cover
 * the running end until none does (+Infinity while an untimed freeze is active).
 */
export function episodeEnd(st: BorrowerState, from: number): number {
  let t = from;
  for (let guard = 0; guard <= SlotCount.Freeze; guard++) {
    let moved = false;
    for (let i = 0; i < SlotCount.Freeze; i++) {
      if (st.start[i]! <= t && t < st.end[i]!) {
        t = st.end[i]!;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return t;
}

/**
 * Start or extend a timed freeze in slot `i` over [from, to). A trigger on an
 * active (or just-ended-in-this-step) interval extends it to max(end, to): the
 * slot keeps one interval, so a gap shorter than a step inside the current step
 * is counted as frozen (documented in docs/model.md).
 */
export function setTimed(st: BorrowerState, i: number, from: number, to: number, stepStart: number): void {
  if (st.end[i]! >= from || st.end[i]! > stepStart) {
    if (to > st.end[i]!) st.end[i] = to;
    if (st.start[i]! === -Infinity) st.start[i] = from;
  } else {
    st.start[i] = from;
    st.end[i] = to;
  }
  if (st.end[i]! > st.restrictedUntil) st.restrictedUntil = st.end[i]!;
}

/**
 * Is the account bad at this moment (docs/model.md "Freeze quality")? Delinquent,
 * distressed, a bust-out planner before or after its onset, or taken over. Only
 * the labelling of figures and the checks' probabilities read this; policies never do.
 */
export function isBad(st: BorrowerState): boolean {
  return st.dpd > 0 || st.hidden !== Hidden.Healthy || st.takenOver;
}
