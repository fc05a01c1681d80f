/**
 * Every kind of bad input gives a ScenarioError whose lines name the file (the
 * one the field came from), the field path and, for fields in a file, the line
 * and column.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { tmpScenarios, type TmpScenarios } from '../helpers/scenario-files.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

/** The error lines for a child of the baseline with `body` (and optional overrides). */
async function errorsOf(body: string, overrides: string[] = []): Promise<string[]> {
  t.write({ 'child.yaml': `extends: base.yaml\n${body}` });
  try {
    await resolveScenario('child.yaml', overrides, { cwd: t.dir });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('shape errors name the file, line:column and field path', () => {
  it('an unknown key (a typo), with a suggestion', async () => {
    expect(await errorsOf('run: { pathz: 10 }\n')).toEqual([
      'child.yaml:2:8: run.pathz: unknown field "pathz"; did you mean "paths"?',
    ]);
  });

  it('an unknown key inside a list item', async () => {
    expect(await errorsOf('segments:\n  - name: a\n    share: 1\n    lgdd: 0.5\n')).toContain(
      'child.yaml:5:5: segments[0].lgdd: unknown field "lgdd"; did you mean "lgd"?',
    );
  });

  it('a wrong type', async () => {
    expect(await errorsOf('run: { paths: many }\n')).toEqual([
      'child.yaml:2:15: run.paths: must be a positive integer, got a string "many"',
    ]);
  });

  it('a probability outside [0, 1]', async () => {
    expect(await errorsOf('limits: { request: { verification: { passProb: 1.2 } } }\n')).toEqual([
      'child.yaml:2:48: limits.request.verification.passProb: must be a number in [0, 1], got 1.2',
    ]);
  });

  it('a negative duration', async () => {
    expect(await errorsOf('freeze:\n  riskModel:\n    days: -14\n')).toEqual([
      'child.yaml:4:11: freeze.riskModel.days: must be a number ≥ 0, got -14',
    ]);
  });

  it('model v2 fields: a share, a rate, a multiplier and a duration out of range, and a typo', async () => {
    const lines = await errorsOf(
      'distress: { initialShare: 1.5, entryPerYear: -0.1, missMultiplier: -2 }\n' +
        'fraud:\n  takeover: { noticeDays: -1 }\n  bustOut: { sharee: 0.01 }\n',
    );
    expect(lines).toContain('child.yaml:2:27: distress.initialShare: must be a number in [0, 1], got 1.5');
    expect(lines).toContain('child.yaml:2:46: distress.entryPerYear: must be a number ≥ 0, got -0.1');
    expect(lines).toContain('child.yaml:2:68: distress.missMultiplier: must be a number ≥ 0, got -2');
    expect(lines).toContain('child.yaml:4:27: fraud.takeover.noticeDays: must be a number ≥ 0, got -1');
    expect(lines.some((l) => l.includes('fraud.bustOut.sharee: unknown field "sharee"; did you mean "share"?'))).toBe(true);
  });

  it('a non-integer count', async () => {
    expect(await errorsOf('run: { paths: 2.5 }\n')).toEqual(['child.yaml:2:15: run.paths: must be a positive integer, got 2.5']);
  });

  it('a missing required field, at its parent', async () => {
    t.write({ 'lonely.yaml': 'name: x\nrun: { paths: 1, borrowersPerPath: 1 }\n' });
    const e = await resolveScenario('lonely.yaml', [], { cwd: t.dir }).catch((x: unknown) => x as ScenarioError);
    const lines = (e as ScenarioError).message.split('\n');
    expect(lines).toContain('lonely.yaml:2:6: run.shardSize: is required');
    expect(lines).toContain('lonely.yaml:1:1: clock: is required');
  });

  it('an appetite limit of the wrong form', async () => {
    expect(await errorsOf('report: { appetite: { lossRate: high } }\n')).toEqual([
      'child.yaml:2:33: report.appetite.lossRate: must be a number (an upper limit), { max: number } or { min: number }, got "high"',
    ]);
  });

  it('a field inherited from a parent is reported in the parent file', async () => {
    t.write({ 'parent.yaml': 'extends: base.yaml\nprepayment: { perYear: -1 }\n' });
    t.write({ 'child.yaml': 'extends: parent.yaml\nname: child\n' });
    const e = (await resolveScenario('child.yaml', [], { cwd: t.dir }).catch((x: unknown) => x)) as ScenarioError;
    expect(e.message).toBe('parent.yaml:2:24: prepayment.perYear: must be a number ≥ 0, got -1');
    expect(e.issues[0]!.file).toBe('parent.yaml');
  });
});

describe('cross-field errors', () => {
  it('shares not summing to 1', async () => {
    const lines = await errorsOf('segments:\n  - { name: a, share: 0.5 }\n  - { name: b, share: 0.4 }\n', [
      // make the rest of the segments valid by inheriting nothing: only shares matter to this rule
    ]);
    expect(lines).toContain('child.yaml:3:3: segments: segment shares must sum to 1, got 0.9');
  });

  it('a window the step size cannot resolve', async () => {
    expect(await errorsOf('freeze: { riskModel: { velocity: { windowDays: 45 } } }\n')).toEqual([
      'child.yaml:2:48: freeze.riskModel.velocity.windowDays: must be a multiple of clock.stepDays (30 days), got 45',
    ]);
  });

  it('defaultDpd not a multiple of the billing period', async () => {
    expect(await errorsOf('clock: { stepDays: 1, horizonDays: 720 }\nfreeze: { riskModel: { velocity: { windowDays: 30 } } }\ncredit: { defaultDpd: 45 }\n')).toEqual([
      'child.yaml:4:23: credit.defaultDpd: must be a multiple of the billing period max(30, clock.stepDays) = 30 days, got 45',
    ]);
  });

  it('a shock that ends before it starts', async () => {
    expect(await errorsOf('macro: { shocks: [{ fromDay: 360, toDay: 90, shift: -1 }] }\n')).toEqual([
      'child.yaml:2:30: macro.shocks[0].fromDay: must be before toDay (90), got 360',
    ]);
  });

  it('duplicate segment names, an inverted score range and initial limit range', async () => {
    const lines = await errorsOf(
      'segments:\n  - { name: a, share: 0.5 }\n  - { name: a, share: 0.5 }\nscore: { min: 900, max: 400 }\nlimits: { initial: { min: 5000, max: 500 } }\n',
    );
    expect(lines).toContain('child.yaml:4:13: segments[1].name: segment name "a" is already used by segments[0]');
    expect(lines).toContain('child.yaml:5:25: score.max: must be greater than score.min (900), got 400');
    expect(lines).toContain('child.yaml:6:38: limits.initial.max: must be at least limits.initial.min (5000), got 500');
  });

  it('an appetite key that is not a headline figure', async () => {
    expect(await errorsOf('report: { appetite: { annualDefaultRat: 0.02 } }\n')).toEqual([
      'child.yaml:2:23: report.appetite.annualDefaultRat: "annualDefaultRat" is not a headline figure; did you mean "annualDefaultRate"?',
    ]);
  });
});

describe('collecting', () => {
  it('reports every problem of a file, in file order', async () => {
    const lines = await errorsOf(
      'run: { paths: 0, borrowersPerPath: 10, shardSize: 5 }\n' +
        'clock: { stepDays: 7, horizonDays: 700 }\n' +
        'credit: { defaultDpd: 90, scoreSlpe: 1 }\n' +
        'churn: { perYear: -0.1 }\n',
    );
    expect(lines).toEqual([
      'child.yaml:2:15: run.paths: must be a positive integer, got 0',
      'child.yaml:3:20: clock.stepDays: must divide 30 or be a multiple of 30 (1 and 30 are usual), got 7; only a single-step run (horizonDays = stepDays) may use any step',
      'child.yaml:4:23: credit.defaultDpd: must be a multiple of clock.stepDays (7 days), got 90',
      'child.yaml:4:27: credit.scoreSlpe: unknown field "scoreSlpe"; did you mean "scoreSlope"?',
      'child.yaml:5:19: churn.perYear: must be a number ≥ 0, got -0.1',
      // inherited from the baseline, where the user would have to change them for a 7-day step
      expect.stringMatching(/^base\.yaml:\d+:\d+: limits\.review\.everyDays: must be a multiple of clock\.stepDays \(7 days\), got 180$/),
      expect.stringMatching(/^base\.yaml:\d+:\d+: freeze\.riskModel\.velocity\.windowDays: must be a multiple of clock\.stepDays \(7 days\), got 30$/),
    ]);
  });
});

describe('valid scenarios', () => {
  it('a single step may have any length', async () => {
    t.write({
      'one.yaml':
        'extends: base.yaml\nclock: { stepDays: 365, horizonDays: 365 }\ncredit: { defaultDpd: 0 }\n' +
        'limits: { review: { everyDays: 365 } }\nfreeze: { riskModel: { velocity: { windowDays: 365 } } }\n',
    });
    const s = await resolveScenario('one.yaml', [], { cwd: t.dir });
    expect(s.clock.stepDays).toBe(365);
  });

  it('shares may miss 1 by rounding (1e-9)', async () => {
    t.write({ 'thirds.yaml': 'extends: base.yaml\nsegments:\n' + [0, 1, 2].map((i) => `  - { name: s${i}, share: 0.3333333333 }\n`).join('').replace(/share: 0.3333333333 }\n$/, 'share: 0.3333333334 }\n') });
    // the segment bodies are incomplete, so only check that no share error is among the errors
    const e = (await resolveScenario('thirds.yaml', [], { cwd: t.dir }).catch((x: unknown) => x)) as ScenarioError;
    expect(e.message).not.toMatch(/shares must sum/);
  });
});
