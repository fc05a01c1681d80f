/** The population rule: which differences break common random numbers, and which do not. */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPopulation } from '../../src/compare/population.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { BASELINE_FILE } from '../helpers/scenario-files.js';
import { loadScenario } from '../helpers/scenario.js';

let base: Scenario;
beforeAll(async () => {
  base = await loadScenario(BASELINE_FILE);
});

const change = (f: (s: Scenario) => void): Scenario => {
  const s = structuredClone(base);
  f(s);
  return s;
};

describe('checkPopulation', () => {
  it('accepts a scenario with itself', () => {
    expect(checkPopulation(base, structuredClone(base))).toEqual({ same: true, differingFields: [] });
  });

  it('accepts different policies, shocks, names and appetite', () => {
    const alt = change((s) => {
      s.name = 'other';
      s.freeze.riskModel.velocity.maxDraws = 2;
      s.limits.request.verification.holdDays = 0;
      s.macro.shocks = [{ fromDay: 0, toDay: 90, shift: -1 }];
      s.credit.annualMissRateAtRef = 0.1;
      s.run.shardSize = 100; // how the work is cut, not the draws
    });
    expect(checkPopulation(base, alt).same).toBe(true);
  });

  it('names every differing population field', () => {
    const alt = change((s) => {
      s.seed = 1;
      s.run.paths = 3;
      s.run.shardSize = 100;
      s.clock.horizonDays = 360;
      s.segments[0]!.correlation = 0.05;
      s.macro.monthlyAutocorrelation = 0.5;
    });
    expect(checkPopulation(base, alt).differingFields).toEqual([
      'seed',
      'run.paths',
      'clock.horizonDays',
      'segments[0].correlation',
      'macro.monthlyAutocorrelation',
    ]);
  });

  it('names a segment list of another length as a whole', () => {
    const alt = change((s) => {
      s.segments = [{ ...s.segments[0]!, share: 1 }];
    });
    expect(checkPopulation(base, alt).differingFields).toEqual(['segments']);
  });
});
