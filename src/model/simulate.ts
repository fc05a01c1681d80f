/**
 * One borrower's timeline, step by step (MODEL.md "One step, for one borrower").
 * This is the hot loop: it reads the context, updates the reused state object,
 * and adds into the shard's accumulator; decisions come from the pure policy
 * functions in ./policies. Chronology inside a step: pending request outcomes
 * (at their hold's end), draws over the step, request arrivals at τ, then at the
 * step's end the billing (credit events, score), freeze rules, review and churn.
 */
import { normalQuantile } from '../stats/normal.js';
import { binomialFromUniform, poissonFromUniform } from '../stats/sampling.js';
import { G, type Layout, S, SEGMENT_SLOTS, STEP_SLOTS, T } from '../results/layout.js';
import { toOpenUnit } from './uniform.js';
import { clamp } from './population.js';
import type { ModelContext, SegmentConstants } from './context.js';
import type { AleaStream } from '../engine/streams.js';
import {
  U_BLOCKED, U_CHURN, U_CURE, U_DRAW_NOISE, U_LARGE_DRAW, U_MAINTENANCE, U_MISS, U_PREPAY, U_SCORE, U_UNBLOCKED, U_VELOCITY,
  STEP_UNIFORMS, REQUEST_UNIFORMS,
} from './context.js';
import {
  ALL_SLOTS, BorrowerState, CHURNED, CLOSED, DEFAULTED, FREEZE_SLOTS, OPEN, SLOT_CAUSE, SLOT_DELINQUENCY, SLOT_HOLD,
  SLOT_IDENTITY, SLOT_MAINTENANCE, SLOT_RISK_REQUEST, SLOT_RISK_RULE, SLOT_SCORE_FLOOR,
  causeAt, episodeEnd, frozenAt, frozenJustBefore, liftUntimed, setSlot, setTimed, unionMeasure,
} from './borrower.js';
import { missHazard, missesFromUniform } from './policies/credit.js';
import {
  CAUSE_DELINQUENCY, CAUSE_IDENTITY, CAUSE_MAINTENANCE, CAUSE_RISK_MODEL, CAUSE_SCORE_FLOOR,
  anyOf, largeDrawCount, mostSevere, scoreFloorSuspended, shouldClose,
} from './policies/freeze.js';
import { OUTCOME_APPROVED, OUTCOME_ESCALATED, OUTCOME_IDENTITY_FAILED, decideRequest } from './policies/requests.js';
import { REVIEW_CUT, REVIEW_RAISE, type ReviewInput, cutLimit, raisedLimit, reviewDecision } from './policies/limits.js';
import { churnProbability } from './policies/churn.js';
import type { RequestState } from './policies/requests.js';

const LOOKBACK_DAYS = 30;

/**
 * Reused request and review inputs (one per module: workers are single-threaded),
 * so the loop allocates nothing. Real-valued fields start as NaN, a double, so
 * the first fractional value does not change the object's map (a deopt).
 */
const req: RequestState = {
  tau: NaN, score: NaN, balance: NaN, monthlyIncome: NaN, externalDti: NaN, termMonths: 1, apr: NaN, windowDraws: 0, lastMissDay: -Infinity,
};
const rev: ReviewInput = {
  score: NaN, scoreAtLastReview: NaN, limit: NaN, balance: NaN, current: false, adverseFreezeRecently: false, missRecently: false,
};

export class BorrowerSimulator {
  private readonly sc;
  private readonly stepDays: number;
  private readonly P: number;
  private readonly closureMax: number;

  constructor(
    private readonly ctx: ModelContext,
    private readonly layout: Layout,
  ) {
    this.sc = ctx.scenario;
    this.stepDays = ctx.clock.stepDays;
    this.P = ctx.clock.billingDays;
    this.closureMax = this.sc.freeze.closure.maxFreezesPerYear;
  }

