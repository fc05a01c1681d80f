/**
 * Step phase 8, churn (docs/model.md "One step", 8): a freeze episode that ended
 * in this step is closed first (its end sets the elevated churn window), then an
 * open account leaves at the churn rate, elevated after a freeze.
 */
import { type BorrowerState, Status } from '../borrower.js';
import { U } from '../context.js';
import { churnProbability, churns } from '../policies/churn.js';
import { closeEpisodeIfEnded } from './freeze-events.js';
import type { StepCursor, StepEnv } from './env.js';

export function churnPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (st.inEpisode === true) closeEpisodeIfEnded(env, st, cur.b);
  if (st.status === Status.Open && churnsInStep(env, env.u[U.Churn]!, st.lastFreezeEnd, cur.a, cur.b)) {
    st.status = Status.Churned;
    st.inEpisode = false;
    env.tally.churn();
  }
}

/**
 * Does the account churn in the step [a, b)? The context's precomputed
 * probability unless the step overlaps the elevated window after the latest
 * freeze (the value is the same; only an expm1 a step is saved). Each branch
 * compares on its own: a probability that is either a field's double or a
 * call's result would be boxed as a heap number every step (docs/performance.md).
 */
function churnsInStep(env: StepEnv, u: number, lastFreezeEnd: number, a: number, b: number): boolean {
  if (lastFreezeEnd + env.churnAfterFreezeDays <= a) return churns(u, env.churnBase);
  const ch = env.sc.churn;
  return churns(u, churnProbability(ch.perYear, ch.afterFreezeMultiplier, ch.afterFreezeDays, lastFreezeEnd, a, b));
}
