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
import { ALL_SLOTS } from './borrower.js';

/** Uniforms drawn from the borrower's step stream in every step, whatever happens. */
export const STEP_UNIFORMS = 11;
export const U_UNBLOCKED = 0;
export const U_BLOCKED = 1;
export const U_DRAW_NOISE = 2;
export const U_MISS = 3;
export const U_CURE = 4;
export const U_PREPAY = 5;
export const U_SCORE = 6;
export const U_LARGE_DRAW = 7;
export const U_VELOCITY = 8;
export const U_MAINTENANCE = 9;
export const U_CHURN = 10;

/** Uniforms drawn from the request stream per arrival: gap to the next, timing of draws, verification, escalation. */
export const REQUEST_UNIFORMS = 4;

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
  };
  readonly review: ReviewParams & { enabled: boolean; everyDays: number; cleanDays: number };
  readonly u = new Float64Array(STEP_UNIFORMS);
  readonly r = new Float64Array(REQUEST_UNIFORMS);
  /** intervals as they stood at the step's start (request timing uses them) */
  readonly snapStart = new Float64Array(ALL_SLOTS);
  readonly snapEnd = new Float64Array(ALL_SLOTS);
  readonly scratchStart = new Float64Array(ALL_SLOTS);
  readonly scratchEnd = new Float64Array(ALL_SLOTS);

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
    const rq = scenario.limits.request;
    this.request = {
      enabled: rq.enabled && rq.perYear > 0,
      perYear: rq.perYear,
      minUtilisation: rq.minUtilisation,
      holdDays: rq.verification.holdDays,
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
