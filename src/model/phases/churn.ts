/**
 * Step phase 8, churn (docs/model.md "One step", 8): a freeze episode that ended
 * in this step is closed first (its end sets the elevated churn window), then an
 * open account leaves at the churn rate, elevated after a freeze.
 */
import { type BorrowerState, CHURNED, OPEN } from '../borrower.js';
import { U_CHURN } from '../context.js';
import { churnProbability, churns } from '../policies/churn.js';
import { closeEpisodeIfEnded } from './freeze-events.js';
import type { StepCursor, StepEnv } from './env.js';

export function churnPhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (st.inEpisode) closeEpisodeIfEnded(env, st, cur.b);
  if (st.status === OPEN && churns(env.ctx.u[U_CHURN]!, stepChurnProbability(env, st.lastFreezeEnd, cur.a, cur.b))) {
    st.status = CHURNED;
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
  const ch = env.sc.churn;
  if (lastFreezeEnd + ch.afterFreezeDays <= a) return env.ctx.churnBase;
  return churnProbability(ch.perYear, ch.afterFreezeMultiplier, ch.afterFreezeDays, lastFreezeEnd, a, b);
}
