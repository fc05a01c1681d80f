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
  if (st.status === Status.Open && churns(env.u[U.Churn]!, stepChurnProbability(env, st.lastFreezeEnd, cur.a, cur.b))) {
    st.status = Status.Churned;
    st.inEpisode = false;
    env.tally.churn();
  }
}

/**
 * The churn probability of the step [a, b): the context's precomputed value
 * unless the step overlaps the elevated window after the latest freeze (the
 * value is the same; only an expm1 a step is saved).
 */
function stepChurnProbability(env: StepEnv, lastFreezeEnd: number, a: number, b: number): number {
  if (lastFreezeEnd + env.churnAfterFreezeDays <= a) return env.churnBase;
  const ch = env.sc.churn;
  return churnProbability(ch.perYear, ch.afterFreezeMultiplier, ch.afterFreezeDays, lastFreezeEnd, a, b);
}
