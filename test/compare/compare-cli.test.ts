/**
 * `limitlab compare` in-process with the real engine (small runs on this
 * thread): common random numbers at work, self-comparison, the population rule,
 * bad input, files written, Ctrl-C.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Comparison, PathFigureDelta } from '../../src/compare/types.js';
import { isTailDelta } from '../../src/compare/types.js';
import { type InProcessOptions, REPO_ROOT, runInProcess } from '../helpers/cli.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { type TmpScenarios, tmpScenarios } from '../helpers/scenario-files.js';
import { SMALL, inProcessEngine } from './engine.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

const compare = (args: string[], opts: InProcessOptions = {}) =>
  runInProcess(['compare', ...args], { cwd: t.dir, engine: inProcessEngine, ...opts });
const read = (file: string): Comparison => JSON.parse(readFileSync(t.path(file), 'utf8')) as Comparison;
const STRICTER = path.join(REPO_ROOT, 'scenarios/policies/stricter-velocity.yaml');
const BASELINE = path.join(REPO_ROOT, 'scenarios/baseline.yaml');

describe('limitlab compare: common random numbers', () => {
  it('measurably reduce the variance of the change on a realistic pair (stricter velocity rule vs baseline)', async () => {
    const paired = await compare([BASELINE, STRICTER, '--out', 'crn', ...SMALL]);
    expect(paired.code, paired.stderr).toBe(0);
    const c = read('crn/comparison.json');
    expect(c.differentPopulation).toBe(false);
    const f = c.alternatives[0]!.figures;

    // The same policy change on independent luck: the alternative on another seed.
    t.write({ 'other-seed.yaml': `extends: ${JSON.stringify(STRICTER)}\nseed: 7\n` });
    const indep = await compare([BASELINE, 'other-seed.yaml', '--out', 'indep', '--allow-different-population', ...SMALL]);
    expect(indep.code, indep.stderr).toBe(0);
    const g = read('indep/comparison.json').alternatives[0]!.figures;

    // The estimated factor (s²_A + s²_B)/s²_(A−B) from n = 16 pairs, were the runs independent
    // (true factor 1), has a 0.999 quantile of 3.3 and a 0.9999 quantile of 4.7 (simulated:
    // 200 000 sets of 16 independent normal pairs). A factor above 5 is therefore far outside
    // chance. The rule freezes a minority of borrowers and leaves the rest alone, so the true
    // factor is large: about 9 for freeze events (the figure the rule moves most), tens to
    // thousands for the others at this size.
    for (const figure of ['freezeEventsPer1000AccountMonths', 'everRestrictedShare', 'frozenDaysPerAccountYear', 'riskAdjustedRevenueRate', 'exposureRatio']) {
      const d = f[figure] as PathFigureDelta;
      const e = g[figure] as PathFigureDelta;
      expect(d.varianceReduction, figure).toBeGreaterThan(5);
      // the policy does change these figures, so the factor is not the trivial var(A − B) = 0
      expect(d.se, figure).toBeGreaterThan(0);
      // the paired interval is much narrower than the one from independent runs (√5 ≈ 2.2)
      expect(d.se!, figure).toBeLessThan(e.se! / 2);
      // independent runs get no reduction: their factor stays within chance of 1 (below the 0.9999 quantile)
      expect(e.varianceReduction!, figure).toBeLessThan(4.7);
    }
    // the headline effect of the rule: more freezes, distinguishable from zero
    expect((f['freezeEventsPer1000AccountMonths'] as PathFigureDelta).distinguishable).toBe(true);
    expect((f['freezeEventsPer1000AccountMonths'] as PathFigureDelta).difference).toBeGreaterThan(0);
  });

  it('gives exactly zero differences when a scenario is compared with itself', async () => {
    const r = await compare(['base.yaml', 'base.yaml', '--out', 'self', ...SMALL]);
    expect(r.code, r.stderr).toBe(0);
    const c = read('self/comparison.json');
    expect(c.runs.map((x) => x.label)).toEqual(['baseline', 'baseline (2)']);
    const figures = Object.entries(c.alternatives[0]!.figures);
    expect(figures.length).toBeGreaterThan(30);
    for (const [name, d] of figures) {
      if (d.base === null) continue;
      expect(d.difference, name).toBe(0);
      if (isTailDelta(d)) continue;
      expect(d, name).toMatchObject({ se: 0, ci95: [0, 0], distinguishable: false, varianceReduction: null });
      expect(d.varianceReductionReason, name).toMatch(/var\(A − B\) = 0/);
    }
    expect(readFileSync(t.path('self/comparison.json'), 'utf8')).not.toMatch(/NaN|Infinity/);
  });
});

describe('limitlab compare: files and output', () => {
  it('writes comparison.json and a self-contained report.html under reports/compare/<base>-vs-<alts>/ by default', async () => {
    t.write({ 'alt.yaml': 'extends: base.yaml\nname: "No hold: v2/β"\nlimits: { request: { verification: { holdDays: 0 } } }\n' });
    const r = await compare(['base.yaml', 'alt.yaml', ...SMALL]);
    expect(r.code, r.stderr).toBe(0);
    const dir = 'reports/compare/baseline-vs-No-hold-v2';
    expect(existsSync(t.path(`${dir}/comparison.json`))).toBe(true);
    const page = readFileSync(t.path(`${dir}/report.html`), 'utf8');
    expect(page).toContain('Comparison: No hold: v2/β against baseline');
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    // the main deltas with intervals on stdout, then the paths written
    expect(r.stdout).toMatch(/No hold: v2\/β − baseline/);
    expect(r.stdout).toMatch(/default rate \(annualised\)\s+\d/);
    expect(r.stdout).toMatch(/holds \/ 1000 account-months.*to/);
    expect(r.stdout).toContain(`comparison: ${dir}/comparison.json`);
    expect(r.stdout.trimEnd().split('\n').pop()).toBe(`report: ${dir}/report.html`);
  });

  it('prints comparison.json with --json (report path on stderr)', async () => {
    const r = await compare(['base.yaml', 'base.yaml', '--out', 'j', '--json', ...SMALL]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(read('j/comparison.json'));
    expect(r.stderr).toBe('report: j/report.html\n');
  });

  it('gives every scenario the same seed and sizes from the flags', async () => {
    const fake = fakeEngine();
    t.write({ 'alt.yaml': 'extends: base.yaml\nname: alt\nseed: 5\nrun: { paths: 7 }\n' });
    const r = await compare(['base.yaml', 'alt.yaml', '--seed', '11', '--paths', '3', '--borrowers', '50', '--out', 'o', '--quiet'], { engine: fake.engine });
    expect(r.code, r.stderr).toBe(0);
    expect(fake.calls.map((c) => [c.scenario.seed, c.scenario.run.paths, c.scenario.run.borrowersPerPath])).toEqual([
      [11, 3, 50],
      [11, 3, 50],
    ]);
  });

  it('judges changes at --materiality, records it in comparison.json, and refuses one that is not a fraction before running', async () => {
    const fake = fakeEngine();
    const r = await compare(['base.yaml', 'base.yaml', '--materiality', '0.05', '--out', 'm', '--quiet'], { engine: fake.engine });
    expect(r.code, r.stderr).toBe(0);
    const c = read('m/comparison.json');
    expect(c.materiality).toBe(0.05);
    for (const d of Object.values(c.alternatives[0]!.figures)) {
      if (d.tail || d.base === null || d.base === 0) continue;
      expect(d.materialityThreshold).toBeCloseTo(0.05 * Math.abs(d.base), 15);
    }
    expect(r.stdout).toContain('at least 5% of the base value');
    const bad = fakeEngine();
    const refused = await compare(['base.yaml', 'base.yaml', '--materiality', '5', '--out', 'n', '--quiet'], { engine: bad.engine });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--materiality must be a fraction of the base value in \[0, 1\), such as 0\.01 for 1%, got "5"/);
    expect(bad.calls).toHaveLength(0);
    expect(existsSync(t.path('n'))).toBe(false);
  });

  it('shares one --workers count across the runs, run one after another', async () => {
    const fake = fakeEngine();
    const r = await compare(['base.yaml', 'base.yaml', 'base.yaml', '--workers', '3', '--out', 'o', '--quiet'], { engine: fake.engine });
    expect(r.code).toBe(0);
    expect(fake.calls.map((c) => c.options?.workers)).toEqual([3, 3, 3]);
  });
});

describe('limitlab compare: the population rule and bad input', () => {
  it('refuses differing population parameters with exit 2, naming the fields, before running anything', async () => {
    t.write({
      'other.yaml':
        'extends: base.yaml\nname: other\nclock: { horizonDays: 360 }\nmacro: { monthlyAutocorrelation: 0.8 }\nsegments:\n' +
        '  - { name: individual, share: 0.8, score: { mean: 690, sd: 60 }, monthlyIncome: { median: 7000, sigma: 0.5 }, externalDti: { mean: 0.15, sd: 0.08 }, drawsPerYear: { mean: 4, cv: 0.8 }, drawShare: { mean: 0.15, concentration: 6 }, initialUtilisation: { mean: 0.35, concentration: 3 }, correlation: 0.05, lgd: 0.85, apr: 0.146, termMonths: 12, drawNoiseSigma: 0.5 }\n' +
        '  - { name: micro-business, share: 0.2, score: { mean: 660, sd: 70 }, monthlyIncome: { median: 15000, sigma: 0.7 }, externalDti: { mean: 0.25, sd: 0.1 }, drawsPerYear: { mean: 8, cv: 0.7 }, drawShare: { mean: 0.25, concentration: 5 }, initialUtilisation: { mean: 0.5, concentration: 3 }, correlation: 0.08, lgd: 0.75, apr: 0.128, termMonths: 12, drawNoiseSigma: 0.6 }\n',
    });
    const fake = fakeEngine();
    const r = await compare(['base.yaml', 'other.yaml', '--quiet'], { engine: fake.engine });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('other.yaml: population parameters differ from base.yaml');
    expect(r.stderr).toContain('clock.horizonDays, segments[0].correlation, macro.monthlyAutocorrelation');
    expect(r.stderr).toContain('--allow-different-population');
    expect(fake.calls).toHaveLength(0);
  });

  it('compares anyway with --allow-different-population, and says the differences carry extra noise', async () => {
    t.write({ 'seeded.yaml': 'extends: base.yaml\nname: seeded\nseed: 3\n' });
    const r = await compare(['base.yaml', 'seeded.yaml', '--allow-different-population', '--out', 'o', ...SMALL]);
    expect(r.code, r.stderr).toBe(0);
    const c = read('o/comparison.json');
    expect(c.differentPopulation).toBe(true);
    expect(c.alternatives[0]!.population).toEqual({ same: false, differingFields: ['seed'] });
    expect(c.notes.join(' ')).toMatch(/extra noise/);
    expect(r.stdout).toMatch(/note: .*extra noise/);
    expect(readFileSync(t.path('o/report.html'), 'utf8')).toMatch(/extra noise/);
  });

  it('accepts policies and shocks that differ', async () => {
    t.write({ 'shock.yaml': 'extends: base.yaml\nname: shock\nmacro: { shocks: [{ fromDay: 0, toDay: 90, shift: -1 }] }\nfreeze: { scoreFloor: { enabled: false } }\n' });
    const r = await compare(['base.yaml', 'shock.yaml', '--out', 'o', '--quiet'], { engine: fakeEngine().engine });
    expect(r.code, r.stderr).toBe(0);
  });

  it('exits 2 for a missing file, a bad --set, a single scenario or an --out that is a file', async () => {
    const fake = fakeEngine();
    const missing = await compare(['base.yaml', 'nope.yaml', '--quiet'], { engine: fake.engine });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: file not found');
    const badSet = await compare(['base.yaml', 'base.yaml', '--set', 'run.paths=0', '--quiet'], { engine: fake.engine });
    expect(badSet.code).toBe(2);
    expect(badSet.stderr).toMatch(/run\.paths.*from --set run\.paths=0/);
    const single = await compare(['base.yaml'], { engine: fake.engine });
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/missing required argument/);
    writeFileSync(t.path('afile'), 'x');
    const outFile = await compare(['base.yaml', 'base.yaml', '--out', 'afile', '--quiet'], { engine: fake.engine });
    expect(outFile.code).toBe(2);
    expect(fake.calls).toHaveLength(0);
  });

  it('exits 1 when a run fails, naming the run, and writes nothing', async () => {
    const r = await compare(['base.yaml', 'base.yaml', '--out', 'o', '--quiet'], { engine: fakeEngine('fail').engine });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/run failed: baseline: shard 3 failed/);
    expect(existsSync(t.path('o'))).toBe(false);
  });

  it('exits 130 on Ctrl-C, aborting the engine and writing nothing', async () => {
    const fake = fakeEngine('hang');
    let fire = (): void => undefined;
    const pending = compare(['base.yaml', 'base.yaml', '--out', 'o', '--quiet'], { engine: fake.engine, interrupt: (f) => (fire = f) });
    // Ctrl-C once the engine runs (not after a fixed delay, which a loaded machine can outlast)
    while (fake.calls.length === 0) await new Promise((r) => setTimeout(r, 10));
    fire();
    const r = await pending;
    expect(r).toEqual({ code: 130, stdout: '', stderr: 'interrupted\n' });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.options?.signal?.aborted).toBe(true);
    expect(existsSync(t.path('o'))).toBe(false);
  });
});
