/**
 * Step phase 1, pending outcomes (docs/model.md "One step", 1): a request's
 * outcome takes effect when its verification hold ends — an approval raises the
 * limit (and a bust-out's or fraudster's approval is drained at once), an
 * identity failure or an escalation freezes the account; an escalation is a
 * risk-model catch and is investigated, and an identity failure of a
 * fraudster's request ends the takeover.
 */
import { type BorrowerState, frozenAt, setTimed, Hidden, Status, Slot } from '../borrower.js';
import { Cause } from '../policies/freeze.js';
import { raisedLimit } from '../policies/limits.js';
import { outcomeFreezeCause, outcomeFreezeDays, RequestOutcome } from '../policies/requests.js';
import { recordFreezeEvent } from './freeze-events.js';
import { drain, endTakeover, investigate } from './fraud.js';
import type { StepCursor, StepEnv } from './env.js';

/** Apply the outcome waiting at `st.pendingDay` (inside the current step). */
export function applyPendingOutcome(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const day = st.pendingDay;
  const outcome = st.pendingOutcome;
  const byFraud = st.pendingByFraud;
  st.pendingDay = Infinity;
  st.pendingOutcome = -1;
  st.pendingByFraud = false;
  if (st.status !== Status.Open) return;
  const limits = env.sc.limits;
  if (outcome === RequestOutcome.Approved) {
    st.limit = raisedLimit(st.limit, limits.request.increaseFactor, limits.cap, limits.initial.roundTo);
    // A bust-out or a fraudster draws the new room the moment it appears, unless frozen.
    if (byFraud && (st.takenOver || st.hidden === Hidden.BustOut) && !frozenAt(st, day)) drain(env, st, cur, day, st.pendingDrainU, st.takenOver);
    return;
  }
  const cause = outcomeFreezeCause(outcome);
  const days = outcomeFreezeDays(outcome, env.ctx.request.failFreezeDays, env.sc.freeze.riskModel.days);
  if (cause >= 0 && days > 0) {
    if (!frozenAt(st, day)) recordFreezeEvent(env, st, cause, day, cur.t);
    setTimed(st, cause === Cause.Identity ? Slot.Identity : Slot.RiskRequest, day, day + days, cur.a);
  }
  if (outcome === RequestOutcome.Escalated) investigate(env, st, cur, day, st.pendingInvestigateU);
  else if (outcome === RequestOutcome.IdentityFailed && byFraud && st.takenOver) endTakeover(env, st, cur, day, true);
}
