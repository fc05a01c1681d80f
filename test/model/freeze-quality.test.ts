/**
 * Freeze quality and what the rules catch, on one borrower whose every uniform
 * is scripted: the labels (good or bad) follow the hidden state at the trigger,
 * a takeover ends in a fraud freeze and a write-off of exactly what was drained,
 * and an investigation that confirms a bust-out closes its account.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { makeClock } from '../../src/model/clock.js';
import { ModelContext, STEP_UNIFORMS, U } from '../../src/model/context.js';
import { BorrowerState } from '../../src/model/borrower.js';
import { BorrowerSimulator } from '../../src/model/simulate.js';
import { makeLayout, S } from '../../src/model/layout.js';
import { FREEZE_CAUSES } from '../../src/results/types.js';

const cause = (c: (typeof FREEZE_CAUSES)[number]) => FREEZE_CAUSES.indexOf(c);

/** Step uniforms where nothing happens: no draws, no miss, no prepayment, no catch, no churn; z = 0 for the score. */
function quietStep(): Float64Array {
  const u = new Float64Array(STEP_UNIFORMS).fill(0.999);
  u[U.Unblocked] = 0; // Poisson by inversion: 0 attempts
  u[U.DrawNoise] = 0.5;
  u[U.Score] = 0.5;
  for (const i of [U.Miss, U.Cure, U.Prepay, U.LargeDraw, U.Velocity, U.Maintenance, U.Churn]) u[i] = 0.999;
  return u;
}

/** A stream that returns its script, then `rest` forever. */
function scripted(values: number[], rest = 0.999): () => number {
  let i = 0;
  return () => (i < values.length ? values[i++]! : rest);
}

interface Run {
  acc: Float64Array;
  st: BorrowerState;
}

/** One borrower (limit 10 000, balance 3 000, score 700) on a flat economy, with scripted streams. */
function runOne(scenario: Scenario, o: { steps?: (t: number, u: Float64Array) => void; hidden?: number[]; takeovers?: number[] }): Run {
  const clock = makeClock(scenario);
  const economy = { x: new Float64Array(clock.steps), maintenanceEvents: new Int32Array(clock.steps), weight: 1 };
  const ctx = new ModelContext(scenario, economy);
  const layout = makeLayout(scenario.segments.length, clock.steps);
  const acc = new Float64Array(layout.size);
  const st = new BorrowerState(scenario.freeze.closure.maxFreezesPerYear);
  st.reset();
  Object.assign(st, { segment: 0, score: 700, limit: 10000, balance: 3000, monthlyIncome: 7000, externalDti: 0.1, drawsPerYear: 4, drawShare: 0.15 });
  let t = 0;
  const block = {
    fill(out: Float64Array) {
      out.set(quietStep());
      o.steps?.(t++, out);
    },
  };
  new BorrowerSimulator(ctx, layout).simulate(
    st,
    block,
    { requests: scripted([]), hidden: scripted(o.hidden ?? [0.999, 0.999]), takeovers: scripted(o.takeovers ?? [0.999999]), wishes: scripted([]) },
    acc,
  );
  return { acc, st };
}

const quiet = [
  'clock.horizonDays=360', 'limits.request.enabled=false', 'limits.review.enabled=false', 'freeze.maintenance.enabled=false',
  'freeze.scoreFloor.enabled=false', 'churn.perYear=0', 'prepayment.perYear=0',
  'distress.enabled=true', 'fraud.bustOut.enabled=true', 'fraud.takeover.enabled=true',
  'freeze.riskModel.velocity.maxDraws=1', 'freeze.riskModel.largeDrawShare=0.5',
];

