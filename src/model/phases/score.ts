/**
 * Step phase 5, the score (docs/model.md "One step", 5), in billing steps only:
 * a drift that depends on whether the borrower is current after this billing,
 * plus noise, clipped to the score range.
 */
import { normalQuantile } from '../../stats/normal.js';
import type { BorrowerState } from '../borrower.js';
import { U } from '../context.js';
import { clamp } from '../population.js';
import { toOpenUnit } from '../uniform.js';
import type { StepCursor, StepEnv } from './env.js';

export function scorePhase(env: StepEnv, st: BorrowerState, cur: StepCursor): void {
  if (cur.billing !== true) return;
  const driftStep = st.dpd === 0 ? env.scoreDriftStep : env.delinquentScoreDriftStep;
  const z = normalQuantile(toOpenUnit(env.u[U.Score]!));
  st.score = clamp(st.score + driftStep + env.scoreVolStep * z, env.scoreMin, env.scoreMax);
}
