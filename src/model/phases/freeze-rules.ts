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
  type BorrowerState, frozenJustBefore, liftUntimed, setSlot, setTimed, unionMeasure, Status, Slot, SlotCount,
} from '../borrower.js';
import { U } from '../context.js';
import {
  anyOf, delinquencyFreeze, largeDrawCaught, maintenanceHits, mostSevere, scoreFloorFreeze, velocityCaught, Cause, Change,
} from '../policies/freeze.js';
import { cutToBalance } from '../policies/limits.js';
import { isBad } from '../borrower.js';
import { recordFreezeEvent } from './freeze-events.js';
import { investigate } from './fraud.js';
import type { StepCursor, StepEnv } from './env.js';

export function freezeRulePhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (st.status !== Status.Open) return;
  const u = env.u;
  const a = cur.a;
  const b = cur.b;
  const t = cur.t;
  const frozenDays = st.restrictedUntil > a ? unionMeasure(st.start, st.end, SlotCount.Freeze, a, b, env.ctx.scratchStart, env.ctx.scratchEnd) : 0;
  env.tally.frozenDays(frozenDays);
  if (env.liquidity === true && cur.billing !== true) st.periodFrozenDays += frozenDays;
  let fired = 0;
  if (env.delinquencyFreezes === true) {
    const change = delinquencyFreeze(st.end[Slot.Delinquency] === Infinity, st.dpd);
    if (change === Change.Fire) fired |= 1 << Cause.Delinquency;
    else if (change === Change.Lift) liftUntimed(st, Slot.Delinquency, b);
  }
  if (env.scoreFloorFreezes === true && cur.billing === true) {
    const change = scoreFloorFreeze(st.end[Slot.ScoreFloor] === Infinity, st.score, env.scoreFloorMin, env.scoreFloorHysteresis);
    if (change === Change.Fire) fired |= 1 << Cause.ScoreFloor;
    else if (change === Change.Lift) liftUntimed(st, Slot.ScoreFloor, b);
  }
  // The rule's catch, and (given the catch) its uniform rescaled to [0, 1) for the investigation.
  // (Each decision is asked only when its trigger is there: a large draw, a window's end.)
  let investigateU = -1;
  if (env.riskRule === true) {
    if (cur.large > 0 && largeDrawCaught(u[U.LargeDraw]!, cur.large, env.detectProb)) {
      fired |= 1 << Cause.RiskModel;
      investigateU = u[U.LargeDraw]! / anyOf(cur.large, env.detectProb);
    }
    if (env.windowEnds[t] === 1 && velocityCaught(u[U.Velocity]!, true, st.windowDraws, env.velocityMaxDraws, env.detectProb)) {
      fired |= 1 << Cause.RiskModel;
      if (investigateU < 0) investigateU = u[U.Velocity]! / env.detectProb;
    }
  }
  if (env.maintenanceDays > 0 && maintenanceHits(u[U.Maintenance]!, env.maintenanceHit[t]!)) fired |= 1 << Cause.Maintenance;
  if (fired !== 0) applyFreezes(env, st, cur, fired, investigateU);
}

/** The rules that fired this step take effect: one freeze event if the account was unfrozen, each cause's interval set or extended. */
function applyFreezes(env: StepEnv, st: BorrowerState, cur: StepCursor, fired: number, investigateU: number): void {
  const a = cur.a;
  const b = cur.b;
  if (!frozenJustBefore(st, b) && recordFreezeEvent(env, st, mostSevere(fired), b, cur.t) && investigateU >= 0) env.tally.ruleEvent(isBad(st));
  if (fired & (1 << Cause.Delinquency)) setSlot(st, Slot.Delinquency, b, Infinity);
  if (fired & (1 << Cause.ScoreFloor)) setSlot(st, Slot.ScoreFloor, b, Infinity);
  if (fired & (1 << Cause.RiskModel)) setTimed(st, Slot.RiskRule, b, b + env.riskRuleDays, a);
  if (fired & (1 << Cause.Maintenance)) setTimed(st, Slot.Maintenance, b, b + env.maintenanceDays, a);
  if (investigateU >= 0) {
    if (env.sc.freeze.riskModel.cutLimitToBalance) st.limit = cutToBalance(st.limit, st.balance, env.sc.limits.initial.roundTo);
    investigate(env, st, cur, b, investigateU);
  }
}
