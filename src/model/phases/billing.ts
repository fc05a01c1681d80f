/**
 * Step phase 4, repayment and credit events (docs/model.md "One step", 4), in
 * billing steps only: a current borrower misses or pays interest and principal
 * (and may prepay); a delinquent one cures or falls further behind, its interest
 * capitalised; past `defaultDpd` it defaults. Model v2: a bust-out misses every
 * billing and never cures; distress multiplies the miss hazard (and, through the
 * liquidity channel, more so the longer the account was frozen) and the cure rate;
 * a default's loss is split into credit and fraud.
 */
import { type BorrowerState, unionMeasure, Hidden, Status, SlotCount } from '../borrower.js';
import { U } from '../context.js';
import { toOpenUnit } from '../uniform.js';
import { liquidityMultiplier } from '../hidden/distress.js';
import { takeoverFraudPart } from '../hidden/fraud.js';
import { cures, defaultsNow, missHazard, missesFromUniform, prepays } from '../policies/credit.js';
import { DefaultKind } from '../tally.js';
import type { StepCursor, StepEnv } from './env.js';

/** Returns false when the borrower defaulted (the step ends there). */
export function billingPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): boolean {
  if (cur.billing !== true || !(st.balance > 0)) return true;
  const ctx = env.ctx;
  const u = env.u;
  const seg = env.seg;
  const tally = env.tally;
  const P = env.P;
  const t = cur.t;
  // (the interest is worked out in each branch: one value shared by them all was
  // boxed as a heap number every billing, for the branches V8 leaves uncompiled)
  if (st.hidden === Hidden.BustOut) {
    // From its onset a bust-out never pays and never cures (no uniform is used).
    const interest = st.balance * seg.periodInterest;
    st.dpd = st.dpd === 0 ? P : st.dpd + P;
    st.lastMissDay = cur.b;
    st.balance += interest;
    tally.interestCapitalised(interest);
  } else if (st.dpd === 0) {
    const utilisation = st.limit > 0 ? st.balance / st.limit : 1;
    const uMiss = toOpenUnit(u[U.Miss]!);
    const distressed = st.hidden === Hidden.Distressed;
    // The screen bounds the base hazard only: a distressed borrower takes the exact path.
    const missed = distressed
      ? missesFromUniform(distressedMissHazard(env, st, cur, utilisation), P, seg.sqrtRho, seg.sqrtOneMinusRho, ctx.x[t]!, uMiss)
      : !ctx.missScreen.surelyNoMiss(st.score, utilisation, seg.sqrtRho, seg.sqrtOneMinusRho, ctx.x[t]!, uMiss) &&
        missesFromUniform(missHazard(env.sc.credit, st.score, utilisation), P, seg.sqrtRho, seg.sqrtOneMinusRho, ctx.x[t]!, uMiss);
    const interest = st.balance * seg.periodInterest;
    if (missed) {
      st.dpd = P;
      st.lastMissDay = cur.b;
      if (distressed) st.missedInDistress = true;
      st.balance += interest;
      tally.interestCapitalised(interest);
    } else {
      tally.interestPaid(interest);
      const principal = st.balance * seg.periodAmortisation;
      st.balance -= principal;
      tally.repaid(principal);
      if (prepays(u[U.Prepay]!, ctx.prepayProb)) {
        tally.repaid(st.balance);
        st.balance = 0;
      }
    }
  } else {
    // A delinquent billing that does not cure is another missed payment.
    const interest = st.balance * seg.periodInterest;
    const cureProb = st.hidden === Hidden.Distressed ? ctx.cureProbDistressed[t]! : ctx.cureProb[t]!;
    if (cures(u[U.Cure]!, cureProb)) st.dpd = 0;
    else {
      st.dpd += P;
      st.lastMissDay = cur.b;
    }
    st.balance += interest;
    tally.interestCapitalised(interest);
  }
  if (defaultsNow(st.dpd, env.defaultDpd)) {
    defaultNow(env, st, t);
    return false;
  }
  if (st.balance < 1) {
    tally.repaid(st.balance);
    st.balance = 0;
  }
  return true;
}

/** The miss hazard of a distressed borrower: the base times missMultiplier, times the liquidity channel's factor. */
function distressedMissHazard(env: StepEnv, st: BorrowerState, cur: StepCursor, utilisation: number): number {
  const h = env.ctx.hidden;
  let hazard = missHazard(env.sc.credit, st.score, utilisation) * h.missMultiplier;
  if (h.liquidity) {
    // Days under a freeze (holds excluded) in the billing period: earlier steps' and this one's
    // (a policy-closed account counts as unfrozen).
    const ctx = env.ctx;
    let frozen = st.periodFrozenDays;
    if (cur.status0 === Status.Open && st.restrictedUntil > cur.a) {
      frozen += unionMeasure(st.start, st.end, SlotCount.Freeze, cur.a, cur.b, ctx.scratchStart, ctx.scratchEnd);
    }
    hazard *= liquidityMultiplier(h.frozenMissMultiplier, frozen / env.P);
  }
  return hazard;
}

/** The borrower defaults now: loss at lgd (a bust-out's at its own lgd; a takeover's part is fraud in full). */
function defaultNow(env: StepEnv, st: BorrowerState, t: number): void {
  const balance = st.balance;
  if (st.hidden === Hidden.BustOut) {
    const loss = balance * env.ctx.hidden.bustOutLgd;
    env.tally.defaulted(t, balance, loss, 0, loss, 0, DefaultKind.BustOut);
  } else {
    const kind = st.hidden === Hidden.Distressed ? DefaultKind.Distressed : DefaultKind.Healthy;
    if (kind === DefaultKind.Distressed && st.flaggedInDistress) env.tally.distressDefaultFlagged();
    if (st.takenOver === true) {
      const fraud = takeoverFraudPart(balance, st.takeoverDrawn);
      const credit = (balance - fraud) * env.seg.lgd;
      env.tally.defaulted(t, balance, fraud + credit, credit, fraud, fraud, kind);
      st.takenOver = false;
      st.takeoverDrawn = 0;
    } else {
      const loss = balance * env.seg.lgd;
      env.tally.defaulted(t, balance, loss, loss, 0, 0, kind);
    }
  }
  st.balance = 0;
  st.status = Status.Defaulted;
  st.inEpisode = false;
}
