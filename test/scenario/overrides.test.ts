import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseOverrideValue, parseSetOption } from '../../src/scenario/overrides.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { tmpScenarios, type TmpScenarios } from '../helpers/scenario-files.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

const resolveBase = (sets: string[]) => resolveScenario('base.yaml', sets, { cwd: t.dir });

async function errorsOf(sets: string[]): Promise<string[]> {
  try {
    await resolveBase(sets);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected the overrides to be rejected');
}

describe('--set parsing', () => {
  it('splits at the first =', () => {
    expect(parseSetOption('name=a=b')).toEqual({ path: 'name', value: 'a=b', source: '--set name=a=b' });
    expect(parseSetOption('name')).toBeUndefined();
  });

  it('reads values as YAML scalars and flow collections', () => {
    expect(parseOverrideValue('true')).toBe(true);
    expect(parseOverrideValue('0.5')).toBe(0.5);
    expect(parseOverrideValue('1e3')).toBe(1000);
    expect(parseOverrideValue('[]')).toEqual([]);
    expect(parseOverrideValue('{ max: 0.02 }')).toEqual({ max: 0.02 });
    expect(parseOverrideValue('stress')).toBe('stress');
    expect(parseOverrideValue('"007"')).toBe('007');
    expect(parseOverrideValue('null')).toBeNull();
  });

  it('keeps text that only looks like a block mapping as a string', () => {
    expect(parseOverrideValue('Stress: 2008')).toBe('Stress: 2008');
  });
});

describe('applying overrides', () => {
  it('sets fields by dotted path with list indices', async () => {
    const s = await resolveBase(['segments.0.correlation=0.06', 'limits.review.enabled=false', 'macro.shocks=[]', 'name=probe']);
    expect(s.segments[0]!.correlation).toBe(0.06);
    expect(s.limits.review.enabled).toBe(false);
    expect(s.macro.shocks).toEqual([]);
    expect(s.name).toBe('probe');
  });

  it('applies in order, after extends', async () => {
    t.write({ 'child.yaml': 'extends: base.yaml\nrun: { paths: 7 }\n' });
    const s = await resolveScenario('child.yaml', ['run.paths=8', 'run.paths=9'], { cwd: t.dir });
    expect(s.run.paths).toBe(9);
    expect(s.run.borrowersPerPath).toBeGreaterThan(0); // the rest of run is still inherited
  });

  it('replaces a whole list or mapping', async () => {
    const s = await resolveBase(['macro.shocks=[{fromDay: 60, toDay: 120, shift: -1.5}]', 'report.appetite={ lossRate: { max: 0.05 } }']);
    expect(s.macro.shocks).toEqual([{ fromDay: 60, toDay: 120, shift: -1.5 }]);
    expect(s.report?.appetite).toEqual({ lossRate: { max: 0.05 } });
  });

  it('creates a mapping the schema has but the scenario left out', async () => {
    const s = await resolveBase(['report.appetite.lossRate=0.1', 'description=set here']);
    expect(s.report?.appetite?.['lossRate']).toBe(0.1);
  });
});

describe('bad --set', () => {
  it('a key the schema does not know, named with the --set it came from', async () => {
    expect(await errorsOf(['run.pathz=10'])).toEqual([
      'base.yaml: run.pathz: unknown field "pathz"; did you mean "paths"? (from --set run.pathz=10)',
    ]);
  });

  it('a path whose middle does not exist', async () => {
    expect(await errorsOf(['credit.curve.slope=1'])).toEqual([
      'base.yaml: credit.curve: does not exist in the scenario, so it cannot be set (from --set credit.curve.slope=1)',
    ]);
    expect(await errorsOf(['limts.cap=5'])).toEqual([
      'base.yaml: limts: does not exist in the scenario, so it cannot be set; did you mean "limits"? (from --set limts.cap=5)',
    ]);
  });

  it('an index out of range, or not an index', async () => {
    expect(await errorsOf(['segments.2.lgd=0.5'])).toEqual([
      'base.yaml: segments: has 2 items (indices 0–1), so index 2 is out of range (from --set segments.2.lgd=0.5)',
    ]);
    expect(await errorsOf(['segments.first.lgd=0.5'])).toEqual([
      'base.yaml: segments: is a list: expected an item index, got "first" (from --set segments.first.lgd=0.5)',
    ]);
  });

  it('a path through a value', async () => {
    expect(await errorsOf(['seed.low=1'])).toEqual([
      'base.yaml: seed: is an integer, so it has no fields to set (from --set seed.low=1)',
    ]);
  });

  it('a value that fails validation names the --set', async () => {
    expect(await errorsOf(['segments.1.lgd=1.5'])).toEqual([
      'base.yaml: segments[1].lgd: must be a number in [0, 1], got 1.5 (from --set segments.1.lgd=1.5)',
    ]);
  });

  it('no = or an empty path part', async () => {
    expect(await errorsOf(['run.paths'])).toEqual(['base.yaml: --set expects path=value, got "run.paths"']);
    expect(await errorsOf(['run..paths=3'])).toEqual(['base.yaml: the field path has an empty part (from --set run..paths=3)']);
  });

  it('reports every bad override at once', async () => {
    expect(await errorsOf(['run.pathz=1', 'segments.5.lgd=1', 'seed=-1'])).toHaveLength(3);
  });
});