  /**
   * Simulate one borrower whose initial state is in `st` (traits set, `reset()`
   * done). `stepStream` is its step stream (STEP_UNIFORMS per step), `reqNext` its
   * request stream. Adds everything into `acc`.
   */
  simulate(st: BorrowerState, stepStream: AleaStream, reqNext: () => number, acc: Float64Array): void {
    const ctx = this.ctx;
    const sc = this.sc;
    const L = this.layout;
    const u = ctx.u;
    const r = ctx.r;
    const D = this.stepDays;
    const P = this.P;
    const steps = ctx.clock.steps;
    const seg = ctx.segments[st.segment]!;
    const gBase = L.segmentBase + st.segment * SEGMENT_SLOTS;
    const fr = sc.freeze;
    const rq = ctx.request;
    const credit = sc.credit;
    const scoreP = sc.score;

    acc[S.borrowers]! += 1;
    acc[gBase + G.borrowers]! += 1;
    acc[S.startBalance]! += st.balance;
    acc[gBase + G.startBalance]! += st.balance;
    acc[S.startLimit]! += st.limit;
    acc[S.startOpen]! += 1;
    st.initialLimit = st.limit;
    st.scoreAtLastReview = st.score;
    if (rq.enabled) st.nextArrival = this.arrivalGap(reqNext());

    // The score floor is checked where the score changes: at the start too.
    if (fr.scoreFloor.enabled && st.score < fr.scoreFloor.min) {
      setSlot(st, SLOT_SCORE_FLOOR, 0, Infinity);
      this.recordEvent(st, acc, gBase, CAUSE_SCORE_FLOOR, 0, 0);
    }

    for (let t = 0; t < steps; t++) {
      if (st.status === DEFAULTED) break;
      const a = t * D;
      const b = a + D;
      const tBase = L.stepBase + t * STEP_SLOTS;
      stepStream.fill(u, STEP_UNIFORMS);

      // 0. A request outcome whose hold ends in this step.
      if (st.pendingDay < b) this.applyPending(st, acc, gBase, t, a);

      // 1. Draw attempts.
      const status0 = st.status;
      let blockedDays = 0;
      if (status0 === OPEN) {
        // (restrictedUntil ≤ a: nothing restricts this step, and the measure is 0)
        if (st.restrictedUntil > a) blockedDays = unionMeasure(st.start, st.end, ALL_SLOTS, a, b, ctx.scratchStart, ctx.scratchEnd);
        acc[S.openDays]! += D;
        acc[gBase + G.openDays]! += D;
      } else if (status0 === CLOSED) {
        blockedDays = D;
        acc[S.closedDays]! += D;
        acc[gBase + G.closedDays]! += D;
      }
      const activeDays = status0 === OPEN ? D - blockedDays : 0;
      const hazard = st.drawsPerYear * ctx.drawMacro[t]!;
      const unblocked = activeDays > 0 ? poissonFromUniform(u[U_UNBLOCKED]!, (hazard * activeDays) / 365) : 0;
      const blocked = status0 !== CHURNED && blockedDays > 0 ? poissonFromUniform(u[U_BLOCKED]!, (hazard * blockedDays) / 365) : 0;
      const balance0 = st.balance;
      const limit0 = st.limit;
      // The amount of an attempt (one normal, an exp and a pow) is worked out only
      // in steps that use it: with draws, or with a request (NaN until then).
      let amount = NaN;
      const room = limit0 > balance0 ? limit0 - balance0 : 0;
      let large = 0;
      if (unblocked > 0) {
        amount = this.drawAmount(st, seg, u[U_DRAW_NOISE]!, limit0);
        const drawnNow = Math.min(room, unblocked * amount);
        st.balance += drawnNow;
        acc[S.drawn]! += drawnNow;
        large = largeDrawCount(unblocked, amount, room, limit0, fr.riskModel.largeDrawShare);
      }
      acc[S.attempts]! += unblocked + blocked;
      acc[S.blockedAttempts]! += blocked;
      acc[gBase + G.blockedAttempts]! += blocked;
      const windowIndex = ctx.windowIndex[t]!;
      if (windowIndex !== st.windowIndex) {
        st.windowIndex = windowIndex;
        st.windowDraws = 0;
      }
      const windowDraws0 = st.windowDraws;
      st.windowDraws += unblocked;

      // 4. Limit-increase requests, at their arrival times inside the step.
      if (rq.enabled && st.nextArrival < b) {
        // Request timing needs the intervals as they stood at the step's start
        // (nothing since the step's start has changed them).
        if (status0 === OPEN) {
          for (let i = 0; i < ALL_SLOTS; i++) {
            ctx.snapStart[i] = st.start[i]!;
            ctx.snapEnd[i] = st.end[i]!;
          }
        }
        if (amount !== amount) amount = this.drawAmount(st, seg, u[U_DRAW_NOISE]!, limit0);
        while (st.nextArrival < b) {
          for (let i = 0; i < REQUEST_UNIFORMS; i++) r[i] = reqNext();
          const tau = st.nextArrival;
          st.nextArrival = tau + this.arrivalGap(r[0]!);
          if (st.status !== OPEN || tau < st.end[SLOT_HOLD]! || frozenAt(st, tau)) continue;
          let before = 0;
          if (unblocked > 0 && activeDays > 0) {
            const frozenBefore = unionMeasure(ctx.snapStart, ctx.snapEnd, ALL_SLOTS, a, tau, ctx.scratchStart, ctx.scratchEnd);
            before = binomialFromUniform(r[1]!, unblocked, Math.min(1, (tau - a - frozenBefore) / activeDays));
          }
          const balanceTau = Math.max(balance0, Math.min(limit0, balance0 + before * amount));
          if (balanceTau < rq.minUtilisation * st.limit) continue;
          this.request(st, acc, gBase, tBase, t, a, b, tau, balanceTau, windowDraws0 + before, r[2]!, r[3]!);
        }
      }

      // 2. Repayment and credit events, at the end of a billing period.
      const billing = ctx.billing[t] === 1;
      if (billing && st.balance > 0) {
        const interest = st.balance * seg.periodInterest;
        if (st.dpd === 0) {
          const utilisation = st.limit > 0 ? st.balance / st.limit : 1;
          const uMiss = toOpenUnit(u[U_MISS]!);
          if (
            !ctx.missScreen.surelyNoMiss(st.score, utilisation, seg.sqrtRho, seg.sqrtOneMinusRho, ctx.x[t]!, uMiss) &&
            missesFromUniform(missHazard(credit, st.score, utilisation), P, seg.sqrtRho, seg.sqrtOneMinusRho, ctx.x[t]!, uMiss)
          ) {
            st.dpd = P;
            st.lastMissDay = b;
            st.balance += interest;
            acc[S.capitalised]! += interest;
          } else {
            acc[S.interest]! += interest;
            acc[gBase + G.interest]! += interest;
            const principal = st.balance * seg.periodAmortisation;
            st.balance -= principal;
            acc[S.repaid]! += principal;
            if (u[U_PREPAY]! < ctx.prepayProb) {
              acc[S.repaid]! += st.balance;
              st.balance = 0;
            }
          }
        } else {
          // A delinquent billing that does not cure is another missed payment.
          if (u[U_CURE]! < ctx.cureProb[t]!) st.dpd = 0;
          else {
            st.dpd += P;
            st.lastMissDay = b;
          }
          st.balance += interest;
          acc[S.capitalised]! += interest;
        }
        if (st.dpd > credit.defaultDpd) {
          this.default(st, acc, gBase, tBase, seg.lgd);
          continue;
        }
        if (st.balance < 1) {
          acc[S.repaid]! += st.balance;
          st.balance = 0;
        }
      }

      // 3. Score.
      if (billing) {
        const drift = st.dpd === 0 ? scoreP.driftPerMonth : scoreP.delinquentDriftPerMonth;
        const z = normalQuantile(toOpenUnit(u[U_SCORE]!));
        st.score = clamp(st.score + (P / 30) * drift + scoreP.volPerMonth * Math.sqrt(P / 30) * z, scoreP.min, scoreP.max);
      }

      // 5. Freeze rules, at the end of the step.
      if (st.status === OPEN) {
        const frozenDays = st.restrictedUntil > a ? unionMeasure(st.start, st.end, FREEZE_SLOTS, a, b, ctx.scratchStart, ctx.scratchEnd) : 0;
        acc[S.frozenDays]! += frozenDays;
        acc[gBase + G.frozenDays]! += frozenDays;
        let fired = 0;
        if (fr.delinquency.enabled) {
          const active = st.end[SLOT_DELINQUENCY] === Infinity;
          if (st.dpd > 0 && !active) fired |= 1 << CAUSE_DELINQUENCY;
          else if (st.dpd === 0 && active) liftUntimed(st, SLOT_DELINQUENCY, b);
        }
        if (fr.scoreFloor.enabled && billing) {
          const suspended = st.end[SLOT_SCORE_FLOOR] === Infinity;
          const now = scoreFloorSuspended(suspended, st.score, fr.scoreFloor.min, fr.scoreFloor.hysteresis);
          if (now && !suspended) fired |= 1 << CAUSE_SCORE_FLOOR;
          else if (!now && suspended) liftUntimed(st, SLOT_SCORE_FLOOR, b);
        }
        const rm = fr.riskModel;
        if (rm.enabled && rm.days > 0) {
          if (large > 0 && u[U_LARGE_DRAW]! < anyOf(large, rm.detectProb)) fired |= 1 << CAUSE_RISK_MODEL;
          if (ctx.windowEnds[t] === 1 && st.windowDraws >= rm.velocity.maxDraws && u[U_VELOCITY]! < rm.detectProb) fired |= 1 << CAUSE_RISK_MODEL;
        }
        if (fr.maintenance.days > 0 && u[U_MAINTENANCE]! < ctx.maintenanceHit[t]!) fired |= 1 << CAUSE_MAINTENANCE;
        if (fired !== 0) {
          if (!frozenJustBefore(st, b)) this.recordEvent(st, acc, gBase, mostSevere(fired), b, t);
          if (fired & (1 << CAUSE_DELINQUENCY)) setSlot(st, SLOT_DELINQUENCY, b, Infinity);
          if (fired & (1 << CAUSE_SCORE_FLOOR)) setSlot(st, SLOT_SCORE_FLOOR, b, Infinity);
          if (fired & (1 << CAUSE_RISK_MODEL)) setTimed(st, SLOT_RISK_RULE, b, b + rm.days, a);
          if (fired & (1 << CAUSE_MAINTENANCE)) setTimed(st, SLOT_MAINTENANCE, b, b + fr.maintenance.days, a);
        }
      }

      // 6. Periodic review.
      const rv = ctx.review;
      if (rv.enabled && st.status === OPEN && ctx.reviewDue[t] === 1) {
        const since = b - rv.cleanDays;
        let adverse = false;
        for (let i = 0; i < FREEZE_SLOTS; i++) {
          if (i !== SLOT_MAINTENANCE && st.start[i]! < b && st.end[i]! > since) adverse = true;
        }
        rev.score = st.score;
        rev.scoreAtLastReview = st.scoreAtLastReview;
        rev.limit = st.limit;
        rev.balance = st.balance;
        rev.current = st.dpd === 0;
        rev.adverseFreezeRecently = adverse;
        rev.missRecently = st.lastMissDay > since;
        const decision = reviewDecision(rv, rev);
        const roundTo = sc.limits.initial.roundTo;
        if (decision === REVIEW_CUT) {
          st.limit = cutLimit(st.limit, st.balance, rv.cutFactor, roundTo);
          acc[S.cuts]! += 1;
        } else if (decision === REVIEW_RAISE) {
          st.limit = raisedLimit(st.limit, rv.increaseFactor, sc.limits.cap, roundTo);
          acc[S.raises]! += 1;
        }
        st.scoreAtLastReview = st.score;
      }

      // 7. Churn, after closing any freeze episode that ended in this step.
      if (st.inEpisode) this.closeEpisodeIfEnded(st, acc, b);
      if (st.status === OPEN && u[U_CHURN]! < this.churnProbability(st.lastFreezeEnd, a, b)) {
        st.status = CHURNED;
        st.inEpisode = false;
        acc[S.churned]! += 1;
      }

      // The step's picture at its end.
      acc[tBase + T.exposure]! += st.balance;
      if (st.status === OPEN) {
        acc[tBase + T.open]! += 1;
        acc[tBase + T.limitOpen]! += st.limit;
        acc[tBase + T.balanceOpen]! += st.balance;
        const cause = st.restrictedUntil > b ? causeAt(st, b) : -1;
        if (cause >= 0) acc[tBase + T.frozen + cause]! += 1;
      } else if (st.status === CLOSED) acc[tBase + T.closed]! += 1;
      else acc[tBase + T.churned]! += 1;
    }

    // Totals at the horizon.
    if (st.status !== DEFAULTED) acc[S.endBalance]! += st.balance;
    if (st.status === OPEN) {
      acc[S.endLimitOpen]! += st.limit;
      acc[S.endOpen]! += 1;
    }
    if (st.freezeEvents > 0) {
      acc[S.everFrozen]! += 1;
      acc[gBase + G.everFrozen]! += 1;
    }
    if (st.freezeEvents > 0 || st.holds > 0) acc[S.everRestricted]! += 1;
    acc[S.eventsHistogram + Math.min(4, st.freezeEvents)]! += 1;
  }

