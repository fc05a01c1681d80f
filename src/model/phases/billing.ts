/**
 * Step phase 4, repayment and credit events (docs/model.md "One step", 4), in
 * billing steps only: a current borrower misses or pays interest and principal
 * (and may prepay); a delinquent one cures or falls further behind, its interest
 * capitalised; past `defaultDpd` it defaults.
 */
import { type BorrowerState, DEFAULTED } from '../borrower.js';
import { U_CURE, U_MISS, U_PREPAY } from '../context.js';
import { toOpenUnit } from '../uniform.js';
import { cures, defaultsNow, missHazard, missesFromUniform, prepays } from '../policies/credit.js';
import type { StepCursor, StepEnv } from './env.js';

/** Returns false when the borrower defaulted (the step ends there). */
export function billingPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): boolean {
  if (!cur.billing || !(st.balance > 0)) return true;
  const ctx = env.ctx;
  const u = ctx.u;
  const seg = env.seg;
  const tally = env.tally;
  const P = env.P;
  const t = cur.t;
  const interest = st.balance * seg.periodInterest;
  if (st.dpd === 0) {
    const utilisation = st.limit > 0 ? st.balance / st.limit : 1;
    const uMiss = toOpenUnit(u[U_MISS]!);
    if (
      !ctx.missScreen.surelyNoMiss(st.score, utilisation, seg.sqrtRho, seg.sqrtOneMinusRho, ctx.x[t]!, uMiss) &&
      missesFromUniform(missHazard(env.sc.credit, st.score, utilisation), P, seg.sqrtRho, seg.sqrtOneMinusRho, ctx.x[t]!, uMiss)
    ) {
      st.dpd = P;
      st.lastMissDay = cur.b;
      st.balance += interest;
      tally.interestCapitalised(interest);
    } else {
      tally.interestPaid(interest);
      const principal = st.balance * seg.periodAmortisation;
      st.balance -= principal;
      tally.repaid(principal);
      if (prepays(u[U_PREPAY]!, ctx.prepayProb)) {
        tally.repaid(st.balance);
        st.balance = 0;
      }
    }
  } else {
    // A delinquent billing that does not cure is another missed payment.
    if (cures(u[U_CURE]!, ctx.cureProb[t]!)) st.dpd = 0;
    else {
      st.dpd += P;
      st.lastMissDay = cur.b;
    }
    st.balance += interest;
    tally.interestCapitalised(interest);
  }
  if (defaultsNow(st.dpd, env.sc.credit.defaultDpd)) {
    const loss = st.balance * seg.lgd;
    tally.defaulted(t, st.balance, loss);
    st.balance = 0;
    st.status = DEFAULTED;
    st.inEpisode = false;
    return false;
  }
  if (st.balance < 1) {
    tally.repaid(st.balance);
    st.balance = 0;
  }
  return true;
}
