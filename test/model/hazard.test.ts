/**
 * Constant hazard: one segment, ρ = 0, every rule off but misses, defaultDpd 0,
 * no score or utilisation effect, no amortisation, churn or prepayment. Each
 * borrower then defaults at the first billing date whose miss fires, so the
 * cumulative default rate at billing day d is 1 − exp(−λ·d/365) (MODEL.md
 * reference values). Checked at daily and at 30-day steps (the billing calendar
 * must make them agree), within 4.5 binomial standard errors at each of the 12
 * billing dates (false-alarm chance below 1e-4 per run).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';
import { pathSeries } from '../../src/results/figures.js';
import { S } from '../../src/results/layout.js';

const LAMBDA = 0.3;

async function hazardScenario(stepDays: number) {
  return loadScenario('scenarios/validation/vasicek.yaml', [
    'run.paths=4',
    'run.borrowersPerPath=5000',
    'run.shardSize=2500',
    `clock.stepDays=${stepDays}`,
    'clock.horizonDays=360',
    'segments.0.correlation=0',
    'segments.0.termMonths=1e9',
    'segments.0.initialUtilisation.mean=0.5',
    'segments.0.initialUtilisation.concentration=1000',
    `credit.annualMissRateAtRef=${LAMBDA}`,
    'limits.review.everyDays=360',
    'freeze.riskModel.velocity.windowDays=30',
  ]);
}

describe('constant hazard', () => {
  for (const stepDays of [30, 1]) {
    it(`cumulative default follows 1 − exp(−λt) at billing dates (${stepDays}-day steps)`, async () => {
      const scenario = await hazardScenario(stepDays);
      const run = await simulate(scenario, { inProcess: true });
      const n = run.paths.reduce((a, acc) => a + acc[S.borrowers]!, 0);
      const cumulative = new Array<number>(run.clock.steps).fill(0);
      for (const acc of run.paths) {
        const s = pathSeries(acc, run.layout);
        s.cumulativeDefaultRate!.forEach((v, t) => (cumulative[t]! += (v as number) * acc[S.borrowers]!));
      }
      let checked = 0;
      for (let t = 0; t < run.clock.steps; t++) {
        const day = (t + 1) * stepDays;
        const expected = 1 - Math.exp((-LAMBDA * Math.floor(day / 30) * 30) / 365);
        const se = Math.sqrt((expected * (1 - expected)) / n) || 1 / n;
        expect(Math.abs(cumulative[t]! / n - expected)).toBeLessThan(4.5 * se + 1e-12);
        if (day % 30 === 0) checked++;
      }
      expect(checked).toBe(12);
    });
  }
});