  /** One attempt's amount: drawShare · initialLimit · (limit/initialLimit)^elasticity · exp(σξ − σ²/2). */
  private drawAmount(st: BorrowerState, seg: SegmentConstants, uNoise: number, limit: number): number {
    const elasticity = this.sc.credit.drawLimitElasticity;
    const xi = normalQuantile(toOpenUnit(uNoise));
    return (
      st.drawShare * st.initialLimit * (elasticity === 0 ? 1 : Math.pow(limit / st.initialLimit, elasticity)) *
      Math.exp(seg.drawNoiseSigma * xi - seg.drawNoiseHalfVar)
    );
  }

  /**
   * churnProbability for the step [a, b): the context's precomputed value unless
   * the step overlaps the elevated window after the latest freeze (the value is
   * the same; only an expm1 a step is saved).
   */
  private churnProbability(lastFreezeEnd: number, a: number, b: number): number {
    const ch = this.sc.churn;
    if (lastFreezeEnd + ch.afterFreezeDays <= a) return this.ctx.churnBase;
    return churnProbability(ch.perYear, ch.afterFreezeMultiplier, ch.afterFreezeDays, lastFreezeEnd, a, b);
  }

  private arrivalGap(uGap: number): number {
    return (-Math.log1p(-uGap) * 365) / this.ctx.request.perYear;
  }

