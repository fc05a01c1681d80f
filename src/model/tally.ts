/**
 * The one way the borrower step counts: each method records one kind of event
 * (a freeze event, a default, a step's draws) into the shard's accumulator, for
 * the portfolio and for the borrower's segment in the same call, so no call
 * site writes a slot twice. Slots are in ./layout.ts; results/ turns the totals
 * into figures.
 *
 * One Tally serves a whole shard: `bind()` points it at the next borrower's
 * segment. It allocates nothing.
 */
import { type BorrowerState, Status } from './borrower.js';
import { type Layout, S, SCALARS, STEP_SLOTS, T } from './layout.js';

/** The hidden state of a defaulter, for the split of defaults (a sleeper counts as healthy). */
export const enum DefaultKind {
  Healthy = 0,
  Distressed = 1,
  BustOut = 2,
}

export class Tally {
  private acc: Float64Array = new Float64Array(0);
  /** first slot of the current borrower's segment block */
  private seg = 0;
  private readonly segmentBase: number;
  private readonly stepBase: number;
  // The block sizes as fields: a field load where an imported constant costs a
  // module-cell load and a check, at every count (docs/performance.md).
  private readonly scalars = SCALARS;
  private readonly stepSlots = STEP_SLOTS;

  constructor(layout: Layout) {
    this.segmentBase = layout.segmentBase;
    this.stepBase = layout.stepBase;
  }

  /** Count into `acc` for a borrower of `segment` from now on. */
  bind(acc: Float64Array, segment: number): void {
    this.acc = acc;
    this.seg = this.segmentBase + segment * this.scalars;
  }

  /** Add to a scope slot of the portfolio and of the current segment. */
  private add(slot: number, value: number): void {
    this.acc[slot]! += value;
    this.acc[this.seg + slot]! += value;
  }

  private step(t: number, slot: number, value: number): void {
    this.acc[this.stepBase + t * this.stepSlots + slot]! += value;
  }

  borrowerStart(balance: number, limit: number): void {
    this.add(S.borrowers, 1);
    this.add(S.startBalance, balance);
    this.add(S.startLimit, limit);
    this.add(S.startOpen, 1);
  }

  drawn(amount: number): void {
    this.add(S.drawn, amount);
  }

  attempts(unblocked: number, blocked: number): void {
    this.add(S.attempts, unblocked + blocked);
    this.add(S.blockedAttempts, blocked);
  }

  interestPaid(amount: number): void {
    this.add(S.interest, amount);
  }

  interestCapitalised(amount: number): void {
    this.add(S.capitalised, amount);
  }

  repaid(amount: number): void {
    this.add(S.repaid, amount);
  }

  /**
   * A default: its total loss, and (v2) the loss split by source and the hidden
   * state at the default (a `DefaultKind`).
   */
  defaulted(t: number, balance: number, loss: number, creditLoss: number, fraudLoss: number, takeoverLoss: number, kind: number): void {
    this.add(S.defaults, 1);
    this.add(S.loss, loss);
    this.add(S.defaultedBalance, balance);
    this.step(t, T.newDefaults, 1);
    this.add(S.creditLoss, creditLoss);
    if (fraudLoss !== 0) this.add(S.fraudLoss, fraudLoss);
    if (takeoverLoss !== 0) this.add(S.takeoverLoss, takeoverLoss);
    if (kind === DefaultKind.Distressed) this.add(S.defaultsDistressed, 1);
    else if (kind === DefaultKind.BustOut) this.add(S.defaultsBustOut, 1);
  }

  frozenDays(days: number): void {
    this.add(S.frozenDays, days);
  }

  request(): void {
    this.add(S.requests, 1);
  }

  /** A restriction of this kind (index into RESTRICTION_CAUSES) in the 30 days before a request. */
  restrictedBeforeRequest(kind: number): void {
    this.add(S.preByCause + kind, 1);
  }

  /** ... and the request had at least one. */
  anyRestrictionBeforeRequest(): void {
    this.add(S.preRestricted, 1);
  }

  requestOutcome(outcome: number): void {
    this.add(S.outcomes + outcome, 1);
  }

  /** A verification hold, on a bad account or a good one (v2's freeze quality). */
  hold(t: number, bad: boolean): void {
    this.add(S.holds, 1);
    this.step(t, T.newHolds, 1);
    if (bad) this.add(S.badHolds, 1);
  }

  /** A freeze event of `cause`, on a bad account or a good one. */
  freezeEvent(t: number, cause: number, bad: boolean): void {
    this.add(S.freezeEvents + cause, 1);
    this.step(t, T.newEvents + cause, 1);
    if (bad) this.add(S.badFreezeEvents + cause, 1);
  }

  /** The freeze event just counted was triggered by the automatic risk-model rule. */
  ruleEvent(bad: boolean): void {
    this.add(S.ruleEvents, 1);
    if (bad) this.add(S.badRuleEvents, 1);
  }

