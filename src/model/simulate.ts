/**
 * One borrower's timeline, step by step — the hot loop. Each step runs the
 * phases of docs/model.md "One step of one borrower" in order, one function
 * each in ./phases/; the decisions inside them are the pure functions of
 * ./policies/, and all counting goes through the tally (./tally.ts). Nothing here
 * allocates per borrower-step: the state, the step cursor and the scratch
 * inputs are reused objects.
 */
import { type BorrowerState, causeAt, setSlot, Status, Hidden, Slot } from './borrower.js';
import { STEP_UNIFORMS, type ModelContext } from './context.js';
import type { Layout } from './layout.js';
import { Cause } from './policies/freeze.js';
import type { Uniform, UniformBlock } from './random.js';
import { Tally } from './tally.js';
import { StepCursor, StepEnv } from './phases/env.js';
import { applyPendingOutcome } from './phases/pending-outcomes.js';
import { drawPhase } from './phases/draws.js';
import { arrivalGap, requestPhase } from './phases/requests.js';
import { inStepEventPhase } from './phases/in-step-events.js';
import { billingPhase } from './phases/billing.js';
import { distressTransitionPhase, startHiddenState } from './phases/hidden-state.js';
import { writeOffTakeover } from './phases/fraud.js';
import { scorePhase } from './phases/score.js';
import { freezeRulePhase } from './phases/freeze-rules.js';
import { reviewPhase } from './phases/review.js';
import { churnPhase } from './phases/churn.js';
import { recordFreezeEvent } from './phases/freeze-events.js';

/** A borrower's streams besides the step stream; the v2 ones are used only when distress or fraud is on. */
export interface BorrowerStreams {
  requests: Uniform;
  hidden: Uniform;
  takeovers: Uniform;
  wishes: Uniform;
}

export class BorrowerSimulator {
  private readonly env: StepEnv;
  private readonly cur = new StepCursor();

  /** phases that cannot happen in this scenario are not called at all */
  private readonly requests: boolean;
  private readonly reviews: boolean;
  private readonly hiddenOn: boolean;

  constructor(ctx: ModelContext, layout: Layout) {
    this.env = new StepEnv(ctx, new Tally(layout));
    this.requests = ctx.request.enabled;
    this.reviews = ctx.review.enabled;
    this.hiddenOn = ctx.hidden.anyOn;
  }

  /**
   * Simulate one borrower whose initial state is in `st` (traits drawn, `reset()`
   * done), with its step stream (STEP_UNIFORMS a step), its request stream and
   * (model v2) its hidden-state, takeover and wish streams, counting into `acc`.
   */
  simulate(st: BorrowerState, steps: UniformBlock, streams: BorrowerStreams, acc: Float64Array): void {
    const env = this.env;
    const ctx = env.ctx;
    const cur = this.cur;
    env.tally.bind(acc, st.segment);
    env.seg = ctx.segments[st.segment]!;
    env.reqNext = streams.requests;
    env.hiddenNext = streams.hidden;
    env.takeoverNext = streams.takeovers;
    env.wishNext = streams.wishes;
    this.start(st);
    // (read once: after each phase call V8 would reload these through ctx, with their checks;
    // an imported constant is a module-cell load and a check)
    const D = env.D;
    const uniforms = STEP_UNIFORMS;
    const stepCount = ctx.clock.steps;
    const u = env.u;
    const billingAt = ctx.billing;
    const reviewAt = ctx.reviewDue;
    const hiddenOn = this.hiddenOn;
    const requests = this.requests;
    const reviews = this.reviews;
    for (let t = 0; t < stepCount; t++) {
      if (st.status === Status.Defaulted) break;
      cur.t = t;
      const b = t * D + D;
      cur.a = t * D;
      cur.b = b;
      const billing = (cur.billing = billingAt[t] === 1);
      steps.fill(u, uniforms);
      // Each phase also checks that it is due; the driver asks first, because a
      // call per phase and step cost ~10% of the step (measured; docs/performance.md).
      if (st.pendingDay < b) applyPendingOutcome(env, st, cur); // 1
      drawPhase(env, st, cur); // 2
      if (hiddenOn === true) inStepEventPhase(env, st, cur); // 3 (v2: requests, onsets and takeovers)
      else if (requests === true && st.nextArrival < b) requestPhase(env, st, cur); // 3
      if (billing) {
        if (!billingPhase(env, st, cur)) continue; // 4 (a default ends the timeline)
        if (hiddenOn === true) distressTransitionPhase(env, st, cur); // 4b (v2)
        scorePhase(env, st, cur); // 5
      }
      if (st.status === Status.Open) freezeRulePhase(env, st, cur); // 6
      if (reviews === true && reviewAt[t] === 1 && st.status === Status.Open) reviewPhase(env, st, cur); // 7
      if (st.inEpisode === true || st.status === Status.Open) churnPhase(env, st, cur); // 8
      // The step's picture at its end (written here, not in a method: V8's
      // inlining budget for this loop is spent on the phases; docs/performance.md).
      const tally = env.tally;
      tally.stepEnd(t, st.balance);
      if (st.status === Status.Open) {
        tally.openAtStepEnd(t, st, st.restrictedUntil > b ? causeAt(st, b) : -1);
        if (st.hidden === Hidden.Distressed) tally.distressedAtStepEnd(t);
      } else if (st.status === Status.Closed) tally.closedAtStepEnd(t);
      else tally.churnedAtStepEnd(t);
    }
    // A takeover still running at the horizon is written off there.
    if (st.takenOver === true && st.status !== Status.Defaulted) writeOffTakeover(env, st);
    env.tally.horizon(st, D);
  }

  /** Day 0: the borrower is counted, its first request arrival drawn, the score floor checked. */
  private start(st: BorrowerState): void {
    const env = this.env;
    env.tally.borrowerStart(st.balance, st.limit);
    st.initialLimit = st.limit;
    st.scoreAtLastReview = st.score;
    if (env.ctx.hidden.anyOn === true) startHiddenState(env, st);
    if (env.ctx.request.enabled === true) st.nextArrival = arrivalGap(env, st, env.reqNext());
    const floor = env.sc.freeze.scoreFloor;
    if (floor.enabled && st.score < floor.min) {
      setSlot(st, Slot.ScoreFloor, 0, Infinity);
      recordFreezeEvent(env, st, Cause.ScoreFloor, 0, 0);
    }
  }
}
