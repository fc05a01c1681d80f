/**
 * Step phase 6, the freeze rules at the step's end (docs/model.md "One step",
 * 6) — where the automatic freezes are decided: delinquency, the score floor,
 * the risk model (large draws and the velocity window) and maintenance. The
 * decisions are policies/freeze.ts's; here they are applied: one freeze event
 * if the account was unfrozen, attributed to the most severe cause, and each
 * fired cause's interval set or extended. A catch by the rule (v2) may also cut
 * the limit to the balance, and is investigated.
 */
import {
  type BorrowerState, FREEZE_SLOTS, OPEN, SLOT_DELINQUENCY, SLOT_MAINTENANCE, SLOT_RISK_RULE, SLOT_SCORE_FLOOR,
  frozenJustBefore, liftUntimed, setSlot, setTimed, unionMeasure,
} from '../borrower.js';
import { U_LARGE_DRAW, U_MAINTENANCE, U_VELOCITY } from '../context.js';
import {
  CAUSE_DELINQUENCY, CAUSE_MAINTENANCE, CAUSE_RISK_MODEL, CAUSE_SCORE_FLOOR, FIRE, LIFT,
  anyOf, delinquencyFreeze, largeDrawCaught, maintenanceHits, mostSevere, scoreFloorFreeze, velocityCaught,
} from '../policies/freeze.js';
import { cutToBalance } from '../policies/limits.js';
import { isBad } from '../borrower.js';
import { recordFreezeEvent } from './freeze-events.js';
import { investigate } from './fraud.js';
import type { StepCursor, StepEnv } from './env.js';

export function freezeRulePhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (st.status !== OPEN) return;
  const ctx = env.ctx;
  const u = ctx.u;
  const fr = env.sc.freeze;
  const a = cur.a;
  const b = cur.b;
  const t = cur.t;
  const frozenDays = st.restrictedUntil > a ? unionMeasure(st.start, st.end, FREEZE_SLOTS, a, b, ctx.scratchStart, ctx.scratchEnd) : 0;
  env.tally.frozenDays(frozenDays);
  if (!cur.billing && env.ctx.hidden.liquidity) st.periodFrozenDays += frozenDays;
  let fired = 0;
  if (fr.delinquency.enabled) {
    const change = delinquencyFreeze(st.end[SLOT_DELINQUENCY] === Infinity, st.dpd);
    if (change === FIRE) fired |= 1 << CAUSE_DELINQUENCY;
    else if (change === LIFT) liftUntimed(st, SLOT_DELINQUENCY, b);
  }
  if (fr.scoreFloor.enabled && cur.billing) {
    const change = scoreFloorFreeze(st.end[SLOT_SCORE_FLOOR] === Infinity, st.score, fr.scoreFloor.min, fr.scoreFloor.hysteresis);
    if (change === FIRE) fired |= 1 << CAUSE_SCORE_FLOOR;
    else if (change === LIFT) liftUntimed(st, SLOT_SCORE_FLOOR, b);
  }
  const rm = fr.riskModel;
  // The rule's catch, and (given the catch) its uniform rescaled to [0, 1) for the investigation.
  let investigateU = -1;
  if (rm.enabled && rm.days > 0) {
    if (largeDrawCaught(u[U_LARGE_DRAW]!, cur.large, rm.detectProb)) {
      fired |= 1 << CAUSE_RISK_MODEL;
      investigateU = u[U_LARGE_DRAW]! / anyOf(cur.large, rm.detectProb);
    }
    if (velocityCaught(u[U_VELOCITY]!, ctx.windowEnds[t] === 1, st.windowDraws, rm.velocity.maxDraws, rm.detectProb)) {
      fired |= 1 << CAUSE_RISK_MODEL;
      if (investigateU < 0) investigateU = u[U_VELOCITY]! / rm.detectProb;
    }
  }
  if (fr.maintenance.days > 0 && maintenanceHits(u[U_MAINTENANCE]!, ctx.maintenanceHit[t]!)) fired |= 1 << CAUSE_MAINTENANCE;
  if (fired === 0) return;
  if (!frozenJustBefore(st, b) && recordFreezeEvent(env, st, mostSevere(fired), b, t) && investigateU >= 0) env.tally.ruleEvent(isBad(st));
  if (fired & (1 << CAUSE_DELINQUENCY)) setSlot(st, SLOT_DELINQUENCY, b, Infinity);
  if (fired & (1 << CAUSE_SCORE_FLOOR)) setSlot(st, SLOT_SCORE_FLOOR, b, Infinity);
  if (fired & (1 << CAUSE_RISK_MODEL)) setTimed(st, SLOT_RISK_RULE, b, b + rm.days, a);
  if (fired & (1 << CAUSE_MAINTENANCE)) setTimed(st, SLOT_MAINTENANCE, b, b + fr.maintenance.days, a);
  if (investigateU >= 0) {
    if (rm.cutLimitToBalance) st.limit = cutToBalance(st.limit, st.balance, env.sc.limits.initial.roundTo);
    investigate(env, st, cur, b, investigateU);
  }
}
