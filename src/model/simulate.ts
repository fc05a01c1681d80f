/**
 * One borrower's timeline, step by step — the hot loop. Each step runs the
 * phases of docs/model.md "One step of one borrower" in order, one function
 * each in ./phases/; the decisions inside them are the pure functions of
 * ./policies/, and all counting goes through the tally (./tally.ts). Nothing here
 * allocates per borrower-step: the state, the step cursor and the scratch
 * inputs are reused objects.
 */
import { type BorrowerState, CLOSED, DEFAULTED, OPEN, SLOT_SCORE_FLOOR, causeAt, setSlot } from './borrower.js';
import { STEP_UNIFORMS, type ModelContext } from './context.js';
import type { Layout } from './layout.js';
import { CAUSE_SCORE_FLOOR } from './policies/freeze.js';
import type { Uniform, UniformBlock } from './random.js';
import { Tally } from './tally.js';
import { StepCursor, StepEnv } from './phases/env.js';
import { applyPendingOutcome } from './phases/pending-outcomes.js';
import { drawPhase } from './phases/draws.js';
import { arrivalGap, requestPhase } from './phases/requests.js';
import { billingPhase } from './phases/billing.js';
import { scorePhase } from './phases/score.js';
import { freezeRulePhase } from './phases/freeze-rules.js';
import { reviewPhase } from './phases/review.js';
import { churnPhase } from './phases/churn.js';
import { recordFreezeEvent } from './phases/freeze-events.js';

export class BorrowerSimulator {
  private readonly env: StepEnv;
  private readonly cur = new StepCursor();

  constructor(ctx: ModelContext, layout: Layout) {
    this.env = new StepEnv(ctx, new Tally(layout));
  }

  /**
   * Simulate one borrower whose initial state is in `st` (traits drawn, `reset()`
   * done), with its step stream (STEP_UNIFORMS a step) and request stream,
   * counting into `acc`.
   */
  simulate(st: BorrowerState, steps: UniformBlock, requests: Uniform, acc: Float64Array): void {
    const env = this.env;
    const ctx = env.ctx;
    const cur = this.cur;
    env.tally.bind(acc, st.segment);
    env.seg = ctx.segments[st.segment]!;
    env.reqNext = requests;
    this.start(st);
    const D = env.D;
    for (let t = 0; t < ctx.clock.steps; t++) {
      if (st.status === DEFAULTED) break;
      cur.t = t;
      cur.a = t * D;
      cur.b = cur.a + D;
      cur.billing = ctx.billing[t] === 1;
      steps.fill(ctx.u, STEP_UNIFORMS);
      if (st.pendingDay < cur.b) applyPendingOutcome(env, st, t, cur.a); // 1
      drawPhase(env, st, cur); // 2
      requestPhase(env, st, cur); // 3
      if (!billingPhase(env, st, cur)) continue; // 4 (a default ends the timeline)
      scorePhase(env, st, cur); // 5
      freezeRulePhase(env, st, cur); // 6
      reviewPhase(env, st, cur); // 7
      churnPhase(env, st, cur); // 8
      this.stepEnd(st, t, cur.b);
    }
    env.tally.horizon(st.status !== DEFAULTED, st.status === OPEN, st.balance, st.limit, st.freezeEvents, st.holds);
  }

  /** Day 0: the borrower is counted, its first request arrival drawn, the score floor checked. */
  private start(st: BorrowerState): void {
    const env = this.env;
    env.tally.borrowerStart(st.balance, st.limit);
    st.initialLimit = st.limit;
    st.scoreAtLastReview = st.score;
    if (env.ctx.request.enabled) st.nextArrival = arrivalGap(env, env.reqNext());
    const floor = env.sc.freeze.scoreFloor;
    if (floor.enabled && st.score < floor.min) {
      setSlot(st, SLOT_SCORE_FLOOR, 0, Infinity);
      recordFreezeEvent(env, st, CAUSE_SCORE_FLOOR, 0, 0);
    }
  }

  /** The step's picture at its end. */
  private stepEnd(st: BorrowerState, t: number, b: number): void {
    const tally = this.env.tally;
    tally.stepEnd(t, st.balance);
    if (st.status === OPEN) tally.openAtStepEnd(t, st.limit, st.balance, st.restrictedUntil > b ? causeAt(st, b) : -1);
    else if (st.status === CLOSED) tally.closedAtStepEnd(t);
    else tally.churnedAtStepEnd(t);
  }
}
