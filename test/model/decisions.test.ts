/**
 * The step's decisions as pure functions, each driven by scripted uniforms: a
 * uniform just below its probability fires, one at it does not (every
 * "u < p" in the model is strict), and the bookkeeping conditions around it.
 */
import { describe, expect, it } from 'vitest';
import { cures, defaultsNow, prepays } from '../../src/model/policies/credit.js';
import {
  delinquencyFreeze, largeDrawCaught, maintenanceHits, scoreFloorFreeze, velocityCaught, Change,
} from '../../src/model/policies/freeze.js';
import { adverseFreezeOverlaps, cutToBalance } from '../../src/model/policies/limits.js';
import {
  mayAsk, outcomeFreezeCause, outcomeFreezeDays, outcomeTakesEffect, usesEnoughToAsk, RequestOutcome,
} from '../../src/model/policies/requests.js';
import { Cause } from '../../src/model/policies/freeze.js';
import { churns } from '../../src/model/policies/churn.js';
import { distressEntryProb, liquidityMultiplier } from '../../src/model/hidden/distress.js';
import { distressedShareAfter } from '../oracles/distress-chain.js';
import { identityPassProb, investigationConfirms, onsetDay, takeoverFraudPart, takeoverGap } from '../../src/model/hidden/fraud.js';

describe('credit decisions', () => {
  it('cures, prepays and churns when the uniform falls strictly below the probability', () => {
    expect(cures(0.2999, 0.3)).toBe(true);
    expect(cures(0.3, 0.3)).toBe(false);
    expect(prepays(0.0249, 0.025)).toBe(true);
    expect(prepays(0.025, 0.025)).toBe(false);
    expect(churns(0.004, 0.005)).toBe(true);
    expect(churns(0.005, 0.005)).toBe(false);
  });
  it('defaults once days past due exceed defaultDpd, not at it', () => {
    expect(defaultsNow(90, 90)).toBe(false);
    expect(defaultsNow(120, 90)).toBe(true);
    expect(defaultsNow(30, 0)).toBe(true);
  });
});

describe('freeze rules', () => {
  it('the delinquency freeze fires on a delinquent unfrozen account and lifts on cure', () => {
    expect(delinquencyFreeze(false, 30)).toBe(Change.Fire);
    expect(delinquencyFreeze(true, 60)).toBe(Change.Keep);
    expect(delinquencyFreeze(true, 0)).toBe(Change.Lift);
    expect(delinquencyFreeze(false, 0)).toBe(Change.Keep);
  });
  it('the score floor suspends below min and lifts only at min + hysteresis', () => {
    expect(scoreFloorFreeze(false, 519.9, 520, 5)).toBe(Change.Fire);
    expect(scoreFloorFreeze(true, 524.9, 520, 5)).toBe(Change.Keep);
    expect(scoreFloorFreeze(true, 525, 520, 5)).toBe(Change.Lift);
    expect(scoreFloorFreeze(false, 520, 520, 5)).toBe(Change.Keep);
  });
  it('catches one of n large draws with 1 − (1 − p)^n, and nothing without a large draw', () => {
    const p = 1 - 0.4 ** 2; // two large draws at detectProb 0.6
    expect(largeDrawCaught(p - 1e-12, 2, 0.6)).toBe(true);
    expect(largeDrawCaught(p, 2, 0.6)).toBe(false);
    expect(largeDrawCaught(0, 0, 0.6)).toBe(false);
  });
  it('checks velocity only at the end of a window that reached maxDraws', () => {
    expect(velocityCaught(0.5, true, 4, 4, 0.6)).toBe(true);
    expect(velocityCaught(0.5, false, 9, 4, 0.6)).toBe(false);
    expect(velocityCaught(0.5, true, 3, 4, 0.6)).toBe(false);
    expect(velocityCaught(0.6, true, 4, 4, 0.6)).toBe(false);
  });
  it('maintenance hits with the step probability', () => {
    expect(maintenanceHits(0.0299, 0.03)).toBe(true);
    expect(maintenanceHits(0.03, 0.03)).toBe(false);
  });
});

