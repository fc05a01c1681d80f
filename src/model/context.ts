/**
 * Everything the borrower step needs that is fixed for a path: the scenario's
 * parameters flattened into numbers, per-step economy-derived quantities, and
 * scratch buffers. Built once per shard; the hot loop only reads it.
 */
import type { Scenario } from '../scenario/schema.js';
import { type Clock, isBillingStep, makeClock, rateToProb } from './clock.js';
import type { Economy } from './economy.js';
import type { RequestParams } from './policies/requests.js';
import type { ReviewParams } from './policies/limits.js';
import { cureProbability } from './policies/credit.js';
import { churnProbability } from './policies/churn.js';
import { MissScreen } from './policies/miss-screen.js';
import { SlotCount } from './borrower.js';
import { distressEntryProb } from './hidden/distress.js';

/** Uniforms drawn from the borrower's step stream in every step, whatever happens. */
export const STEP_UNIFORMS = 11;
/**
 * Which of the step's uniforms each use takes. These index groups (and the
 * model's other small enumerations: Status, Hidden, Slot, Cause, ...) are const
 * enums, which the compiler writes as plain numbers: the hot loop would
 * otherwise load an imported constant from its module cell, with a check,
 * at every use (measured: docs/performance.md).
 */
export const enum U {
  Unblocked = 0,
  Blocked = 1,
  DrawNoise = 2,
  Miss = 3,
  Cure = 4,
  Prepay = 5,
  Score = 6,
  LargeDraw = 7,
  Velocity = 8,
  Maintenance = 9,
  Churn = 10,
}

/** Uniforms drawn from the request stream per arrival: gap to the next, timing of draws, verification, escalation. */
export const REQUEST_UNIFORMS = 4;

/**
 * Model v2's streams, drawn only when distress or fraud is on (so v1 results are
 * untouched), each at a fixed count per occasion so that policies never shift them.
 * The hidden stream: at the start, then one uniform per billing (distress transition).
 */
export const HIDDEN_START_UNIFORMS = 7;
export const enum H {
  DistressInitial = 0,
  Planner = 1,
  OnsetDay = 2,
  OnsetVerify = 3,
  OnsetEscalate = 4,
  OnsetDrainCatch = 5,
  OnsetRoomCatch = 6,
}
/** The takeover stream: the first gap at the start, then per arrival: */
export const TAKEOVER_UNIFORMS = 6;
export const enum K {
  Gap = 0,
  Request = 1,
  Verify = 2,
  Escalate = 3,
  DrainCatch = 4,
  RoomCatch = 5,
}
/** The wish stream, per arrival of the wish to ask: thinning, and the catch of a drained approval. */
export const WISH_UNIFORMS = 2;
export const enum W {
  Thin = 0,
  RoomCatch = 1,
}

/** Model v2's parameters as the step reads them. */
export interface HiddenParams {
  /** any of distress, bust-out, takeover on: the v2 streams are drawn */
  anyOn: boolean;
  distress: boolean;
  initialShare: number;
  scoreSlope: number;
  /** per-period recovery probability of a distressed, current borrower */
  exitProb: number;
  drawRateMultiplier: number;
  drawSizeMultiplier: number;
  missMultiplier: number;
  requestMultiplier: number;
  frozenMissMultiplier: number;
  /** the liquidity channel needs frozen days per billing period */
  liquidity: boolean;
  bustOut: boolean;
  bustOutShare: number;
  meanSleeperDays: number;
  bustOutRequestMultiplier: number;
  bustOutLgd: number;
  takeover: boolean;
  takeoverPerYear: number;
  noticeDays: number;
  takeoverRequestProb: number;
  fraudFreezeDays: number;
  investigation: boolean;
  confirmProb: number;
}

export interface SegmentConstants {
  sqrtRho: number;
  sqrtOneMinusRho: number;
  lgd: number;
  apr: number;
  termMonths: number;
  drawNoiseSigma: number;
  /** exp(σξ − σ²/2) uses this */
  drawNoiseHalfVar: number;
  /** interest of one billing period as a share of the balance */
  periodInterest: number;
  /** principal repaid per billing period as a share of the balance */
  periodAmortisation: number;
}

