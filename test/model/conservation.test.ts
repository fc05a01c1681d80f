/**
 * Conservation laws, with every rule on: money in = money out
 * (balance at start + drawn + capitalised interest = repaid + balance written
 * off at default + balance at the horizon), and borrowers by status add up at
 * every step (open + closed + churned + defaulted so far = borrowers).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';
import { conservationError } from '../../src/results/figures.js';
import { S, STEP_SLOTS, T } from '../../src/results/layout.js';

describe('conservation', () => {
  for (const stepDays of [30, 1]) {
    it(`holds for money and for borrower counts (${stepDays}-day steps)`, async () => {
      const scenario = await loadScenario('scenarios/baseline.yaml', [
        'run.paths=3', 'run.borrowersPerPath=1500', 'run.shardSize=500', `clock.stepDays=${stepDays}`, 'clock.horizonDays=360',
        // more of everything that moves money or status
        'churn.perYear=0.5', 'freeze.closure.maxFreezesPerYear=2', 'credit.annualMissRateAtRef=0.2',
        // model v1: every loss is balance × lgd (model v2's conservation has its own test)
        'distress.enabled=false', 'fraud.bustOut.enabled=false', 'fraud.takeover.enabled=false',
      ]);
      const run = await simulate(scenario, { inProcess: true });
      for (const acc of run.paths) {
        expect(conservationError(acc)).toBeLessThan(1e-12);
        expect(acc[S.drawn]!).toBeGreaterThan(0);
        expect(acc[S.defaults]!).toBeGreaterThan(0);
        expect(acc[S.closures]!).toBeGreaterThan(0);
        expect(acc[S.churned]!).toBeGreaterThan(0);
        let defaulted = 0;
        for (let t = 0; t < run.clock.steps; t++) {
          const b = run.layout.stepBase + t * STEP_SLOTS;
          defaulted += acc[b + T.newDefaults]!;
          expect(acc[b + T.open]! + acc[b + T.closed]! + acc[b + T.churned]! + defaulted).toBe(acc[S.borrowers]);
        }
        expect(defaulted).toBe(acc[S.defaults]);
        // loss = written-off balance × LGD, so it lies between the smallest and largest LGD's share
        expect(acc[S.loss]!).toBeGreaterThanOrEqual(0.75 * acc[S.defaultedBalance]! - 1e-6);
        expect(acc[S.loss]!).toBeLessThanOrEqual(0.85 * acc[S.defaultedBalance]! + 1e-6);
      }
    });
  }
});