  private request(
    st: BorrowerState, acc: Float64Array, gBase: number, tBase: number, t: number, a: number, b: number,
    tau: number, balanceTau: number, windowDraws: number, uVerify: number, uEscalate: number,
  ): void {
    const rq = this.ctx.request;
    const seg = this.ctx.segments[st.segment]!;
    acc[S.requests]! += 1;
    acc[gBase + G.requests]! += 1;
    // Restricted at any time in the 30 days before τ, by cause (the request's own hold is not yet set).
    const from = tau - LOOKBACK_DAYS;
    let restricted = false;
    if (st.start[SLOT_HOLD]! < tau && st.end[SLOT_HOLD]! > from) {
      acc[S.preByCause]! += 1;
      restricted = true;
    }
    let seen = 0;
    for (let i = 0; i < FREEZE_SLOTS; i++) {
      const cause = SLOT_CAUSE[i]!;
      if (st.start[i]! < tau && st.end[i]! > from && !(seen & (1 << cause))) {
        seen |= 1 << cause;
        acc[S.preByCause + 1 + cause]! += 1;
        restricted = true;
      }
    }
    if (restricted) acc[S.preRestricted]! += 1;

    // A hold of zero days (verification without a hold) is no restriction and is not counted.
    if (rq.holdDays > 0) {
      setSlot(st, SLOT_HOLD, tau, tau + rq.holdDays);
      st.holds += 1;
      acc[S.holds]! += 1;
      acc[gBase + G.holds]! += 1;
      acc[tBase + T.newHolds]! += 1;
    }

    req.tau = tau;
    req.score = st.score;
    req.balance = balanceTau;
    req.monthlyIncome = st.monthlyIncome;
    req.externalDti = st.externalDti;
    req.termMonths = seg.termMonths;
    req.apr = seg.apr;
    req.windowDraws = windowDraws;
    req.lastMissDay = st.lastMissDay;
    const outcome = decideRequest(rq, req, uVerify, uEscalate);
    acc[S.outcomes + outcome]! += 1;
    if (outcome === OUTCOME_APPROVED) acc[gBase + G.approved]! += 1;
    if (outcome === OUTCOME_APPROVED || outcome === OUTCOME_ESCALATED || outcome === OUTCOME_IDENTITY_FAILED) {
      st.pendingDay = tau + rq.holdDays;
      st.pendingOutcome = outcome;
      if (st.pendingDay < b) this.applyPending(st, acc, gBase, t, a);
    }
  }

