/**
 * Step phase 7, the periodic review (docs/model.md "One step", 7): at the end
 * of every review period an open account's limit is cut, raised or left, as
 * policies/limits.ts decides from the score, utilisation and recent record.
 */
import { type BorrowerState, Status, Slot, SlotCount } from '../borrower.js';
import { adverseFreezeOverlaps, cutLimit, raisedLimit, reviewDecision, ReviewAction } from '../policies/limits.js';
import type { StepCursor, StepEnv } from './env.js';

export function reviewPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const rv = env.ctx.review;
  if (!rv.enabled || st.status !== Status.Open || env.ctx.reviewDue[cur.t] !== 1) return;
  const b = cur.b;
  const since = b - rv.cleanDays;
  const rev = env.rev;
  rev.score = st.score;
  rev.scoreAtLastReview = st.scoreAtLastReview;
  rev.limit = st.limit;
  rev.balance = st.balance;
  rev.current = st.dpd === 0;
  rev.adverseFreezeRecently = adverseFreezeOverlaps(st.start, st.end, SlotCount.Freeze, Slot.Maintenance, since, b);
  rev.missRecently = st.lastMissDay > since;
  const decision = reviewDecision(rv, rev);
  const limits = env.sc.limits;
  if (decision === ReviewAction.Cut) {
    st.limit = cutLimit(st.limit, st.balance, rv.cutFactor, limits.initial.roundTo);
    env.tally.reviewCut();
  } else if (decision === ReviewAction.Raise) {
    st.limit = raisedLimit(st.limit, rv.increaseFactor, limits.cap, limits.initial.roundTo);
    env.tally.reviewRaise();
  }
  st.scoreAtLastReview = st.score;
}
