/**
 * Step phase 1, pending outcomes (docs/model.md "One step", 1): a request's
 * outcome takes effect when its verification hold ends — an approval raises the
 * limit, an identity failure or an escalation freezes the account.
 */
import { type BorrowerState, OPEN, SLOT_IDENTITY, SLOT_RISK_REQUEST, frozenAt, setTimed } from '../borrower.js';
import { CAUSE_IDENTITY } from '../policies/freeze.js';
import { raisedLimit } from '../policies/limits.js';
import { OUTCOME_APPROVED, outcomeFreezeCause, outcomeFreezeDays } from '../policies/requests.js';
import { recordFreezeEvent } from './freeze-events.js';
import type { StepEnv } from './env.js';

/** Apply the outcome waiting at `st.pendingDay` (inside step `t`, which starts at `a`). */
export function applyPendingOutcome(env: StepEnv, st: BorrowerState, t: number, a: number): void {
  const day = st.pendingDay;
  const outcome = st.pendingOutcome;
  st.pendingDay = Infinity;
  st.pendingOutcome = -1;
  if (st.status !== OPEN) return;
  const limits = env.sc.limits;
  if (outcome === OUTCOME_APPROVED) {
    st.limit = raisedLimit(st.limit, limits.request.increaseFactor, limits.cap, limits.initial.roundTo);
    return;
  }
  const cause = outcomeFreezeCause(outcome);
  const days = outcomeFreezeDays(outcome, env.ctx.request.failFreezeDays, env.sc.freeze.riskModel.days);
  if (cause < 0 || days <= 0) return;
  if (!frozenAt(st, day)) recordFreezeEvent(env, st, cause, day, t);
  setTimed(st, cause === CAUSE_IDENTITY ? SLOT_IDENTITY : SLOT_RISK_REQUEST, day, day + days, a);
}
