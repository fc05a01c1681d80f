/**
 * Step phase 7, the periodic review (docs/model.md "One step", 7): at the end
 * of every review period an open account's limit is cut, raised or left, as
 * policies/limits.ts decides from the score, utilisation and recent record.
 */
import { type BorrowerState, FREEZE_SLOTS, OPEN, SLOT_MAINTENANCE } from '../borrower.js';
import { REVIEW_CUT, REVIEW_RAISE, adverseFreezeOverlaps, cutLimit, raisedLimit, reviewDecision } from '../policies/limits.js';
import type { StepCursor, StepEnv } from './env.js';

export function reviewPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const rv = env.ctx.review;
  if (!rv.enabled || st.status !== OPEN || env.ctx.reviewDue[cur.t] !== 1) return;
  const b = cur.b;
  const since = b - rv.cleanDays;
  const rev = env.rev;
  rev.score = st.score;
  rev.scoreAtLastReview = st.scoreAtLastReview;
  rev.limit = st.limit;
  rev.balance = st.balance;
  rev.current = st.dpd === 0;
  rev.adverseFreezeRecently = adverseFreezeOverlaps(st.start, st.end, FREEZE_SLOTS, SLOT_MAINTENANCE, since, b);
  rev.missRecently = st.lastMissDay > since;
  const decision = reviewDecision(rv, rev);
  const limits = env.sc.limits;
  if (decision === REVIEW_CUT) {
    st.limit = cutLimit(st.limit, st.balance, rv.cutFactor, limits.initial.roundTo);
    env.tally.reviewCut();
  } else if (decision === REVIEW_RAISE) {
    st.limit = raisedLimit(st.limit, rv.increaseFactor, limits.cap, limits.initial.roundTo);
    env.tally.reviewRaise();
  }
  st.scoreAtLastReview = st.score;
}