  /** The outcome of a request takes effect when its verification hold ends. */
  private applyPending(st: BorrowerState, acc: Float64Array, gBase: number, t: number, a: number): void {
    const day = st.pendingDay;
    const outcome = st.pendingOutcome;
    st.pendingDay = Infinity;
    st.pendingOutcome = -1;
    if (st.status !== OPEN) return;
    const sc = this.sc;
    if (outcome === OUTCOME_APPROVED) {
      st.limit = raisedLimit(st.limit, sc.limits.request.increaseFactor, sc.limits.cap, sc.limits.initial.roundTo);
      return;
    }
    const slot = outcome === OUTCOME_IDENTITY_FAILED ? SLOT_IDENTITY : SLOT_RISK_REQUEST;
    const days = outcome === OUTCOME_IDENTITY_FAILED ? this.ctx.request.failFreezeDays : sc.freeze.riskModel.days;
    if (days <= 0) return;
    if (!frozenAt(st, day)) this.recordEvent(st, acc, gBase, outcome === OUTCOME_IDENTITY_FAILED ? CAUSE_IDENTITY : CAUSE_RISK_MODEL, day, t);
    setTimed(st, slot, day, day + days, a);
  }

  /** An unfrozen open account becomes frozen: count the event, start its episode, check closure. */
  private recordEvent(st: BorrowerState, acc: Float64Array, gBase: number, cause: number, day: number, t: number): void {
    if (st.status !== OPEN) return;
    if (st.inEpisode) this.closeEpisodeIfEnded(st, acc, day);
    acc[S.freezeEvents + cause]! += 1;
    acc[gBase + G.freezeEvents]! += 1;
    acc[this.layout.stepBase + t * STEP_SLOTS + T.newEvents + cause]! += 1;
    st.freezeEvents += 1;
    st.inEpisode = true;
    st.episodeStart = day;
    st.episodeCause = cause;
    if (this.sc.freeze.closure.enabled) {
      st.recentEvents[st.recentPos] = day;
      st.recentPos = (st.recentPos + 1) % st.recentEvents.length;
      if (shouldClose(st.recentEvents, day, this.closureMax)) {
        st.status = CLOSED;
        st.inEpisode = false;
        acc[S.closures]! += 1;
      }
    }
  }

  private closeEpisodeIfEnded(st: BorrowerState, acc: Float64Array, now: number): void {
    const end = episodeEnd(st, st.episodeStart);
    if (end <= now) {
      acc[S.freezeLengthSum + st.episodeCause]! += end - st.episodeStart;
      acc[S.freezeEnded + st.episodeCause]! += 1;
      st.lastFreezeEnd = end;
      st.inEpisode = false;
    }
  }

  private default(st: BorrowerState, acc: Float64Array, gBase: number, tBase: number, lgd: number): void {
    const loss = st.balance * lgd;
    acc[S.defaults]! += 1;
    acc[gBase + G.defaults]! += 1;
    acc[S.loss]! += loss;
    acc[gBase + G.loss]! += loss;
    acc[S.defaultedBalance]! += st.balance;
    acc[tBase + T.newDefaults]! += 1;
    st.balance = 0;
    st.status = DEFAULTED;
    st.inEpisode = false;
  }
}
