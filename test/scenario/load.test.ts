import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadScenarioFile, mergeUnder } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { tmpScenarios, type TmpScenarios } from '../helpers/scenario-files.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

async function issuesOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('mergeUnder (extends)', () => {
  it('merges objects key by key and lets the child replace arrays and scalars', () => {
    const parent = { a: { x: 1, y: 2 }, list: [1, 2, 3], s: 'p', only: true };
    const child = { a: { y: 20, z: 30 }, list: [9], s: 'c' };
    expect(mergeUnder(parent, child)).toEqual({ a: { x: 1, y: 20, z: 30 }, list: [9], s: 'c', only: true });
  });

  it('lets a child replace an object with a scalar and the reverse', () => {
    expect(mergeUnder({ a: { x: 1 } }, { a: 5 })).toEqual({ a: 5 });
    expect(mergeUnder({ a: 5 }, { a: { x: 1 } })).toEqual({ a: { x: 1 } });
  });

  it('does not change its inputs', () => {
    const parent = Object.freeze({ a: Object.freeze({ x: 1 }) });
    const child = Object.freeze({ a: Object.freeze({ y: 2 }) });
    expect(mergeUnder(parent, child)).toEqual({ a: { x: 1, y: 2 } });
  });

  it('treats a __proto__ key as data, not as the prototype', () => {
    const child = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const merged = mergeUnder({}, child) as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(merged)).toEqual(['__proto__']);
  });
});

describe('loading files', () => {
  it('follows a chain of extends, each relative to its own file', async () => {
    const file = t.write({
      'stress/severe.yaml': 'extends: mild.yaml\nname: severe\nmacro: { shocks: [{ fromDay: 90, toDay: 360, shift: -2 }] }\n',
      'stress/mild.yaml': 'extends: ../base.yaml\nname: mild\nmacro: { monthlyAutocorrelation: 0.8 }\nsegments: [{ name: only }]\n',
    });
    const loaded = await loadScenarioFile(file, t.dir);
    expect(loaded.value['name']).toBe('severe');
    expect(loaded.value['macro']).toEqual({ monthlyAutocorrelation: 0.8, shocks: [{ fromDay: 90, toDay: 360, shift: -2 }] });
    expect(loaded.value['segments']).toEqual([{ name: 'only' }]); // the child's list replaces the baseline's
    expect(loaded.value).not.toHaveProperty('extends');
    expect((loaded.value['clock'] as { stepDays: number }).stepDays).toBe(30); // inherited
  });

  it('resolves to a scenario without extends', async () => {
    const file = t.write({ 'child.yaml': 'extends: base.yaml\nname: child\n' });
    const s = await resolveScenario(file, [], { cwd: t.dir });
    expect(s.name).toBe('child');
    expect(s).not.toHaveProperty('extends');
  });

  it('reports a cycle, naming every file in it', async () => {
    t.write({ 'a.yaml': 'extends: b.yaml\nname: a\n', 'b.yaml': 'extends: c.yaml\n', 'c.yaml': 'extends: a.yaml\n' });
    const lines = await issuesOf(loadScenarioFile('a.yaml', t.dir));
    expect(lines).toEqual(['c.yaml:1:10: extends: extends forms a cycle: a.yaml → b.yaml → c.yaml → a.yaml']);
  });

  it('reports a file that extends itself', async () => {
    t.write({ 'self.yaml': 'name: x\nextends: ./self.yaml\n' });
    expect(await issuesOf(loadScenarioFile('self.yaml', t.dir))).toEqual([
      'self.yaml:2:10: extends: extends forms a cycle: self.yaml → self.yaml',
    ]);
  });

  it('reports a missing parent at the extends line', async () => {
    t.write({ 'child.yaml': 'name: x\nextends: nowhere.yaml\n' });
    expect(await issuesOf(loadScenarioFile('child.yaml', t.dir))).toEqual([
      'child.yaml:2:10: extends: cannot extend nowhere.yaml: file not found',
    ]);
  });

  it('rejects an extends that is not a path', async () => {
    t.write({ 'child.yaml': 'extends: [a.yaml, b.yaml]\n' });
    expect((await issuesOf(loadScenarioFile('child.yaml', t.dir)))[0]).toMatch(/^child\.yaml:1:10: extends: must be the path/);
  });

  it('reports a YAML syntax error with its line, in the parent when the parent is broken', async () => {
    t.write({ 'child.yaml': 'extends: broken.yaml\n', 'broken.yaml': 'name: x\nrun: { paths: 1\nclock: 3\n' });
    const lines = await issuesOf(loadScenarioFile('child.yaml', t.dir));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^broken\.yaml:\d+:\d+: YAML syntax error: /);
  });

  it('reports duplicate keys as a syntax error', async () => {
    t.write({ 'dup.yaml': 'name: x\nname: y\n' });
    expect((await issuesOf(loadScenarioFile('dup.yaml', t.dir)))[0]).toMatch(/^dup\.yaml:2:1: YAML syntax error: .*unique/i);
  });

  it('reports a missing file, an empty file and a list at the top', async () => {
    t.write({ 'empty.yaml': '# nothing\n', 'list.yaml': '- a\n- b\n' });
    expect(await issuesOf(loadScenarioFile('none.yaml', t.dir))).toEqual(['none.yaml: file not found']);
    expect(await issuesOf(loadScenarioFile('empty.yaml', t.dir))).toEqual([
      'empty.yaml: the file is empty; a scenario is a mapping of fields',
    ]);
    expect(await issuesOf(loadScenarioFile('list.yaml', t.dir))).toEqual([
      'list.yaml:1:1: a scenario must be a mapping of fields, not a list',
    ]);
  });

  it('reads .json files, including JSON that is not valid YAML (tab indentation)', async () => {
    const base = await resolveScenario('base.yaml', [], { cwd: t.dir });
    const tabbed = JSON.stringify(base, null, '\t');
    t.write({ 'plain.json': JSON.stringify(base, null, 2), 'tabbed.json': tabbed });
    expect(await resolveScenario('plain.json', [], { cwd: t.dir })).toEqual(base);
    expect(await resolveScenario('tabbed.json', [], { cwd: t.dir })).toEqual(base);
  });

  it('reports a JSON syntax error in a .json file', async () => {
    t.write({ 'bad.json': '{\n\t"name": "x"\n' });
    expect((await issuesOf(loadScenarioFile('bad.json', t.dir)))[0]).toMatch(/^bad\.json:3:1: JSON syntax error: /);
  });
});