  /** Blocked attempts of a bad account (the rest of the blocked attempts are good ones'). */
  badBlocked(n: number): void {
    this.add(S.badBlockedAttempts, n);
  }

  /** A distress episode starts: at day 0 (initial) or by an entry at a billing. */
  distressEpisode(entry: boolean): void {
    this.add(S.distressEpisodes, 1);
    if (entry) this.add(S.distressEntries, 1);
  }

  distressRecovery(): void {
    this.add(S.distressRecoveries, 1);
  }

  /** A distressed borrower defaulted after a riskModel or identity freeze event that came before its first miss. */
  distressDefaultFlagged(): void {
    this.add(S.distressDefaultsFlagged, 1);
  }

  /** An all-at-once draw by a bust-out or a fraudster (counted in `drawn` too). */
  fraudDrain(amount: number): void {
    this.add(S.drawn, amount);
    this.add(S.fraudDrawn, amount);
  }

  onset(t: number): void {
    this.add(S.onsets, 1);
    this.step(t, T.onsets, 1);
  }

  bustOutStopped(): void {
    this.add(S.bustOutsStopped, 1);
  }

  takeover(t: number): void {
    this.add(S.takeovers, 1);
    this.step(t, T.takeovers, 1);
  }

  takeoverStopped(): void {
    this.add(S.takeoversStopped, 1);
  }

  /** What a takeover's fraudster drew is fraud loss in full; `reduction` is the balance it removed. */
  takeoverWriteOff(amount: number, reduction: number): void {
    this.add(S.loss, amount);
    this.add(S.fraudLoss, amount);
    this.add(S.takeoverLoss, amount);
    this.add(S.writtenOff, reduction);
  }

  investigation(confirmed: boolean): void {
    this.add(S.investigations, 1);
    if (confirmed) this.add(S.confirmations, 1);
  }

  /** A freeze episode of `cause` ended after `days`. */
  freezeEnded(cause: number, days: number): void {
    this.add(S.freezeLengthSum + cause, days);
    this.add(S.freezeEnded + cause, 1);
  }

  closure(): void {
    this.add(S.closures, 1);
  }

  churn(): void {
    this.add(S.churned, 1);
  }

  reviewCut(): void {
    this.add(S.cuts, 1);
  }

  reviewRaise(): void {
    this.add(S.raises, 1);
  }

  /** The picture at a step's end: exposure of every live account, and the open ones' state. */
  stepEnd(t: number, balance: number): void {
    this.step(t, T.exposure, balance);
  }

  /**
   * An open account at the step's end: its limit and balance, and the cause it
   * is frozen by (−1 if none). It takes the state, not the two amounts: doubles
   * passed to a call V8 does not inline are boxed as heap numbers, two
   * allocations a borrower-step (docs/performance.md).
   */
  openAtStepEnd(t: number, st: BorrowerState, frozenCause: number): void {
    const base = this.stepBase + t * this.stepSlots;
    this.acc[base + T.open]! += 1;
    this.acc[base + T.limitOpen]! += st.limit;
    this.acc[base + T.balanceOpen]! += st.balance;
    if (frozenCause >= 0) this.acc[base + T.frozen + frozenCause]! += 1;
  }

  closedAtStepEnd(t: number): void {
    this.step(t, T.closed, 1);
  }

  churnedAtStepEnd(t: number): void {
    this.step(t, T.churned, 1);
  }

  distressedAtStepEnd(t: number): void {
    this.step(t, T.distressed, 1);
  }

  /**
   * Totals at the horizon: the balance of a live (not defaulted) account, the
   * limit of an open one, and the borrower's whole-step counts (`D` days a step):
   * days alive, open, closed and distressed, and its draw attempts.
   */
  horizon(st: BorrowerState, D: number): void {
    const live = st.status !== Status.Defaulted;
    if (st.goodFrozen) this.add(S.goodEverFrozen, 1);
    if (live) this.add(S.endBalance, st.balance);
    if (st.status === Status.Open) {
      this.add(S.endLimitOpen, st.limit);
      this.add(S.endOpen, 1);
    }
    if (st.freezeEvents > 0) this.add(S.everFrozen, 1);
    if (st.freezeEvents > 0 || st.holds > 0) this.add(S.everRestricted, 1);
    this.add(S.eventsHistogram + Math.min(4, st.freezeEvents), 1);
    this.add(S.liveDays, st.liveSteps * D);
    this.add(S.openDays, st.openSteps * D);
    this.add(S.closedDays, st.closedSteps * D);
    if (st.distressedSteps > 0) this.add(S.distressedDays, st.distressedSteps * D);
    this.attempts(st.attempts - st.blockedAttempts, st.blockedAttempts);
  }
}
