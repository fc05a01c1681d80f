/**
 * Suite files: the shipped suite resolves on common random numbers; every
 * mistake is an error naming the file, line, column and field.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatIssue, ScenarioError } from '../../src/scenario/errors.js';
import { scenarioHash } from '../../src/scenario/hash.js';
import { effectiveAppetite, resolveSuite } from '../../src/stress/resolve-suite.js';
import { REPO_ROOT } from '../helpers/repo.js';
import { type SuiteFolder, tinySuite } from './helpers.js';

let t: SuiteFolder | undefined;
afterEach(() => t?.cleanup());

async function errors(file: string, cwd: string, flags = {}): Promise<string[]> {
  try {
    await resolveSuite(file, flags, cwd);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('the shipped suite', () => {
  it('resolves every scenario with the suite limits and one population', async () => {
    const suite = await resolveSuite('scenarios/stress/suite.yaml', {}, REPO_ROOT);
    expect(suite.members.map((m) => m.name)).toEqual(['baseline', 'moderate-downturn', 'severe-downturn', 'maintenance-outage', 'request-surge', 'fraud-wave']);
    for (const m of suite.members) {
      expect(m.scenario.seed).toBe(suite.members[0]!.scenario.seed);
      expect(m.scenario.run).toEqual(suite.members[0]!.scenario.run);
      expect(m.hash).toBe(scenarioHash(m.scenario));
    }
    const severe = suite.members.find((m) => m.name === 'severe-downturn')!;
    expect(severe.scenario.macro.shocks[0]).toMatchObject({ shift: -2, toDay: severe.scenario.macro.shocks[0]!.fromDay + 360 });
    // entry limits beat the suite's, which beat the scenario's own
    expect(severe.scenario.report?.appetite?.['annualDefaultRate']).toBe(0.05);
    expect(severe.limitSources['annualDefaultRate']).toBe('suite entry');
    expect(severe.limitSources['riskAdjustedRevenueRate']).toBe('suite');
  });

  it('applies --paths and --borrowers to every scenario, changing the hashes', async () => {
    const a = await resolveSuite('scenarios/stress/suite.yaml', {}, REPO_ROOT);
    const b = await resolveSuite('scenarios/stress/suite.yaml', { paths: '3', borrowers: '100' }, REPO_ROOT);
    expect(b.members.every((m) => m.scenario.run.paths === 3 && m.scenario.run.borrowersPerPath === 100)).toBe(true);
    expect(b.hash).not.toBe(a.hash);
  });
});

describe('effectiveAppetite', () => {
  it('overrides figure by figure: scenario < suite < entry', () => {
    const r = effectiveAppetite({ annualDefaultRate: 0.025, lossRateVaR99: 0.15 }, { lossRateVaR99: 0.2, riskAdjustedRevenueRate: { min: 0.1 } }, { lossRateVaR99: 0.3 });
    expect(r.appetite).toEqual({ annualDefaultRate: 0.025, lossRateVaR99: 0.3, riskAdjustedRevenueRate: { min: 0.1 } });
    expect(r.sources).toEqual({ annualDefaultRate: 'scenario', lossRateVaR99: 'suite entry', riskAdjustedRevenueRate: 'suite' });
  });
});

describe('suite errors name the file, position and field', () => {
  it('an unknown key, an unknown figure and a bad limit', async () => {
    t = tinySuite('{ annualDefaultRate: 0.5, lossRateVar99: 0.2, exposureRatio: { maximum: 2 } }', undefined, '    apetite: { lossRate: 0.1 }\n');
    const e = await errors(t.suite, t.dir);
    expect(e).toEqual([
      expect.stringMatching(/^suite\.yaml:3:37: appetite\.lossRateVar99: "lossRateVar99" is not a headline figure; did you mean "lossRateVaR99"\?$/),
      expect.stringMatching(/^suite\.yaml:3:\d+: appetite\.exposureRatio: must be a number \(an upper limit\), \{ max: number \} or \{ min: number \}, got a mapping$/),
      expect.stringMatching(/^suite\.yaml:7:5: scenarios\[1\]\.apetite: unknown field "apetite"; did you mean "appetite"\?$/),
    ]);
  });

  it('a missing scenario file is reported at its entry', async () => {
    t = tinySuite();
    t.write({ 'suite.yaml': 'name: x\nscenarios:\n  - file: base.yaml\n  - file: nowhere.yaml\n' });
    expect(await errors(t.suite, t.dir)).toEqual(['suite.yaml:4:11: scenarios[1].file: cannot load nowhere.yaml: file not found']);
  });

  it('an error inside a scenario is reported in that scenario file', async () => {
    t = tinySuite();
    t.write({ 'severe.yaml': 'extends: base.yaml\nname: severe\nclock: { stepDays: 7 }\n' });
    const e = await errors(t.suite, t.dir);
    expect(e.some((l) => /^severe\.yaml:3:\d+: clock\.stepDays: must divide 30/.test(l))).toBe(true);
  });

  it('a scenario on another seed breaks common random numbers', async () => {
    t = tinySuite();
    t.write({ 'severe.yaml': 'extends: base.yaml\nname: severe\nseed: 7\n' });
    expect(await errors(t.suite, t.dir)).toEqual([
      'suite.yaml:6:11: scenarios[1].file: must share the population parameters of "baseline" (common random numbers across the suite), but seed differs',
    ]);
  });

  it('two scenarios of one name', async () => {
    t = tinySuite();
    t.write({ 'severe.yaml': 'extends: base.yaml\nmacro: { shocks: [{ fromDay: 0, toDay: 30, shift: -1 }] }\n' });
    expect(await errors(t.suite, t.dir)).toEqual(['suite.yaml:6:11: scenarios[1].file: scenario "baseline" is already listed as scenarios[0]; names must be unique']);
  });

  it('a bad --paths is a scenario error naming the flag', async () => {
    t = tinySuite();
    const e = await errors(t.suite, t.dir, { paths: '0' });
    expect(e[0]).toMatch(/run\.paths: must be a positive integer, got 0 \(from --paths 0\)$/);
  });

  it('a scenario given as a suite says so and names the command to use', async () => {
    const e = await errors('scenarios/baseline.yaml', REPO_ROOT);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatch(/^scenarios\/baseline\.yaml:\d+:1: segments: this file is a scenario, not a stress suite: run it with `limitlab run FILE`/);
  });

  it('an empty file and a list', async () => {
    t = tinySuite();
    t.write({ 'empty.yaml': '', 'list.yaml': '- a\n' });
    expect(await errors(path.join(t.dir, 'empty.yaml'), t.dir)).toEqual(['empty.yaml: the file is empty; a suite is a mapping with name, scenarios and appetite']);
    expect(await errors(path.join(t.dir, 'list.yaml'), t.dir)).toEqual(['list.yaml:1:1: a suite must be a mapping of fields, not a list']);
  });
});
