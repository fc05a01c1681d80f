/**
 * What every phase of a borrower step works with: the path's fixed context and
 * the shard's tally (`StepEnv`, one per shard), and the step's own numbers
 * (`StepCursor`, one reused object). Neither allocates per step.
 */
import type { Scenario } from '../../scenario/schema.js';
import type { ModelContext, SegmentConstants } from '../context.js';
import type { Tally } from '../tally.js';
import type { Uniform } from '../random.js';
import type { RequestState } from '../policies/requests.js';
import type { ReviewInput } from '../policies/limits.js';

export class StepEnv {
  readonly sc: Scenario;
  /** Δ, days per step */
  readonly D: number;
  /** P, days per billing period */
  readonly P: number;
  readonly closureMax: number;
  // The scenario's numbers the phases read every step, flattened here once per
  // shard: one load from env rather than a chain through the scenario that the
  // JIT must redo (with its checks) after every call (docs/performance.md).
  // The step tests its flags as `flag === true`: where V8 has not typed a field
  // (with ES2022 class fields, none was: docs/performance.md), a bare `if (flag)`
  // compiles to a full truthiness test (false, "", 0, NaN, null, undefined, ...),
  // a dozen instructions a time; the comparison costs nothing when it has.
  /** the step's uniforms (ctx.u) */
  readonly u: Float64Array;
  // the context's per-step series the hot phases index every step
  readonly drawMacro: Float64Array;
  readonly windowIndex: Int32Array;
  readonly windowEnds: Uint8Array;
  readonly maintenanceHit: Float64Array;
  readonly drawLimitElasticity: number;
  readonly largeDrawShare: number;
  readonly delinquencyFreezes: boolean;
  readonly scoreFloorFreezes: boolean;
  readonly scoreFloorMin: number;
  readonly scoreFloorHysteresis: number;
  /** the risk model's automatic rule can fire (enabled, with a freeze of some days) */
  readonly riskRule: boolean;
  readonly riskRuleDays: number;
  readonly detectProb: number;
  readonly velocityMaxDraws: number;
  readonly maintenanceDays: number;
  /** v2's liquidity channel counts frozen days per billing period */
  readonly liquidity: boolean;
  readonly defaultDpd: number;
  /** the score's step: drift·P/30 (current and delinquent) and volPerMonth·√(P/30) */
  readonly scoreDriftStep: number;
  readonly delinquentScoreDriftStep: number;
  readonly scoreVolStep: number;
  readonly scoreMin: number;
  readonly scoreMax: number;
  readonly churnAfterFreezeDays: number;
  readonly churnBase: number;
  /** the current borrower's segment constants and request stream */
  seg: SegmentConstants;
  reqNext: Uniform = () => 0;
  /** model v2's streams for the current borrower (drawn only when v2 is on) */
  hiddenNext: Uniform = () => 0;
  takeoverNext: Uniform = () => 0;
  wishNext: Uniform = () => 0;
  // Real-valued fields start as NaN, a double, so the first fractional value
  // does not change the object's map (a deopt in the hot loop).
  readonly req: RequestState = {
    tau: NaN, score: NaN, balance: NaN, monthlyIncome: NaN, externalDti: NaN, termMonths: 1, apr: NaN, windowDraws: 0, lastMissDay: -Infinity, passProb: NaN,
  };
  readonly rev: ReviewInput = {
    score: NaN, scoreAtLastReview: NaN, limit: NaN, balance: NaN, current: false, adverseFreezeRecently: false, missRecently: false,
  };

  constructor(
    readonly ctx: ModelContext,
    readonly tally: Tally,
  ) {
    this.sc = ctx.scenario;
    this.D = ctx.clock.stepDays;
    this.P = ctx.clock.billingDays;
    this.closureMax = this.sc.freeze.closure.maxFreezesPerYear;
    const sc = this.sc;
    const fr = sc.freeze;
    const rm = fr.riskModel;
    this.u = ctx.u;
    this.drawMacro = ctx.drawMacro;
    this.windowIndex = ctx.windowIndex;
    this.windowEnds = ctx.windowEnds;
    this.maintenanceHit = ctx.maintenanceHit;
    this.drawLimitElasticity = sc.credit.drawLimitElasticity;
    this.largeDrawShare = rm.largeDrawShare;
    this.delinquencyFreezes = fr.delinquency.enabled;
    this.scoreFloorFreezes = fr.scoreFloor.enabled;
    this.scoreFloorMin = fr.scoreFloor.min;
    this.scoreFloorHysteresis = fr.scoreFloor.hysteresis;
    this.riskRule = rm.enabled && rm.days > 0;
    this.riskRuleDays = rm.days;
    this.detectProb = rm.detectProb;
    this.velocityMaxDraws = rm.velocity.maxDraws;
    this.maintenanceDays = fr.maintenance.days;
    this.liquidity = ctx.hidden.liquidity;
    this.defaultDpd = sc.credit.defaultDpd;
    // (the products as the score's formula evaluates them, left to right: the same doubles)
    this.scoreDriftStep = (this.P / 30) * sc.score.driftPerMonth;
    this.delinquentScoreDriftStep = (this.P / 30) * sc.score.delinquentDriftPerMonth;
    this.scoreVolStep = sc.score.volPerMonth * Math.sqrt(this.P / 30);
    this.scoreMin = sc.score.min;
    this.scoreMax = sc.score.max;
    this.churnAfterFreezeDays = sc.churn.afterFreezeDays;
    this.churnBase = ctx.churnBase;
    this.seg = ctx.segments[0]!;
  }
}

/** One step's numbers, shared by its phases. */
export class StepCursor {
  t = 0;
  /** the step covers days [a, b) */
  a = 0;
  b = 0;
  /** status at the step's start */
  status0 = 0;
  /** unblocked days of the step (0 unless open) */
  activeDays = NaN;
  /** unblocked draw attempts this step */
  unblocked = 0;
  balance0 = NaN;
  limit0 = NaN;
  /** one attempt's amount; NaN until a phase needs it */
  amount = NaN;
  /** large draws this step */
  large = 0;
  /** the velocity window's count before this step's attempts */
  windowDraws0 = 0;
  billing = false;
  /** what drains (v2) added to the balance after the step's draws */
  drained = NaN;
}
