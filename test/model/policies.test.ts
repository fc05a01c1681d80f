import { describe, expect, it } from 'vitest';
import {
  cutLimit, raisedLimit, reviewDecision, roundLimit, ReviewAction,
} from '../../src/model/policies/limits.js';
import {
  decideRequest, requestDti, type RequestParams, type RequestState, RequestOutcome,
} from '../../src/model/policies/requests.js';
import {
  anyOf, largeDrawCount, mostSevere, scoreFloorSuspended, shouldClose, Cause,
} from '../../src/model/policies/freeze.js';
import { churnProbability, overlap } from '../../src/model/policies/churn.js';
import { cureProbability, missHazard, misses } from '../../src/model/policies/credit.js';
import { segmentQuotas } from '../../src/model/population.js';

const review = { minScore: 680, minUtilisation: 0.5, increaseFactor: 1.15, cutScore: 560, cutDrop: 50, cutFactor: 0.7 };
const clean = { score: 700, scoreAtLastReview: 700, limit: 10000, balance: 6000, current: true, adverseFreezeRecently: false, missRecently: false };

describe('periodic review', () => {
  it('raises a clean, active, current borrower above the score bar', () => {
    expect(reviewDecision(review, clean)).toBe(ReviewAction.Raise);
  });
  it('cuts at or below cutScore, and on a drop of at least cutDrop since the last review', () => {
    expect(reviewDecision(review, { ...clean, score: 560, scoreAtLastReview: 560 })).toBe(ReviewAction.Cut);
    expect(reviewDecision(review, { ...clean, score: 700, scoreAtLastReview: 750 })).toBe(ReviewAction.Cut);
    expect(reviewDecision(review, { ...clean, score: 700, scoreAtLastReview: 749.9 })).toBe(ReviewAction.Raise);
  });
  it('does not raise when any raise condition fails', () => {
    expect(reviewDecision(review, { ...clean, current: false })).toBe(ReviewAction.None);
    expect(reviewDecision(review, { ...clean, score: 679, scoreAtLastReview: 679 })).toBe(ReviewAction.None);
    expect(reviewDecision(review, { ...clean, balance: 4999 })).toBe(ReviewAction.None);
    expect(reviewDecision(review, { ...clean, adverseFreezeRecently: true })).toBe(ReviewAction.None);
    expect(reviewDecision(review, { ...clean, missRecently: true })).toBe(ReviewAction.None);
  });
  it('cuts to max(balance, limit·cutFactor), never above the old limit, rounded', () => {
    expect(cutLimit(10000, 2000, 0.7, 100)).toBe(7000);
    // rounding 8123 down would push the balance over the limit: the cut stops at the balance
    expect(cutLimit(10000, 8123, 0.7, 100)).toBe(8123);
    expect(cutLimit(10000, 12000, 0.7, 100)).toBe(10000);
  });
  it('raises by the factor up to the cap, rounded to roundTo', () => {
    expect(raisedLimit(10000, 1.15, 200000, 100)).toBe(11500);
    expect(raisedLimit(190000, 1.15, 200000, 100)).toBe(200000);
    expect(raisedLimit(1234, 1.3, 200000, 100)).toBe(1600);
    expect(roundLimit(1249, 100)).toBe(1200);
  });
});

const rp: RequestParams = { verificationEnabled: true, passProb: 0.97, qualificationMinScore: 620, maxDti: 0.5, escalateProb: 0.4, maxDraws: 4, behaviourCleanDays: 90 };
const rs: RequestState = { tau: 400, score: 700, balance: 6000, monthlyIncome: 7000, externalDti: 0.15, termMonths: 12, apr: 0.146, windowDraws: 1, lastMissDay: -Infinity, passProb: 0.97 };

describe('limit-increase request', () => {
  it('approves a verified, qualified, well-behaved borrower', () => {
    expect(decideRequest(rp, rs, 0.5, 0.1)).toBe(RequestOutcome.Approved);
  });
  it('fails identity with probability 1 − passProb, before any other check', () => {
    expect(decideRequest(rp, { ...rs, score: 400 }, 0.97, 0.1)).toBe(RequestOutcome.IdentityFailed);
    expect(decideRequest(rp, rs, 0.9699, 0.1)).toBe(RequestOutcome.Approved);
  });
  it('uses the pass probability the model sets for the account (a fraudster facing the check fails more often)', () => {
    expect(decideRequest(rp, { ...rs, passProb: 0.03 }, 0.03, 0.1)).toBe(RequestOutcome.IdentityFailed);
    expect(decideRequest(rp, { ...rs, passProb: 0.03 }, 0.0299, 0.1)).toBe(RequestOutcome.Approved);
  });
  it('skips identity re-verification entirely when it is off', () => {
    expect(decideRequest({ ...rp, verificationEnabled: false }, rs, 0.999, 0.1)).toBe(RequestOutcome.Approved);
  });
  it('declines on qualification: score below the bar, or DTI above the maximum', () => {
    expect(decideRequest(rp, { ...rs, score: 619 }, 0.5, 0.1)).toBe(RequestOutcome.Declined);
    // DTI = 0.15 + 6000·(1/12 + 0.146/12)/7000 = 0.15 + 0.0819 = 0.2319; external DTI > 0.4181 breaches 0.5
    expect(requestDti(rs)).toBeCloseTo(0.15 + (6000 * (1 / 12 + 0.146 / 12)) / 7000, 12);
    expect(decideRequest(rp, { ...rs, externalDti: 0.42 }, 0.5, 0.1)).toBe(RequestOutcome.Declined);
    expect(decideRequest(rp, { ...rs, externalDti: 0.41 }, 0.5, 0.1)).toBe(RequestOutcome.Approved);
  });
  it('escalates a busy or recently missed account with escalateProb, else declines', () => {
    expect(decideRequest(rp, { ...rs, windowDraws: 4 }, 0.5, 0.39)).toBe(RequestOutcome.Escalated);
    expect(decideRequest(rp, { ...rs, windowDraws: 4 }, 0.5, 0.4)).toBe(RequestOutcome.Declined);
    expect(decideRequest(rp, { ...rs, lastMissDay: 311 }, 0.5, 0.1)).toBe(RequestOutcome.Escalated);
    expect(decideRequest(rp, { ...rs, lastMissDay: 310 }, 0.5, 0.1)).toBe(RequestOutcome.Approved);
  });
});