export class ModelContext {
  readonly clock: Clock;
  readonly segments: SegmentConstants[];
  /** X_t per step */
  readonly x: Float64Array;
  /** exp(−drawMacroSlope·X_t) */
  readonly drawMacro: Float64Array;
  readonly cureProb: Float64Array;
  /** v2: the cure probability of a distressed borrower, and entryPerYear·exp(−macroSlope·X_t) */
  readonly cureProbDistressed: Float64Array;
  readonly distressEntryBase: Float64Array;
  /**
   * v2: an upper bound, per step, on every score's distress entry probability
   * (the hazard at the score range's riskier end, with a relative margin of
   * 1e-9 for rounding): a uniform at or above it settles "no entry" without the
   * exp and expm1 of the exact probability, as in most borrower-billings.
   */
  readonly distressEntryBound: Float64Array;
  readonly hidden: HiddenParams;
  /** probability that an open account is hit by this step's maintenance events */
  readonly maintenanceHit: Float64Array;
  readonly billing: Uint8Array;
  /** per step: the velocity window it starts in, and whether a window ends at its end
   *  (calendar arithmetic, a division and a remainder, done once per shard) */
  readonly windowIndex: Int32Array;
  readonly windowEnds: Uint8Array;
  /** per step: a periodic review falls at its end */
  readonly reviewDue: Uint8Array;
  readonly prepayProb: number;
  readonly missScreen: MissScreen;
  /** churn probability of a step with no post-freeze elevation (most steps): computed once, not per step */
  readonly churnBase: number;
  readonly request: RequestParams & {
    enabled: boolean;
    perYear: number;
    minUtilisation: number;
    holdDays: number;
    failFreezeDays: number;
    increaseFactor: number;
    takeoverCatchProb: number;
    bustOutCatchProb: number;
  };
  readonly review: ReviewParams & { enabled: boolean; everyDays: number; cleanDays: number };
  readonly u = new Float64Array(STEP_UNIFORMS);
  readonly r = new Float64Array(REQUEST_UNIFORMS);
  /** v2 scratch: the hidden stream's start block, a takeover arrival's block, a wish arrival's block */
  readonly hu = new Float64Array(HIDDEN_START_UNIFORMS);
  readonly ku = new Float64Array(TAKEOVER_UNIFORMS);
  readonly wu = new Float64Array(WISH_UNIFORMS);
  /** intervals as they stood at the step's start (request timing uses them) */
  readonly snapStart = new Float64Array(SlotCount.All);
  readonly snapEnd = new Float64Array(SlotCount.All);
  readonly scratchStart = new Float64Array(SlotCount.All);
  readonly scratchEnd = new Float64Array(SlotCount.All);

