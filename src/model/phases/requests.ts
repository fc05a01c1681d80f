/**
 * Step phase 3, limit-increase requests (docs/model.md "One step", 3): the wish
 * to ask arrives at times τ inside the step; an arrival on an open, unrestricted
 * account with enough utilisation at τ becomes a request. Each request is
 * counted (with the restrictions of the 30 days before it), held for
 * verification, decided by policies/requests.ts, and its outcome waits for the
 * hold to end. (Model v2 adds the requests of bust-outs and fraudsters, made
 * outside the wish process: see ./fraud.ts.)
 */
import { binomialFromUniform } from '../../stats/sampling.js';
import {
  type BorrowerState, SLOT_CAUSE, frozenAt, isBad, setSlot, unionMeasure, Hidden, Status, Slot, SlotCount,
} from '../borrower.js';
import { REQUEST_UNIFORMS, WISH_UNIFORMS, W } from '../context.js';
import { identityPassProb } from '../hidden/fraud.js';
import { decideRequest, mayAsk, outcomeTakesEffect, usesEnoughToAsk } from '../policies/requests.js';
import { setDrawAmount } from './draws.js';
import { applyPendingOutcome } from './pending-outcomes.js';
import type { StepCursor, StepEnv } from './env.js';

/** The 30 days before a request in which a restriction is counted (`preIncreaseRestriction`). */
const LOOKBACK_DAYS = 30;

/** Every arrival of the wish to ask inside the step (model v1: the only in-step events). */
export function requestPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (env.ctx.request.enabled !== true || !(st.nextArrival < cur.b)) return;
  snapshotIntervals(env, st, cur);
  while (st.nextArrival < cur.b) wishArrival(env, st, cur);
}

/**
 * Request timing needs the intervals as they stood at the step's start
 * (nothing since the step's start has changed them); call before the step's first event.
 */
export function snapshotIntervals(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (cur.status0 !== Status.Open) return;
  const ctx = env.ctx;
  // (set(), not a loop: a loop pass re-checks all four arrays after its stack check)
  ctx.snapStart.set(st.start);
  ctx.snapEnd.set(st.end);
}

/** The next arrival of the wish to ask, at st.nextArrival (inside the step). */
export function wishArrival(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const ctx = env.ctx;
  const rq = ctx.request;
  const r = ctx.r;
  const v2 = ctx.hidden.anyOn;
  for (let i = 0; i < REQUEST_UNIFORMS; i++) r[i] = env.reqNext();
  if (v2) for (let i = 0; i < WISH_UNIFORMS; i++) ctx.wu[i] = env.wishNext();
  const tau = st.nextArrival;
  st.nextArrival = tau + arrivalGap(env, st, r[0]!);
  if (v2 && st.thinWishes && !(ctx.wu[W.Thin]! < wishMultiplier(env, st) / st.wishFactor)) return;
  if (!mayAsk(st.status === Status.Open, tau < st.end[Slot.Hold]!, frozenAt(st, tau))) return;
  // The step's unblocked attempts before τ: each falls before τ with the share
  // of the step's unfrozen time that lies before τ.
  if (cur.amount !== cur.amount) setDrawAmount(env, st, cur);
  let before = 0;
  if (cur.unblocked > 0 && cur.activeDays > 0) {
    const frozenBefore = unionMeasure(ctx.snapStart, ctx.snapEnd, SlotCount.All, cur.a, tau, ctx.scratchStart, ctx.scratchEnd);
    before = binomialFromUniform(r[1]!, cur.unblocked, Math.min(1, (tau - cur.a - frozenBefore) / cur.activeDays));
  }
  let balanceTau = Math.max(cur.balance0, Math.min(cur.limit0, cur.balance0 + before * cur.amount));
  if (cur.drained > 0) balanceTau = Math.min(st.limit, balanceTau + cur.drained);
  if (!usesEnoughToAsk(balanceTau, st.limit, rq.minUtilisation)) return;
  request(env, st, cur, tau, balanceTau, cur.windowDraws0 + before, r[2]!, r[3]!, v2 ? ctx.wu[W.RoomCatch]! : 0, false);
}

/** Days from one arrival of the wish to ask to the next (at the borrower's highest rate, v2). */
export function arrivalGap(env: StepEnv, st: BorrowerState, uGap: number): number {
  return (-Math.log1p(-uGap) * 365) / (env.ctx.request.perYear * st.wishFactor);
}

/** The multiplier of the wish rate in the borrower's hidden state now. */
function wishMultiplier(env: StepEnv, st: BorrowerState): number {
  const h = env.ctx.hidden;
  if (st.hidden === Hidden.Sleeper) return h.bustOutRequestMultiplier;
  if (st.hidden === Hidden.Distressed) return h.requestMultiplier;
  return 1;
}

/**
 * A request at τ: counted, held, decided. `byFraud` marks a bust-out's or a
 * fraudster's own request (v2); any request on a taken-over account is the
 * fraudster's. `drainU` decides whether the drain of an approved fraud request is caught.
 */
export function request(
  env: StepEnv, st: BorrowerState, cur: StepCursor, tau: number, balanceTau: number, windowDraws: number,
  uVerify: number, uEscalate: number, drainU: number, byFraud: boolean,
): void {
  const rq = env.ctx.request;
  const tally = env.tally;
  tally.request();
  countRestrictionsBefore(env, st, tau);

  // A hold of zero days (or no verification) is no restriction and is not counted.
  if (rq.holdDays > 0) {
    setSlot(st, Slot.Hold, tau, tau + rq.holdDays);
    st.holds += 1;
    tally.hold(cur.t, isBad(st));
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
  const planner = st.hidden === Hidden.Sleeper || st.hidden === Hidden.BustOut;
  req.passProb = identityPassProb(st.takenOver, planner, rq.passProb, rq.takeoverCatchProb, rq.bustOutCatchProb);
  const outcome = decideRequest(rq, req, uVerify, uEscalate);
  tally.requestOutcome(outcome);
  if (outcomeTakesEffect(outcome)) {
    st.pendingDay = tau + rq.holdDays;
    st.pendingOutcome = outcome;
    st.pendingByFraud = byFraud || st.takenOver || st.hidden === Hidden.BustOut;
    st.pendingDrainU = drainU;
    st.pendingInvestigateU = rq.escalateProb > 0 ? uEscalate / rq.escalateProb : 0;
    if (st.pendingDay < cur.b) applyPendingOutcome(env, st, cur);
  }
}

/** Restricted at any time in the 30 days before τ, by cause (the request's own hold is not yet set). */
function countRestrictionsBefore(env: StepEnv, st: BorrowerState, tau: number): void {
  const tally = env.tally;
  const from = tau - LOOKBACK_DAYS;
  let restricted = false;
  if (st.start[Slot.Hold]! < tau && st.end[Slot.Hold]! > from) {
    tally.restrictedBeforeRequest(0);
    restricted = true;
  }
  let seen = 0;
  for (let i = 0; i < SlotCount.Freeze; i++) {
    const cause = SLOT_CAUSE[i]!;
    if (st.start[i]! < tau && st.end[i]! > from && !(seen & (1 << cause))) {
      seen |= 1 << cause;
      tally.restrictedBeforeRequest(1 + cause);
      restricted = true;
    }
  }
  if (restricted) tally.anyRestrictionBeforeRequest();
}
