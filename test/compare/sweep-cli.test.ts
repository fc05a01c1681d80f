/**
 * `limitlab sweep` in-process with the real engine: the grid visited exactly,
 * rows equal to single runs with the same overrides, bad grids refused before
 * anything runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PathFigureDelta, Sweep } from '../../src/compare/types.js';
import { runScenario } from '../../src/engine/run.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { type InProcessOptions, runInProcess } from '../helpers/cli.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { type TmpScenarios, tmpScenarios } from '../helpers/scenario-files.js';
import { inProcessEngine } from './engine.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

const sweep = (args: string[], opts: InProcessOptions = {}) => runInProcess(['sweep', ...args], { cwd: t.dir, engine: inProcessEngine, ...opts });
const read = (file: string): Sweep => JSON.parse(readFileSync(t.path(file), 'utf8')) as Sweep;

// Even smaller than SMALL: 8 runs in all (4 grid points, 4 single runs).
const TINY = ['--paths', '6', '--borrowers', '300', '--set', 'clock.horizonDays=180', '--quiet'];
const TINY_OVERRIDES = ['run.paths=6', 'run.borrowersPerPath=300', 'clock.horizonDays=180'];

describe('limitlab sweep', () => {
  it('visits exactly the grid, first --grid slowest, and each row equals a single run with the same overrides', async () => {
    const r = await sweep([
      'base.yaml',
      '--grid', 'freeze.riskModel.velocity.maxDraws=2,4',
      '--grid', 'limits.request.verification.holdDays=0,2',
      '--out', 'o',
      ...TINY,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = read('o/sweep.json');
    expect(s.grid).toEqual([
      { path: 'freeze.riskModel.velocity.maxDraws', values: [2, 4] },
      { path: 'limits.request.verification.holdDays', values: [0, 2] },
    ]);
    expect(s.rows.map((row) => [row.point, row.label, row.overrides])).toEqual([
      [0, 'maxDraws=2, holdDays=0', { 'freeze.riskModel.velocity.maxDraws': 2, 'limits.request.verification.holdDays': 0 }],
      [1, 'maxDraws=2, holdDays=2', { 'freeze.riskModel.velocity.maxDraws': 2, 'limits.request.verification.holdDays': 2 }],
      [2, 'maxDraws=4, holdDays=0', { 'freeze.riskModel.velocity.maxDraws': 4, 'limits.request.verification.holdDays': 0 }],
      [3, 'maxDraws=4, holdDays=2', { 'freeze.riskModel.velocity.maxDraws': 4, 'limits.request.verification.holdDays': 2 }],
    ]);
    expect(new Set(s.rows.map((row) => row.scenarioHash)).size).toBe(4);
    for (const row of s.rows) {
      const sets = Object.entries(row.overrides).map(([k, v]) => `${k}=${String(v)}`);
      const single = await runScenario(await resolveScenario(t.path('base.yaml'), [...TINY_OVERRIDES, ...sets]), { inProcess: true });
      expect(row.scenarioHash, row.label).toBe(single.manifest.scenarioHash);
      expect(row.figures, row.label).toEqual(JSON.parse(JSON.stringify(single.headline)));
      for (const st of Object.values(row.figures)) if (!st.tail && st.mean !== null && st.se !== null) expect(st.ci95).not.toBeNull();
    }
    // the scenario as given (maxDraws 4, holdDays 2) is the last grid point: it is the reference, not run twice,
    // and every row is compared with it path by path; the reference with itself is exactly zero
    expect(s.reference).toMatchObject({ source: 'scenario', point: 3, run: 3, label: 'maxDraws=4, holdDays=2' });
    expect(s.runs).toHaveLength(4);
    expect((s.rows[3]!.differenceFromReference['freezeEventsPer1000AccountMonths'] as PathFigureDelta).difference).toBe(0);
    const stricter = s.rows[0]!.differenceFromReference['freezeEventsPer1000AccountMonths'] as PathFigureDelta;
    expect(stricter.method).toBe('paired');
    expect(stricter.difference).toBeGreaterThan(0);
    expect(existsSync(t.path('o/report.html'))).toBe(true);
    expect(r.stdout).toMatch(/maxDraws=4, holdDays=2 .*%/);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('report: o/report.html');
  });

  it('measures changes from the scenario as given, run once more on the same seed when no grid point equals it', async () => {
    const fake = fakeEngine();
    const r = await sweep(['base.yaml', '--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--out', 'o', ...TINY], { engine: fake.engine });
    expect(r.code, r.stderr).toBe(0);
    // the reference first, then the grid; the reference is the scenario without grid overrides
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls.map((c) => c.scenario.freeze.riskModel.velocity.maxDraws)).toEqual([4, 2, 3]);
    const s = read('o/sweep.json');
    expect(s.schemaVersion).toBe(2);
    expect(s.reference).toEqual(expect.objectContaining({ source: 'scenario', point: null, run: 2, label: 'as given (maxDraws=4)', values: { 'freeze.riskModel.velocity.maxDraws': 4 } }));
    expect(s.runs.map((x) => x.label)).toEqual(['maxDraws=2', 'maxDraws=3', 'as given (maxDraws=4)']);
    expect(s.materiality).toBe(0.01);
    expect(r.stdout).toMatch(/^ {2}as given \(maxDraws=4\) .*reference/m);
  });

  it('with the real engine, changes are the scenario as given subtracted path by path, and that run equals a single run', async () => {
    const r = await sweep(['base.yaml', '--grid', 'freeze.riskModel.velocity.maxDraws=2', '--out', 'o', ...TINY]);
    expect(r.code, r.stderr).toBe(0);
    const s = read('o/sweep.json');
    const single = await runScenario(await resolveScenario(t.path('base.yaml'), TINY_OVERRIDES), { inProcess: true });
    const given = s.runs[s.reference.run]!;
    expect(given.manifest.scenarioHash).toBe(single.manifest.scenarioHash);
    expect(given.headline).toEqual(JSON.parse(JSON.stringify(single.headline)));
    // every path gives a value, so the mean paired change is the difference of the means (to rounding)
    for (const figure of ['freezeEventsPer1000AccountMonths', 'lossRate', 'annualDefaultRate']) {
      const d = s.rows[0]!.differenceFromReference[figure] as PathFigureDelta;
      expect(d.difference!, figure).toBeCloseTo(s.rows[0]!.figures[figure]!.mean! - single.headline[figure]!.mean!, 12);
      expect(d.base, figure).toBe(single.headline[figure]!.mean);
    }
  });

  it('measures changes from the grid point --reference names, without an extra run', async () => {
    const fake = fakeEngine();
    const r = await sweep(
      ['base.yaml', '--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--grid', 'limits.request.verification.holdDays=0,2', '--reference', 'maxDraws=3,holdDays=0', '--materiality', '0.05', '--out', 'o', '--quiet'],
      { engine: fake.engine },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(fake.calls).toHaveLength(4);
    const s = read('o/sweep.json');
    expect(s.reference).toMatchObject({ source: 'point', point: 2, run: 2, label: 'maxDraws=3, holdDays=0' });
    expect(s.materiality).toBe(0.05);
    expect(r.stdout).toContain('the grid point maxDraws=3, holdDays=0, named with --reference');
  });

  it('writes to reports/sweep/<scenario>-<fields>/ by default', async () => {
    const r = await sweep(['base.yaml', '--grid', 'freeze.scoreFloor.enabled=true,false', '--quiet'], { engine: fakeEngine().engine });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(t.path('reports/sweep/baseline-enabled/sweep.json'))).toBe(true);
  });

  it.each([
    [[], /at least one --grid/],
    [['--grid', 'maxDraws'], /--grid expects path=v1,v2/],
    [['--grid', 'a=1,,2'], /non-empty/],
    [['--grid', 'freeze.riskModel.days=1', '--grid', 'freeze.riskModel.days=2'], /given twice/],
    [['--grid', 'freeze.riskModel.velocty.maxDraws=2,3'], /velocty.*does not exist.*did you mean "velocity"/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=0,3'], /maxDraws: must be .*got 0 \(from --grid freeze\.riskModel\.velocity\.maxDraws=0,3\)/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--set', 'nope=1'], /nope/],
    [['--grid', 'seed=1,2'], /varies population parameters.*: seed/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--reference', 'maxDraws=5'], /--reference freeze\.riskModel\.velocity\.maxDraws=5: not a value of the grid \(2, 3\)/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--reference', 'holdDays=2'], /--reference holdDays: not a --grid field/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--reference', '3'], /--reference expects path=value/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--grid', 'freeze.riskModel.days=7,14', '--reference', 'maxDraws=3'], /missing: freeze\.riskModel\.days/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--materiality', '1'], /--materiality must be a fraction .* got "1"/],
    [['--grid', 'freeze.riskModel.velocity.maxDraws=2,3', '--materiality', 'lots'], /--materiality must be a fraction/],
  ])('refuses %j with exit 2 before anything runs', async (args, message) => {
    const fake = fakeEngine();
    const r = await sweep(['base.yaml', ...args, '--quiet'], { engine: fake.engine });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fake.calls).toHaveLength(0);
  });

  it('reports a bad path once, not once per grid point', async () => {
    const r = await sweep(['base.yaml', '--grid', 'freeze.riskModel.velocty.maxDraws=2,3,4', '--quiet'], { engine: fakeEngine().engine });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a missing scenario file', async () => {
    const r = await sweep(['nope.yaml', '--grid', 'freeze.riskModel.days=7,14', '--quiet'], { engine: fakeEngine().engine });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: file not found');
  });

  it('sweeps population parameters only with --allow-different-population, and says so', async () => {
    const r = await sweep(['base.yaml', '--grid', 'segments.0.correlation=0.02,0.06', '--allow-different-population', '--out', 'o', '--quiet'], {
      engine: fakeEngine().engine,
    });
    expect(r.code, r.stderr).toBe(0);
    const s = read('o/sweep.json');
    expect(s.differentPopulation).toBe(true);
    expect(s.notes.join(' ')).toMatch(/extra noise/);
  });
});
