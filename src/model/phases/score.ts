/**
 * Step phase 5, the score (docs/model.md "One step", 5), in billing steps only:
 * a drift that depends on whether the borrower is current after this billing,
 * plus noise, clipped to the score range.
 */
import { normalQuantile } from '../../stats/normal.js';
import type { BorrowerState } from '../borrower.js';
import { U_SCORE } from '../context.js';
import { clamp } from '../population.js';
import { toOpenUnit } from '../uniform.js';
import type { StepCursor, StepEnv } from './env.js';

export function scorePhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (!cur.billing) return;
  const p = env.sc.score;
  const P = env.P;
  const drift = st.dpd === 0 ? p.driftPerMonth : p.delinquentDriftPerMonth;
  const z = normalQuantile(toOpenUnit(env.ctx.u[U_SCORE]!));
  st.score = clamp(st.score + (P / 30) * drift + p.volPerMonth * Math.sqrt(P / 30) * z, p.min, p.max);
}
