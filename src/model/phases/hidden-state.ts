/**
 * The hidden state (docs/model.md "Hidden states"): who a borrower is at the
 * start (a bust-out planner, distressed, or healthy), and the distress chain's
 * transitions at billings (step phase 4b, after the credit events and before the
 * score). Only drawn when model v2 is on, from the borrower's own hidden stream.
 */
import { type BorrowerState, Hidden } from '../borrower.js';
import { HIDDEN_START_UNIFORMS, H } from '../context.js';
import { distressEntryProb } from '../hidden/distress.js';
import { onsetDay, takeoverGap } from '../hidden/fraud.js';
import type { StepCursor, StepEnv } from './env.js';

/** Day 0: the hidden stream's start block decides the borrower's hidden state. */
export function startHiddenState(env: StepEnv, st: BorrowerState): void {
  const h = env.ctx.hidden;
  const hu = env.ctx.hu;
  for (let i = 0; i < HIDDEN_START_UNIFORMS; i++) hu[i] = env.hiddenNext();
  let wishMultiplier = 1;
  if (h.bustOut && hu[H.Planner]! < h.bustOutShare) {
    st.hidden = Hidden.Sleeper;
    st.onsetDay = onsetDay(hu[H.OnsetDay]!, h.meanSleeperDays);
    wishMultiplier = h.bustOutRequestMultiplier;
  } else if (h.distress) {
    wishMultiplier = h.requestMultiplier;
    if (hu[H.DistressInitial]! < h.initialShare) enterDistress(env, st, false);
  }
  // The wish to ask arrives at the highest rate the borrower can have and is
  // thinned to the state's rate by a uniform of its own; only where it differs from 1.
  st.wishFactor = wishMultiplier > 1 ? wishMultiplier : 1;
  st.thinWishes = wishMultiplier !== 1;
  if (h.takeover) st.nextTakeover = takeoverGap(env.takeoverNext(), h.takeoverPerYear);
}

/** At a billing: a healthy, current borrower may become distressed; a distressed, current one may recover. */
export function distressTransitionPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (cur.billing !== true) return;
  st.periodFrozenDays = 0;
  const h = env.ctx.hidden;
  if (!h.distress) return;
  const u = env.hiddenNext(); // one a billing, whatever the state
  if (st.dpd !== 0) return; // a delinquent borrower stays in its state
  if (st.hidden === Hidden.Healthy) {
    const c = env.sc.credit;
    // (the bound settles most billings without the exact probability's exp and expm1)
    if (u < env.ctx.distressEntryBound[cur.t]! && u < distressEntryProb(env.ctx.distressEntryBase[cur.t]!, h.scoreSlope, st.score, c.refScore, env.P)) {
      enterDistress(env, st, true);
    }
  } else if (st.hidden === Hidden.Distressed && u < h.exitProb) {
    st.hidden = Hidden.Healthy;
    env.tally.distressRecovery();
  }
}

function enterDistress(env: StepEnv, st: BorrowerState, entry: boolean): void {
  st.hidden = Hidden.Distressed;
  st.flaggedInDistress = false;
  st.missedInDistress = false;
  env.tally.distressEpisode(entry);
}
