import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { runInProcess } from '../helpers/cli.js';
import { tmpScenarios, type TmpScenarios } from '../helpers/scenario-files.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

const validate = (args: string[]) => runInProcess(['validate', ...args], { cwd: t.dir });

describe('limitlab validate', () => {
  it('prints the resolved scenario as YAML', async () => {
    t.write({ 'child.yaml': 'extends: base.yaml\nname: child\n' });
    const r = await validate(['child.yaml', '--set', 'run.paths=3']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const expected = await resolveScenario('child.yaml', ['run.paths=3'], { cwd: t.dir });
    expect(parse(r.stdout)).toEqual(expected);
    expect(r.stdout).not.toMatch(/extends/);
  });

  it('--json round-trips: validating its own output gives the same output', async () => {
    t.write({ 'child.yaml': 'extends: base.yaml\nname: child\nmacro: { shocks: [{ fromDay: 30, toDay: 90, shift: -1 }] }\n' });
    const first = await validate(['child.yaml', '--json']);
    expect(first.code).toBe(0);
    expect(first.stdout.endsWith('}\n')).toBe(true);
    t.write({ 'resolved.json': first.stdout });
    const second = await validate(['resolved.json', '--json']);
    expect(second).toEqual(first);
    expect(JSON.parse(first.stdout)).toEqual(await resolveScenario('child.yaml', [], { cwd: t.dir }));
    // the YAML output round-trips too
    t.write({ 'resolved.yaml': (await validate(['child.yaml'])).stdout });
    expect((await validate(['resolved.yaml', '--json'])).stdout).toBe(first.stdout);
  });
});

/** Each kind of bad input: exit 2, and every stderr line names the file and the field. */
describe('bad input exits 2 and names the file and field', () => {
  const cases: { kind: string; files: Record<string, string>; args?: string[]; expect: RegExp }[] = [
    { kind: 'unknown key', files: { 'x.yaml': 'extends: base.yaml\nchurn: { perYaer: 0.1 }\n' }, expect: /^x\.yaml:2:10: churn\.perYaer: unknown field/ },
    { kind: 'wrong type', files: { 'x.yaml': 'extends: base.yaml\nseed: soon\n' }, expect: /^x\.yaml:2:7: seed: must be an integer ≥ 0, got a string "soon"/ },
    { kind: 'probability outside [0,1]', files: { 'x.yaml': 'extends: base.yaml\nfreeze: { maintenance: { affectedShare: -0.1 } }\n' }, expect: /^x\.yaml:2:41: freeze\.maintenance\.affectedShare: must be a number in \[0, 1\]/ },
    { kind: 'negative duration', files: { 'x.yaml': 'extends: base.yaml\nlimits: { request: { verification: { holdDays: -2 } } }\n' }, expect: /^x\.yaml:2:48: limits\.request\.verification\.holdDays: must be a number ≥ 0, got -2/ },
    { kind: 'shares not summing to 1', files: { 'x.yaml': 'extends: base.yaml\n' }, args: ['--set', 'segments.0.share=0.7'], expect: /^base\.yaml:\d+:\d+: segments: segment shares must sum to 1, got 0\.9 \(from --set segments\.0\.share=0\.7\)$/ },
    { kind: 'window the step cannot resolve', files: { 'x.yaml': 'extends: base.yaml\nlimits: { review: { everyDays: 100 } }\n' }, expect: /^x\.yaml:2:32: limits\.review\.everyDays: must be a multiple of clock\.stepDays \(30 days\), got 100/ },
    { kind: 'defaultDpd not a multiple of P', files: { 'x.yaml': 'extends: base.yaml\nclock: { stepDays: 5, horizonDays: 720 }\ncredit: { defaultDpd: 100 }\n' }, expect: /^x\.yaml:3:23: credit\.defaultDpd: must be a multiple of the billing period max\(30, clock\.stepDays\) = 30 days, got 100/ },
    { kind: 'shock fromDay ≥ toDay', files: { 'x.yaml': 'extends: base.yaml\nmacro:\n  shocks:\n    - { fromDay: 120, toDay: 60, shift: -1 }\n' }, expect: /^x\.yaml:4:18: macro\.shocks\[0\]\.fromDay: must be before toDay \(60\), got 120/ },
    { kind: 'cyclic extends', files: { 'x.yaml': 'extends: y.yaml\n', 'y.yaml': 'extends: x.yaml\n' }, expect: /^y\.yaml:1:10: extends: extends forms a cycle: x\.yaml → y\.yaml → x\.yaml/ },
    { kind: 'bad --set path', files: { 'x.yaml': 'extends: base.yaml\n' }, args: ['--set', 'freeze.riskModel.velocity.window=30'], expect: /^x\.yaml: freeze\.riskModel\.velocity\.window: unknown field "window"; did you mean "windowDays"\? \(from --set freeze\.riskModel\.velocity\.window=30\)/ },
    { kind: 'a stress suite given as a scenario', files: { 'x.yaml': 'name: nightly\nappetite: { annualDefaultRate: 0.02 }\nscenarios:\n  - file: base.yaml\n' }, expect: /^x\.yaml:3:1: scenarios: this file is a stress suite .* run it with `limitlab stress FILE`$/ },
    { kind: '--set index out of range', files: { 'x.yaml': 'extends: base.yaml\n' }, args: ['--set', 'macro.shocks.0.shift=-1'], expect: /^x\.yaml: macro\.shocks: has 0 items .* out of range \(from --set macro\.shocks\.0\.shift=-1\)/ },
  ];

  it.each(cases)('$kind', async (c) => {
    t.write(c.files);
    const r = await validate(['x.yaml', ...(c.args ?? [])]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.some((l) => c.expect.test(l)), r.stderr).toBe(true);
    for (const line of lines) expect(line).toMatch(/^[^:]+\.yaml(:\d+:\d+)?: /);
  });

  it('prints every issue of a file', async () => {
    t.write({ 'x.yaml': 'extends: base.yaml\nrun: { paths: 0, borrowersPerPath: -5 }\nprepayment: { perYear: x }\n' });
    const r = await validate(['x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'x.yaml:2:15: run.paths: must be a positive integer, got 0',
      'x.yaml:2:36: run.borrowersPerPath: must be a positive integer, got -5',
      'x.yaml:3:24: prepayment.perYear: must be a number ≥ 0, got a string "x"',
    ]);
  });

  it('a missing file', async () => {
    const r = await validate(['nope.yaml']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'nope.yaml: file not found\n' });
  });

  it('usage errors: unknown flag, missing argument', async () => {
    t.write({ 'x.yaml': readFileSync(t.path('base.yaml'), 'utf8') });
    const unknown = await validate(['x.yaml', '--strict']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--strict'/);
    expect((await validate([])).code).toBe(2);
  });
});