describe('freeze quality with scripted uniforms', () => {
  it('labels a risk-model freeze on a healthy account good, and on a distressed one bad', async () => {
    const scenario = await loadScenario('scenarios/baseline.yaml', quiet);
    // step 0: one unblocked attempt (u = 0.9 → 1 of Poisson(4·30/365)), caught by the velocity rule (u = 0)
    const steps = (t: number, u: Float64Array) => {
      if (t === 0) {
        u[U.Unblocked] = 0.9;
        u[U.Velocity] = 0;
      }
    };
    const healthy = runOne(scenario, { steps, hidden: [0.999, 0.999] });
    const distressed = runOne(scenario, { steps, hidden: [0, 0.999] }); // the first uniform < initialShare
    for (const { acc } of [healthy, distressed]) {
      expect(acc[S.freezeEvents + cause('riskModel')]).toBe(1);
      expect(acc[S.ruleEvents]).toBe(1);
      expect(acc[S.investigations]).toBe(1);
      expect(acc[S.confirmations]).toBe(0); // neither is a fraud
    }
    expect(healthy.acc[S.badFreezeEvents + cause('riskModel')]).toBe(0);
    expect(healthy.acc[S.badRuleEvents]).toBe(0);
    expect(healthy.acc[S.goodEverFrozen]).toBe(1);
    expect(distressed.acc[S.distressEpisodes]).toBe(1);
    expect(distressed.acc[S.badFreezeEvents + cause('riskModel')]).toBe(1);
    expect(distressed.acc[S.badRuleEvents]).toBe(1);
    expect(distressed.acc[S.goodEverFrozen]).toBe(0);
  });

  it('ends a takeover the owner notices with a fraud freeze and writes off exactly the room it drained', async () => {
    const scenario = await loadScenario('scenarios/baseline.yaml', [...quiet, 'fraud.takeover.perYear=0.5', 'fraud.takeover.noticeDays=10']);
    // first arrival on day 5: gap = −ln(1 − u)·365/perYear
    const u5 = 1 - Math.exp((-5 * 0.5) / 365);
    // the arrival's block: next gap (never), no request, drain not caught, ...
    const run = runOne(scenario, { hidden: [0.999, 0.999], takeovers: [u5, 0.999999, 0.999, 0.5, 0.5, 0.999, 0.999] });
    const { acc } = run;
    expect(acc[S.takeovers]).toBe(1);
    expect(acc[S.fraudDrawn]).toBe(7000); // the room at day 5: 10 000 − 3 000, drawn at once
    // a drain of 7 000 is above largeDrawShare·limit = 5 000, but its catch uniform (0.999) misses
    expect(acc[S.freezeEvents + cause('riskModel')]).toBe(0);
    expect(acc[S.freezeEvents + cause('fraud')]).toBe(1); // the owner notices on day 15
    expect(acc[S.badFreezeEvents + cause('fraud')]).toBe(1);
    expect(acc[S.takeoverLoss]).toBe(7000);
    expect(acc[S.fraudLoss]).toBe(7000);
    expect(acc[S.writtenOff]).toBe(7000);
    expect(acc[S.takeoversStopped]).toBe(0);
    expect(run.st.takenOver).toBe(false);
  });

  it('stops a takeover whose drain the rule catches, if the investigation confirms it', async () => {
    const scenario = await loadScenario('scenarios/baseline.yaml', [...quiet, 'fraud.takeover.perYear=0.5']);
    const u5 = 1 - Math.exp((-5 * 0.5) / 365);
    // drain catch u = 0.3 < detectProb 0.6; rescaled for the investigation 0.3/0.6 = 0.5 < confirmProb 0.8
    const run = runOne(scenario, { takeovers: [u5, 0.999999, 0.999, 0.5, 0.5, 0.3, 0.999] });
    expect(run.acc[S.freezeEvents + cause('riskModel')]).toBe(1); // the catch is the event; the fraud freeze extends it
    expect(run.acc[S.freezeEvents + cause('fraud')]).toBe(0);
    expect(run.acc[S.takeoversStopped]).toBe(1);
    expect(run.acc[S.confirmations]).toBe(1);
    expect(run.acc[S.takeoverLoss]).toBe(7000);
  });

  it('closes a bust-out whose drain is caught and confirmed; it still defaults, as fraud loss', async () => {
    const scenario = await loadScenario('scenarios/baseline.yaml', quiet);
    // planner (second uniform < share), onset on day 10 (third uniform), drain caught (sixth = 0.1 < 0.6),
    // investigation 0.1/0.6 < 0.8 confirms
    const onset10 = 1 - Math.exp(-10 / 365);
    const run = runOne(scenario, { hidden: [0.999, 0, onset10, 0.5, 0.5, 0.1, 0.999] });
    const { acc } = run;
    expect(acc[S.onsets]).toBe(1);
    expect(acc[S.ruleEvents]).toBe(1);
    expect(acc[S.badRuleEvents]).toBe(1);
    expect(acc[S.bustOutsStopped]).toBe(1);
    expect(acc[S.requests]).toBe(0); // caught at its drain: no request then
    // never pays: misses at days 30, 60, 90, 120 and defaults when dpd (120) exceeds 90
    expect(acc[S.defaults]).toBe(1);
    expect(acc[S.defaultsBustOut]).toBe(1);
    expect(acc[S.creditLoss]).toBe(0);
    expect(acc[S.fraudLoss]).toBe(acc[S.defaultedBalance]); // lgd 1.0
    expect(acc[S.defaultedBalance]!).toBeGreaterThan(10000); // the whole line plus capitalised interest
    expect(acc[S.closedDays]!).toBeGreaterThan(0);
  });
});
