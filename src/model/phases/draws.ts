/**
 * Step phase 2, draw attempts (docs/model.md "One step", 2): unblocked and
 * blocked attempts over the step's free and restricted days, one amount per
 * step, capped by the room left; large draws and the velocity count.
 */
import { normalQuantile } from '../../stats/normal.js';
import { poissonFromUniform } from '../../stats/sampling.js';
import { toOpenUnit } from '../uniform.js';
import { type BorrowerState, isBad, unionMeasure, Status, Hidden, SlotCount } from '../borrower.js';
import { U } from '../context.js';
import { largeDrawCount } from '../policies/freeze.js';
import type { StepCursor, StepEnv } from './env.js';

export function drawPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const ctx = env.ctx;
  const u = env.u;
  const D = env.D;
  const a = cur.a;
  const status0 = st.status;
  cur.status0 = status0;
  cur.drained = 0;
  const distressed = st.hidden === Hidden.Distressed;
  st.liveSteps += 1;
  if (distressed) st.distressedSteps += 1;
  let blockedDays = 0;
  if (status0 === Status.Open) {
    // (restrictedUntil ≤ a: nothing restricts this step, and the measure is 0)
    if (st.restrictedUntil > a) blockedDays = unionMeasure(st.start, st.end, SlotCount.All, a, cur.b, ctx.scratchStart, ctx.scratchEnd);
    st.openSteps += 1;
  } else if (status0 === Status.Closed) {
    blockedDays = D;
    st.closedSteps += 1;
  }
  const activeDays = status0 === Status.Open ? D - blockedDays : 0;
  cur.activeDays = activeDays;
  const hazard = st.drawsPerYear * env.drawMacro[cur.t]! * (distressed ? ctx.hidden.drawRateMultiplier : 1);
  const unblocked = activeDays > 0 ? poissonFromUniform(u[U.Unblocked]!, (hazard * activeDays) / 365) : 0;
  const blocked = status0 !== Status.Churned && blockedDays > 0 ? poissonFromUniform(u[U.Blocked]!, (hazard * blockedDays) / 365) : 0;
  cur.unblocked = unblocked;
  const balance0 = st.balance;
  const limit0 = st.limit;
  cur.balance0 = balance0;
  cur.limit0 = limit0;
  // The amount of an attempt (one normal, an exp and a pow) is worked out only
  // in steps that use it: with draws, or with a request (NaN until then).
  cur.amount = NaN;
  cur.large = 0;
  if (unblocked > 0) {
    const room = limit0 > balance0 ? limit0 - balance0 : 0;
    setDrawAmount(env, st, cur);
    const amount = cur.amount;
    const drawnNow = Math.min(room, unblocked * amount);
    st.balance += drawnNow;
    env.tally.drawn(drawnNow);
    cur.large = largeDrawCount(unblocked, amount, room, limit0, env.largeDrawShare);
  }
  st.attempts += unblocked + blocked;
  st.blockedAttempts += blocked;
  if (blocked > 0 && isBad(st)) env.tally.badBlocked(blocked);
  const windowIndex = env.windowIndex[cur.t]!;
  if (windowIndex !== st.windowIndex) {
    st.windowIndex = windowIndex;
    st.windowDraws = 0;
  }
  cur.windowDraws0 = st.windowDraws;
  st.windowDraws += unblocked;
}

/**
 * One attempt's amount, into `cur.amount`: drawShare · initialLimit ·
 * (limit/initialLimit)^elasticity · exp(σξ − σ²/2) at the step's starting limit,
 * times drawSizeMultiplier while distressed (v2). It writes the cursor rather
 * than taking the limit and returning the amount: V8 boxes the doubles that
 * pass through a call it does not inline (docs/performance.md).
 */
export function setDrawAmount(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  const limit = cur.limit0;
  const elasticity = env.drawLimitElasticity;
  const seg = env.seg;
  const xi = normalQuantile(toOpenUnit(env.u[U.DrawNoise]!));
  // (the power is 1, exactly, at the borrower's first limit: most draws skip the pow)
  const scale = elasticity === 0 || (limit === st.initialLimit && limit !== 0) ? 1 : Math.pow(limit / st.initialLimit, elasticity);
  const amount = st.drawShare * st.initialLimit * scale * Math.exp(seg.drawNoiseSigma * xi - seg.drawNoiseHalfVar);
  cur.amount = st.hidden === Hidden.Distressed ? amount * env.ctx.hidden.drawSizeMultiplier : amount;
}