describe('freeze rules', () => {
  it('counts large draws among sequentially capped attempts', () => {
    // limit 1000, large above 800; amount 900: room 1000 → first attempt 900 (large), then 100 (not)
    expect(largeDrawCount(3, 900, 1000, 1000, 0.8)).toBe(1);
    // room 300: nothing can be large
    expect(largeDrawCount(3, 900, 300, 1000, 0.8)).toBe(0);
    // amount below the threshold is never large
    expect(largeDrawCount(5, 700, 1000, 1000, 0.8)).toBe(0);
    // largeShare 0.1: amount 200, room 1000 → attempts get 200,200,200,200,200 → rooms 1000,800,600,400,200 → 4 above 100
    expect(largeDrawCount(6, 200, 1000, 1000, 0.1)).toBe(5);
  });
  it('detection over n chances', () => {
    expect(anyOf(0, 0.6)).toBe(0);
    expect(anyOf(2, 0.6)).toBeCloseTo(0.84, 14);
  });
  it('score floor suspends below min and lifts only at min + hysteresis', () => {
    expect(scoreFloorSuspended(false, 519.9, 520, 5)).toBe(true);
    expect(scoreFloorSuspended(false, 520, 520, 5)).toBe(false);
    expect(scoreFloorSuspended(true, 524.9, 520, 5)).toBe(true);
    expect(scoreFloorSuspended(true, 525, 520, 5)).toBe(false);
  });
  it('attributes simultaneous causes to the most severe', () => {
    expect(mostSevere(1 << Cause.Maintenance)).toBe(Cause.Maintenance);
    expect(mostSevere((1 << Cause.Maintenance) | (1 << Cause.RiskModel))).toBe(Cause.RiskModel);
    expect(mostSevere((1 << Cause.Identity) | (1 << Cause.ScoreFloor))).toBe(Cause.ScoreFloor);
    expect(mostSevere((1 << Cause.Delinquency) | (1 << Cause.Maintenance))).toBe(Cause.Delinquency);
    expect(mostSevere(0)).toBe(-1);
  });
  it('closes after max events within (t − 365, t]', () => {
    const ring = new Float64Array([10, 100, 200, 374]);
    expect(shouldClose(ring, 374, 4)).toBe(true);
    expect(shouldClose(ring, 375, 4)).toBe(false); // day 10 is now 365 days back: outside (10, 375]
    expect(shouldClose(new Float64Array([-Infinity, 100, 200, 300]), 300, 4)).toBe(false);
  });
});

describe('churn and credit', () => {
  it('multiplies churn over the days after the latest freeze', () => {
    expect(overlap(0, 90, 60, 120)).toBe(30);
    const base = churnProbability(0.06, 3, 90, -Infinity, 0, 30);
    expect(base).toBeCloseTo(1 - Math.exp((-0.06 * 30) / 365), 15);
    const elevated = churnProbability(0.06, 3, 90, 10, 0, 30); // 20 days elevated
    expect(elevated).toBeCloseTo(1 - Math.exp((-0.06 * (30 + 2 * 20)) / 365), 15);
  });
  it('miss hazard scales with score and utilisation as specified', () => {
    const p = { annualMissRateAtRef: 0.05, refScore: 650, scoreSlope: 0.9, utilSlope: 1 };
    expect(missHazard(p, 650, 0)).toBe(0.05);
    expect(missHazard(p, 750, 0.5)).toBeCloseTo(0.05 * Math.exp(-0.9) * 1.5, 15);
  });
  it('a miss is the latent variable below Φ⁻¹(q)', () => {
    // q = 1 − exp(−λ·P/365) with λ = −ln(0.5)·365/30 → q = 0.5, Φ⁻¹(q) = 0
    const lambda = (Math.log(2) * 365) / 30;
    expect(misses(lambda, 30, 0, 1, 0, -0.001)).toBe(true);
    expect(misses(lambda, 30, 0, 1, 0, 0.001)).toBe(false);
    expect(misses(lambda, 30, 0.2, Math.sqrt(0.96), -1, 0.1)).toBe(true); // 0.2·(−1) + 0.98·0.1 < 0
  });
  it('cure probability over the billing period', () => {
    expect(cureProbability(6, 0.3, 0, 30)).toBeCloseTo(1 - Math.exp((-6 * 30) / 365), 15);
    expect(cureProbability(6, 0.3, -2, 30)).toBeCloseTo(1 - Math.exp((-6 * Math.exp(-0.6) * 30) / 365), 15);
  });
});

describe('segment quotas', () => {
  it('floors each share and gives the remainder to the largest fractional parts', () => {
    expect(segmentQuotas([0.8, 0.2], 10000)).toEqual([8000, 2000]);
    expect(segmentQuotas([1 / 3, 1 / 3, 1 / 3], 10)).toEqual([4, 3, 3]);
    expect(segmentQuotas([0.55, 0.45], 3)).toEqual([2, 1]); // 1.65, 1.35 → 1,1 + remainder to 0.65
  });
});