describe('requests', () => {
  it('an arrival asks only on an open account neither held nor frozen, with enough utilisation', () => {
    expect(mayAsk(true, false, false)).toBe(true);
    expect(mayAsk(false, false, false)).toBe(false);
    expect(mayAsk(true, true, false)).toBe(false);
    expect(mayAsk(true, false, true)).toBe(false);
    expect(usesEnoughToAsk(600, 1000, 0.6)).toBe(true);
    expect(usesEnoughToAsk(599.99, 1000, 0.6)).toBe(false);
  });
  it('names the freeze each outcome brings when its hold ends', () => {
    expect(outcomeTakesEffect(RequestOutcome.Declined)).toBe(false);
    expect(outcomeTakesEffect(RequestOutcome.Approved)).toBe(true);
    expect(outcomeFreezeCause(RequestOutcome.IdentityFailed)).toBe(Cause.Identity);
    expect(outcomeFreezeCause(RequestOutcome.Escalated)).toBe(Cause.RiskModel);
    expect(outcomeFreezeCause(RequestOutcome.Approved)).toBe(-1);
    expect(outcomeFreezeDays(RequestOutcome.IdentityFailed, 30, 14)).toBe(30);
    expect(outcomeFreezeDays(RequestOutcome.Escalated, 30, 14)).toBe(14);
  });
});

describe('limits', () => {
  it('counts an adverse freeze overlapping the clean window, but not maintenance', () => {
    const starts = Float64Array.from([-Infinity, 100, -Infinity]);
    const ends = Float64Array.from([-Infinity, 120, -Infinity]);
    expect(adverseFreezeOverlaps(starts, ends, 3, 2, 110, 300)).toBe(true);
    expect(adverseFreezeOverlaps(starts, ends, 3, 2, 120, 300)).toBe(false); // ended exactly at the window's start
    expect(adverseFreezeOverlaps(starts, ends, 3, 1, 0, 300)).toBe(false); // slot 1 is the skipped one
  });
  it('cuts a caught line to its balance rounded up to roundTo, at least roundTo, never up', () => {
    expect(cutToBalance(10000, 4321, 100)).toBe(4400);
    expect(cutToBalance(10000, 0, 100)).toBe(100);
    expect(cutToBalance(3000, 4321, 100)).toBe(3000);
    expect(cutToBalance(10000, 4400, 100)).toBe(4400);
  });
});

describe('hidden-state dynamics (model v2)', () => {
  it('distress entry is 1 − exp(−h·P/365) with the score term', () => {
    expect(distressEntryProb(0.048, 0.5, 650, 650, 30)).toBeCloseTo(1 - Math.exp((-0.048 * 30) / 365), 15);
    expect(distressEntryProb(0.048, 0.5, 750, 650, 30)).toBeCloseTo(1 - Math.exp((-0.048 * Math.exp(-0.5) * 30) / 365), 15);
  });
  it('the two-state chain converges to p/(p+q) geometrically', () => {
    const p = 0.004, q = 0.18;
    expect(distressedShareAfter(p, q, 0.02, 0)).toBe(0.02);
    expect(distressedShareAfter(p, q, 0.02, 1)).toBeCloseTo(0.02 * (1 - q) + 0.98 * p, 15);
    expect(distressedShareAfter(p, q, 0.5, 500)).toBeCloseTo(p / (p + q), 12);
  });
  it('the liquidity channel scales the miss hazard by 1 + (m − 1)·f', () => {
    expect(liquidityMultiplier(1.2, 0)).toBe(1);
    expect(liquidityMultiplier(1.2, 0.5)).toBeCloseTo(1.1, 15);
    expect(liquidityMultiplier(1.2, 1)).toBeCloseTo(1.2, 15);
    expect(liquidityMultiplier(1, 0.7)).toBe(1);
  });
  it('the identity check faces a fraudster with the catch probability, a planner with the bust-out one', () => {
    expect(identityPassProb(false, false, 0.97, 0.97, 0.05)).toBe(0.97);
    expect(identityPassProb(true, false, 0.97, 0.9, 0.05)).toBeCloseTo(0.1, 15);
    expect(identityPassProb(false, true, 0.97, 0.9, 0.05)).toBeCloseTo(0.95, 15);
    expect(identityPassProb(true, true, 0.97, 0.9, 0.05)).toBeCloseTo(0.1, 15); // a takeover's fraudster faces the check first
  });
  it('an investigation confirms only fraud, only when enabled, with confirmProb', () => {
    expect(investigationConfirms(true, true, 0.79, 0.8)).toBe(true);
    expect(investigationConfirms(true, true, 0.8, 0.8)).toBe(false);
    expect(investigationConfirms(true, false, 0, 0.8)).toBe(false);
    expect(investigationConfirms(false, true, 0, 0.8)).toBe(false);
  });
  it('onsets and takeover gaps are exponential by inversion', () => {
    expect(onsetDay(1 - Math.exp(-1), 365)).toBeCloseTo(365, 9);
    expect(takeoverGap(1 - Math.exp(-1), 0.5)).toBeCloseTo(730, 9);
  });
  it('a taken-over default charges the fraudster’s part in full, never more than the balance', () => {
    expect(takeoverFraudPart(5000, 1200)).toBe(1200);
    expect(takeoverFraudPart(800, 1200)).toBe(800);
  });
});
