/**
 * Step phase 3, limit-increase requests (docs/model.md "One step", 3): the wish
 * to ask arrives at times τ inside the step; an arrival on an open, unrestricted
 * account with enough utilisation at τ becomes a request. Each request is
 * counted (with the restrictions of the 30 days before it), held for
 * verification, decided by policies/requests.ts, and its outcome waits for the
 * hold to end.
 */
import { binomialFromUniform } from '../../stats/sampling.js';
import {
  ALL_SLOTS, type BorrowerState, FREEZE_SLOTS, OPEN, SLOT_CAUSE, SLOT_HOLD, frozenAt, setSlot, unionMeasure,
} from '../borrower.js';
import { REQUEST_UNIFORMS } from '../context.js';
import { decideRequest, mayAsk, outcomeTakesEffect, usesEnoughToAsk } from '../policies/requests.js';
import { drawAmount } from './draws.js';
import { applyPendingOutcome } from './pending-outcomes.js';
import type { StepCursor, StepEnv } from './env.js';

/** The 30 days before a request in which a restriction is counted (`preIncreaseRestriction`). */
const LOOKBACK_DAYS = 30;

export function requestPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const ctx = env.ctx;
  const rq = ctx.request;
  const b = cur.b;
  if (!rq.enabled || !(st.nextArrival < b)) return;
  const a = cur.a;
  const r = ctx.r;
  // Request timing needs the intervals as they stood at the step's start
  // (nothing since the step's start has changed them).
  if (cur.status0 === OPEN) {
    for (let i = 0; i < ALL_SLOTS; i++) {
      ctx.snapStart[i] = st.start[i]!;
      ctx.snapEnd[i] = st.end[i]!;
    }
  }
  if (cur.amount !== cur.amount) cur.amount = drawAmount(env, st, cur.limit0);
  const unblocked = cur.unblocked;
  const activeDays = cur.activeDays;
  while (st.nextArrival < b) {
    for (let i = 0; i < REQUEST_UNIFORMS; i++) r[i] = env.reqNext();
    const tau = st.nextArrival;
    st.nextArrival = tau + arrivalGap(env, r[0]!);
    if (!mayAsk(st.status === OPEN, tau < st.end[SLOT_HOLD]!, frozenAt(st, tau))) continue;
    // The step's unblocked attempts before τ: each falls before τ with the share
    // of the step's unfrozen time that lies before τ.
    let before = 0;
    if (unblocked > 0 && activeDays > 0) {
      const frozenBefore = unionMeasure(ctx.snapStart, ctx.snapEnd, ALL_SLOTS, a, tau, ctx.scratchStart, ctx.scratchEnd);
      before = binomialFromUniform(r[1]!, unblocked, Math.min(1, (tau - a - frozenBefore) / activeDays));
    }
    const balanceTau = Math.max(cur.balance0, Math.min(cur.limit0, cur.balance0 + before * cur.amount));
    if (!usesEnoughToAsk(balanceTau, st.limit, rq.minUtilisation)) continue;
    request(env, st, cur, tau, balanceTau, cur.windowDraws0 + before, r[2]!, r[3]!);
  }
}

/** Days from one arrival of the wish to ask to the next. */
export function arrivalGap(env: StepEnv, uGap: number): number {
  return (-Math.log1p(-uGap) * 365) / env.ctx.request.perYear;
}

function request(
  env: StepEnv, st: BorrowerState, cur: StepCursor, tau: number, balanceTau: number, windowDraws: number, uVerify: number, uEscalate: number,
): void {
  const rq = env.ctx.request;
  const tally = env.tally;
  tally.request();
  countRestrictionsBefore(env, st, tau);

  // A hold of zero days (verification without a hold) is no restriction and is not counted.
  if (rq.holdDays > 0) {
    setSlot(st, SLOT_HOLD, tau, tau + rq.holdDays);
    st.holds += 1;
    tally.hold(cur.t);
  }

  const req = env.req;
  const seg = env.seg;
  req.tau = tau;
  req.score = st.score;
  req.balance = balanceTau;
  req.monthlyIncome = st.monthlyIncome;
  req.externalDti = st.externalDti;
  req.termMonths = seg.termMonths;
  req.apr = seg.apr;
  req.windowDraws = windowDraws;
  req.lastMissDay = st.lastMissDay;
  const outcome = decideRequest(rq, req, uVerify, uEscalate);
  tally.requestOutcome(outcome);
  if (outcomeTakesEffect(outcome)) {
    st.pendingDay = tau + rq.holdDays;
    st.pendingOutcome = outcome;
    if (st.pendingDay < cur.b) applyPendingOutcome(env, st, cur.t, cur.a);
  }
}

/** Restricted at any time in the 30 days before τ, by cause (the request's own hold is not yet set). */
function countRestrictionsBefore(env: StepEnv, st: BorrowerState, tau: number): void {
  const tally = env.tally;
  const from = tau - LOOKBACK_DAYS;
  let restricted = false;
  if (st.start[SLOT_HOLD]! < tau && st.end[SLOT_HOLD]! > from) {
    tally.restrictedBeforeRequest(0);
    restricted = true;
  }
  let seen = 0;
  for (let i = 0; i < FREEZE_SLOTS; i++) {
    const cause = SLOT_CAUSE[i]!;
    if (st.start[i]! < tau && st.end[i]! > from && !(seen & (1 << cause))) {
      seen |= 1 << cause;
      tally.restrictedBeforeRequest(1 + cause);
      restricted = true;
    }
  }
  if (restricted) tally.anyRestrictionBeforeRequest();
}