  constructor(
    readonly scenario: Scenario,
    economy: Economy,
  ) {
    const clock = (this.clock = makeClock(scenario));
    const P = clock.billingDays;
    this.segments = scenario.segments.map((s) => ({
      sqrtRho: Math.sqrt(s.correlation),
      sqrtOneMinusRho: Math.sqrt(1 - s.correlation),
      lgd: s.lgd,
      apr: s.apr,
      termMonths: s.termMonths,
      drawNoiseSigma: s.drawNoiseSigma,
      drawNoiseHalfVar: (s.drawNoiseSigma * s.drawNoiseSigma) / 2,
      periodInterest: (s.apr * P) / 365,
      periodAmortisation: Math.min(1, P / (30 * s.termMonths)),
    }));
    const steps = clock.steps;
    this.x = economy.x;
    this.drawMacro = new Float64Array(steps);
    this.cureProb = new Float64Array(steps);
    this.cureProbDistressed = new Float64Array(steps);
    this.distressEntryBase = new Float64Array(steps);
    this.distressEntryBound = new Float64Array(steps);
    const d = scenario.distress;
    this.maintenanceHit = new Float64Array(steps);
    this.billing = new Uint8Array(steps);
    this.windowIndex = new Int32Array(steps);
    this.windowEnds = new Uint8Array(steps);
    this.reviewDue = new Uint8Array(steps);
    const W = scenario.freeze.riskModel.velocity.windowDays;
    const reviewEvery = scenario.limits.review.everyDays;
    const c = scenario.credit;
    const m = scenario.freeze.maintenance;
    for (let t = 0; t < steps; t++) {
      const x = economy.x[t]!;
      this.drawMacro[t] = Math.exp(-c.drawMacroSlope * x);
      this.cureProb[t] = cureProbability(c.cureRatePerYear, c.cureMacroSlope, x, P);
      this.cureProbDistressed[t] = cureProbability(c.cureRatePerYear * d.cureMultiplier, c.cureMacroSlope, x, P);
      this.distressEntryBase[t] = d.entryPerYear * Math.exp(-d.macroSlope * x);
      const riskiest = d.scoreSlope >= 0 ? scenario.score.min : scenario.score.max;
      this.distressEntryBound[t] = Math.min(1, distressEntryProb(this.distressEntryBase[t]!, d.scoreSlope, riskiest, c.refScore, P) * (1 + 1e-9));
      const n = economy.maintenanceEvents[t]!;
      this.maintenanceHit[t] = m.enabled && n > 0 ? 1 - Math.pow(1 - m.affectedShare, n) : 0;
      this.billing[t] = isBillingStep(clock, t) ? 1 : 0;
      const a = t * clock.stepDays;
      const b = a + clock.stepDays;
      this.windowIndex[t] = Math.floor(a / W);
      this.windowEnds[t] = b % W === 0 ? 1 : 0;
      this.reviewDue[t] = b % reviewEvery === 0 ? 1 : 0;
    }
    this.prepayProb = rateToProb(scenario.prepayment.perYear, P);
    this.missScreen = new MissScreen(scenario.credit, scenario.score.min, scenario.score.max, P);
    const ch = scenario.churn;
    this.churnBase = churnProbability(ch.perYear, ch.afterFreezeMultiplier, ch.afterFreezeDays, -Infinity, 0, clock.stepDays);
    const f = scenario.fraud;
    this.hidden = {
      anyOn: d.enabled || f.bustOut.enabled || f.takeover.enabled,
      distress: d.enabled,
      initialShare: d.initialShare,
      scoreSlope: d.scoreSlope,
      exitProb: rateToProb(d.exitPerYear, P),
      drawRateMultiplier: d.drawRateMultiplier,
      drawSizeMultiplier: d.drawSizeMultiplier,
      missMultiplier: d.missMultiplier,
      requestMultiplier: d.requestMultiplier,
      frozenMissMultiplier: d.frozenMissMultiplier,
      liquidity: d.enabled && d.frozenMissMultiplier !== 1,
      bustOut: f.bustOut.enabled,
      bustOutShare: f.bustOut.share,
      meanSleeperDays: f.bustOut.meanSleeperDays,
      bustOutRequestMultiplier: f.bustOut.requestMultiplier,
      bustOutLgd: f.bustOut.lgd,
      takeover: f.takeover.enabled && f.takeover.perYear > 0,
      takeoverPerYear: f.takeover.perYear,
      noticeDays: f.takeover.noticeDays,
      takeoverRequestProb: f.takeover.requestProb,
      fraudFreezeDays: f.takeover.freezeDays,
      investigation: f.investigation.enabled,
      confirmProb: f.investigation.confirmProb,
    };
    const rq = scenario.limits.request;
    const verify = rq.verification;
    this.request = {
      enabled: rq.enabled && rq.perYear > 0,
      perYear: rq.perYear,
      minUtilisation: rq.minUtilisation,
      // No verification: no hold, and the outcome takes effect at once.
      holdDays: verify.enabled ? verify.holdDays : 0,
      verificationEnabled: verify.enabled,
      takeoverCatchProb: verify.takeoverCatchProb,
      bustOutCatchProb: verify.bustOutCatchProb,
      failFreezeDays: rq.verification.failFreezeDays,
      increaseFactor: rq.increaseFactor,
      passProb: rq.verification.passProb,
      qualificationMinScore: rq.qualification.minScore,
      maxDti: rq.qualification.maxDti,
      escalateProb: rq.behaviour.escalateProb,
      maxDraws: scenario.freeze.riskModel.velocity.maxDraws,
      behaviourCleanDays: rq.behaviour.cleanDays,
    };
    // Field by field, not a spread: a literal has the same map in every shard, and
    // the hot loop's reads of it stay monomorphic (a spread copy did not: a deopt).
    const rv = scenario.limits.review;
    this.review = {
      enabled: rv.enabled,
      everyDays: rv.everyDays,
      cleanDays: rv.cleanDays,
      minScore: rv.minScore,
      minUtilisation: rv.minUtilisation,
      increaseFactor: rv.increaseFactor,
      cutScore: rv.cutScore,
      cutDrop: rv.cutDrop,
      cutFactor: rv.cutFactor,
    };
  }
}
