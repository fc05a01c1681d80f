/**
 * Fraud inside a step (docs/model.md "Hidden states"): a bust-out's onset, a
 * takeover's start and end, the all-at-once drains they make and the risk-model
 * rule catching a drain at its own time, and the investigation of every
 * risk-model catch. Called by the in-step events (in time order) and by the
 * phases where a catch happens.
 */
import {
  type BorrowerState, frozenAt, setTimed, Hidden, Status, Slot,
} from '../borrower.js';
import { TAKEOVER_UNIFORMS, H, K } from '../context.js';
import { investigationConfirms, takeoverGap } from '../hidden/fraud.js';
import { Cause } from '../policies/freeze.js';
import { cutToBalance } from '../policies/limits.js';
import { recordFreezeEvent } from './freeze-events.js';
import { request } from './requests.js';
import type { StepCursor, StepEnv } from './env.js';

/**
 * A bust-out or a fraudster draws all that is left of the limit at `day`: one
 * attempt, counted toward velocity, a large draw if above the large-draw share,
 * which the rule may catch at once (`catchU`). Returns whether it was caught.
 */
export function drain(env: StepEnv, st: BorrowerState, cur: StepCursor, day: number, catchU: number, byTakeover: boolean): boolean {
  const room = st.limit > st.balance ? st.limit - st.balance : 0;
  env.tally.attempts(1, 0);
  st.windowDraws += 1;
  st.balance += room;
  env.tally.fraudDrain(room);
  cur.drained += room;
  if (byTakeover) st.takeoverDrawn += room;
  const rm = env.sc.freeze.riskModel;
  const caught = rm.enabled && rm.days > 0 && room > rm.largeDrawShare * st.limit && catchU < rm.detectProb;
  if (caught) ruleCatchAt(env, st, cur, day, catchU / rm.detectProb);
  return caught;
}

/** The automatic rule catches a drain at `day`: a riskModel freeze (and cut) from then, and an investigation. */
function ruleCatchAt(env: StepEnv, st: BorrowerState, cur: StepCursor, day: number, investigateU: number): void {
  const rm = env.sc.freeze.riskModel;
  if (!frozenAt(st, day) && recordFreezeEvent(env, st, Cause.RiskModel, day, cur.t)) env.tally.ruleEvent(true);
  setTimed(st, Slot.RiskRule, day, day + rm.days, cur.a);
  if (rm.cutLimitToBalance) st.limit = cutToBalance(st.limit, st.balance, env.sc.limits.initial.roundTo);
  investigate(env, st, cur, day, investigateU);
}

/**
 * Every risk-model catch is investigated; on an account in its bust-out or taken
 * over it confirms the fraud with confirmProb: the takeover ends, the bust-out's
 * account is closed by policy (its balance still runs to default).
 */
export function investigate(env: StepEnv, st: BorrowerState, cur: StepCursor, day: number, u: number): void {
  const h = env.ctx.hidden;
  if (!h.investigation) return;
  const confirmed = investigationConfirms(true, st.hidden === Hidden.BustOut || st.takenOver, u, h.confirmProb);
  env.tally.investigation(confirmed);
  if (!confirmed) return;
  if (st.takenOver) endTakeover(env, st, cur, day, true);
  if (st.hidden === Hidden.BustOut && st.status === Status.Open) {
    st.status = Status.Closed;
    st.inEpisode = false;
    env.tally.bustOutStopped();
  }
}

/** A planner's onset at `day`: it becomes a bust-out, drains its line and asks for more. */
export function onset(env: StepEnv, st: BorrowerState, cur: StepCursor, day: number): void {
  const hu = env.ctx.hu;
  st.hidden = Hidden.BustOut;
  st.onsetDay = Infinity;
  env.tally.onset(cur.t);
  if (st.status === Status.Closed || (st.status === Status.Open && (frozenAt(st, day) || day < st.end[Slot.Hold]!))) {
    // A restricted account: the drain is one blocked attempt, not retried, and there is no request.
    env.tally.attempts(0, 1);
    env.tally.badBlocked(1);
    return;
  }
  if (st.status !== Status.Open) return;
  if (drain(env, st, cur, day, hu[H.OnsetDrainCatch]!, false)) return;
  if (env.sc.limits.request.enabled && st.status === Status.Open) {
    request(env, st, cur, day, st.balance, st.windowDraws, hu[H.OnsetVerify]!, hu[H.OnsetEscalate]!, hu[H.OnsetRoomCatch]!, true);
  }
}

/**
 * An arrival of the takeover process at `day` (its uniforms drawn whatever
 * happens). On an open account that is not taken over, frozen or held it is a
 * takeover: the fraudster drains the line and may ask for more.
 */
export function takeoverArrival(env: StepEnv, st: BorrowerState, cur: StepCursor, day: number): void {
  const h = env.ctx.hidden;
  const k = env.ctx.ku;
  for (let i = 0; i < TAKEOVER_UNIFORMS; i++) k[i] = env.takeoverNext();
  st.nextTakeover = day + takeoverGap(k[K.Gap]!, h.takeoverPerYear);
  if (st.status !== Status.Open || st.takenOver || frozenAt(st, day) || day < st.end[Slot.Hold]!) return;
  st.takenOver = true;
  st.noticeDay = day + h.noticeDays;
  env.tally.takeover(cur.t);
  if (drain(env, st, cur, day, k[K.DrainCatch]!, true)) return;
  if (st.takenOver && st.status === Status.Open && env.sc.limits.request.enabled && k[K.Request]! < h.takeoverRequestProb) {
    request(env, st, cur, day, st.balance, st.windowDraws, k[K.Verify]!, k[K.Escalate]!, k[K.RoomCatch]!, true);
  }
}

/**
 * A takeover ends at `day`: stopped by the lender (identity check or
 * investigation, whose freeze event the fraud freeze extends) or noticed by the
 * owner (the fraud freeze is an event of its own). What the fraudster drew is
 * written off as fraud loss; the balance falls by it, never below 0.
 */
export function endTakeover(env: StepEnv, st: BorrowerState, cur: StepCursor, day: number, byLender: boolean): void {
  const days = env.ctx.hidden.fraudFreezeDays;
  if (days > 0 && st.status === Status.Open) {
    if (!byLender && !frozenAt(st, day)) recordFreezeEvent(env, st, Cause.Fraud, day, cur.t);
    setTimed(st, Slot.Fraud, day, day + days, cur.a);
  }
  st.takenOver = false;
  st.noticeDay = Infinity;
  writeOffTakeover(env, st);
  if (byLender) env.tally.takeoverStopped();
}

/** The fraudster's draws are written off (at the takeover's end, or at the horizon). */
export function writeOffTakeover(env: StepEnv, st: BorrowerState): void {
  const amount = st.takeoverDrawn;
  const reduction = Math.min(st.balance, amount);
  st.balance -= reduction;
  st.takeoverDrawn = 0;
  env.tally.takeoverWriteOff(amount, reduction);
}
