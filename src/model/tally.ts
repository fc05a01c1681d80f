/**
 * The one way the borrower step counts: each method records one kind of event
 * (a freeze event, a default, a step's draws) into the shard's accumulator, for
 * the portfolio and for the borrower's segment in the same call, so no call
 * site writes a slot twice. Slots are in ./layout.ts; results/ turns the totals
 * into figures.
 *
 * One Tally serves a whole shard: `borrower()` points it at the next borrower's
 * segment. It allocates nothing.
 */
import { type Layout, S, SCALARS, STEP_SLOTS, T } from './layout.js';

export class Tally {
  private acc: Float64Array = new Float64Array(0);
  /** first slot of the current borrower's segment block */
  private seg = 0;
  private readonly segmentBase: number;
  private readonly stepBase: number;

  constructor(layout: Layout) {
    this.segmentBase = layout.segmentBase;
    this.stepBase = layout.stepBase;
  }

  /** Count into `acc` for a borrower of `segment` from now on. */
  bind(acc: Float64Array, segment: number): void {
    this.acc = acc;
    this.seg = this.segmentBase + segment * SCALARS;
  }

  /** Add to a scope slot of the portfolio and of the current segment. */
  private add(slot: number, value: number): void {
    this.acc[slot]! += value;
    this.acc[this.seg + slot]! += value;
  }

  private step(t: number, slot: number, value: number): void {
    this.acc[this.stepBase + t * STEP_SLOTS + slot]! += value;
  }

  borrowerStart(balance: number, limit: number): void {
    this.add(S.borrowers, 1);
    this.add(S.startBalance, balance);
    this.add(S.startLimit, limit);
    this.add(S.startOpen, 1);
  }

  openStep(days: number): void {
    this.add(S.openDays, days);
  }

  closedStep(days: number): void {
    this.add(S.closedDays, days);
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

  defaulted(t: number, balance: number, loss: number): void {
    this.add(S.defaults, 1);
    this.add(S.loss, loss);
    this.add(S.defaultedBalance, balance);
    this.step(t, T.newDefaults, 1);
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

  hold(t: number): void {
    this.add(S.holds, 1);
    this.step(t, T.newHolds, 1);
  }

  freezeEvent(t: number, cause: number): void {
    this.add(S.freezeEvents + cause, 1);
    this.step(t, T.newEvents + cause, 1);
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

  openAtStepEnd(t: number, limit: number, balance: number, frozenCause: number): void {
    const base = this.stepBase + t * STEP_SLOTS;
    this.acc[base + T.open]! += 1;
    this.acc[base + T.limitOpen]! += limit;
    this.acc[base + T.balanceOpen]! += balance;
    if (frozenCause >= 0) this.acc[base + T.frozen + frozenCause]! += 1;
  }

  closedAtStepEnd(t: number): void {
    this.step(t, T.closed, 1);
  }

  churnedAtStepEnd(t: number): void {
    this.step(t, T.churned, 1);
  }

  /** Totals at the horizon: the balance of a live (not defaulted) account, the limit of an open one. */
  horizon(live: boolean, open: boolean, balance: number, limit: number, freezeEvents: number, holds: number): void {
    if (live) this.add(S.endBalance, balance);
    if (open) {
      this.add(S.endLimitOpen, limit);
      this.add(S.endOpen, 1);
    }
    if (freezeEvents > 0) this.add(S.everFrozen, 1);
    if (freezeEvents > 0 || holds > 0) this.add(S.everRestricted, 1);
    this.add(S.eventsHistogram + Math.min(4, freezeEvents), 1);
  }
}
