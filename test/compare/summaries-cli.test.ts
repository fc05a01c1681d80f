/**
 * `limitlab compare A/summary.json B/summary.json`: finished runs (a single
 * `run`, or a `merge` of `--part` runs) compared as they are. The comparison
 * must be the one `compare A.yaml B.yaml` computes when it simulates the same
 * scenarios at the same sizes; bad inputs are refused (exit 2) naming the file
 * and the field, with nothing written; each side's summary is kept under
 * OUT/runs/; `limitlab report comparison.json` rebuilds the same report.
 *
 * Real engine, tiny sizes, one thread (--workers 1 for the part runs).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, Sweep } from '../../src/compare/types.js';
import { runScenario } from '../../src/engine/run.js';
import type { Summary } from '../../src/results/types.js';
import { runInProcess } from '../helpers/cli.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { type TmpScenarios, tmpScenarios } from '../helpers/scenario-files.js';
import { inProcessEngine } from './engine.js';

/** 4 paths × 400 borrowers in shards of 100 (16 shards, so two parts of 8), half a year. */
const SIZE = ['--paths', '4', '--borrowers', '400', '--set', 'run.shardSize=100', '--set', 'clock.horizonDays=180', '--quiet'];

let t: TmpScenarios;
const cli = (args: string[]) => runInProcess(args, { cwd: t.dir, engine: inProcessEngine });
// the part runs load the shard engine themselves; one worker thread
const partCli = (args: string[]) => runInProcess(args, { cwd: t.dir, engine: runScenario });
const json = <T>(file: string): T => JSON.parse(readFileSync(t.path(file), 'utf8')) as T;

/** Every file under `dir` (relative path → bytes), to prove a refused command wrote nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const f = path.join(d, e);
      if (statSync(f).isDirectory()) walk(f);
      else out[path.relative(dir, f)] = readFileSync(f).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** comparison.json without what legitimately differs between a compare of summaries and one that simulated: each run's file and manifest.execution. */
function comparable(c: Comparison): unknown {
  return { ...c, runs: c.runs.map(({ file: _file, manifest: { execution: _execution, ...manifest }, ...r }) => ({ ...r, manifest })) };
}

/** Removes the report and charts the command wrote beside `jsonFile`, rebuilds them with `limitlab report`, and expects the same bytes. */
async function rebuilt(folder: string, jsonFile: string) {
  const dir = t.path(folder);
  const page = readFileSync(path.join(dir, 'report.html'));
  const charts = snapshot(path.join(dir, 'charts'));
  expect(Object.keys(charts).length).toBeGreaterThan(3);
  rmSync(path.join(dir, 'report.html'));
  rmSync(path.join(dir, 'charts'), { recursive: true });
  const r = await cli(['report', `${folder}/${jsonFile}`]);
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(path.join(dir, 'report.html'))).toEqual(page);
  expect(snapshot(path.join(dir, 'charts'))).toEqual(charts);
  return r;
}

const withoutExecution = (s: Summary): unknown => ({ ...s, manifest: { ...s.manifest, execution: null } });

beforeAll(async () => {
  t = tmpScenarios();
  t.write({
    'alt.yaml': 'extends: base.yaml\nname: nohold\nlimits: { request: { verification: { holdDays: 0 } } }\n',
    'other.yaml': 'extends: base.yaml\nname: stricter\nfreeze: { riskModel: { velocity: { maxDraws: 2 } } }\n',
  });
  for (const [file, out] of [['base.yaml', 'A'], ['alt.yaml', 'B'], ['other.yaml', 'O']] as const) {
    const r = await cli(['run', file, ...SIZE, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
  }
  // the base again, as a scaled-out run: two parts and their merge
  for (const part of ['0/2', '1/2']) {
    const r = await partCli(['run', 'base.yaml', ...SIZE, '--workers', '1', '--part', part, '--out', 'M']);
    expect(r.code, r.stderr).toBe(0);
  }
  // the alternative on another seed: another population
  const seed7 = await cli(['run', 'alt.yaml', ...SIZE, '--seed', '7', '--out', 'SEED7']);
  expect(seed7.code, seed7.stderr).toBe(0);
  const merged = await partCli(['merge', 'M', '--quiet']);
  expect(merged.code, merged.stderr).toBe(0);
  // the comparison compare computes when it simulates
  const simulated = await cli(['compare', 'base.yaml', 'alt.yaml', 'other.yaml', ...SIZE, '--out', 'SIM']);
  expect(simulated.code, simulated.stderr).toBe(0);
}, 300_000);
afterAll(() => t.cleanup());

describe('compare of finished runs gives the comparison compare simulates', () => {
  it('two runs: comparison.json equals the simulated one outside each run\'s file and manifest.execution', async () => {
    const r = await cli(['compare', 'A/summary.json', 'B/summary.json', 'O/summary.json', '--out', 'FROM']);
    expect(r.code, r.stderr).toBe(0);
    const from = json<Comparison>('FROM/comparison.json');
    const sim = json<Comparison>('SIM/comparison.json');
    expect(comparable(from)).toEqual(comparable(sim));
    // what does differ: the files, as given
    expect(from.runs.map((x) => x.file)).toEqual(['A/summary.json', 'B/summary.json', 'O/summary.json']);
    expect(sim.runs.map((x) => x.file)).toEqual(['base.yaml', 'alt.yaml', 'other.yaml']);
    // labels from the manifests' scenario names, as the simulated compare names them
    expect(from.runs.map((x) => x.label)).toEqual(['baseline', 'nohold', 'stricter']);
    // not a trivial equality: the policies changed something
    expect(from.alternatives[0]!.figures['holdsPer1000AccountMonths']!.difference).toBeLessThan(0);
    expect(r.stdout).toContain('comparison: FROM/comparison.json');
  });

  it('one side a merged --part run: the same comparison as from the single run', async () => {
    const r = await cli(['compare', 'M/summary.json', 'B/summary.json', '--out', 'MERGED']);
    expect(r.code, r.stderr).toBe(0);
    const single = await cli(['compare', 'A/summary.json', 'B/summary.json', '--out', 'SINGLE']);
    expect(single.code, single.stderr).toBe(0);
    const merged = json<Comparison>('MERGED/comparison.json');
    expect(comparable(merged)).toEqual(comparable(json<Comparison>('SINGLE/comparison.json')));
    // the merged run says it was merged, and that is the only difference in its manifest
    expect(merged.runs[0]!.manifest.execution.parts?.count).toBe(2);
  });

  it('labels runs of scenarios with equal names by their folders', async () => {
    const r = await cli(['compare', 'A/summary.json', 'M/summary.json', '--out', 'SAME']);
    expect(r.code, r.stderr).toBe(0);
    const c = json<Comparison>('SAME/comparison.json');
    expect(c.runs.map((x) => x.label)).toEqual(['A', 'M']);
    expect(c.runs.map((x) => x.summaryFile)).toEqual(['runs/A/summary.json', 'runs/M/summary.json']);
    // the single run and the merge of its parts: every per-path change is exactly zero
    for (const [name, d] of Object.entries(c.alternatives[0]!.figures)) if (d.difference !== null) expect(d.difference, name).toBe(0);
  });
});

describe('scenario files are still scenarios', () => {
  it('a .json scenario (no schemaVersion, no manifest) is simulated as before', async () => {
    t.write({ 'policy.json': JSON.stringify({ extends: 'alt.yaml', name: 'json-policy' }) });
    const fake = fakeEngine();
    const r = await runInProcess(['compare', 'base.yaml', 'policy.json', '--out', 'JSONSC', '--quiet'], { cwd: t.dir, engine: fake.engine });
    expect(r.code, r.stderr).toBe(0);
    expect(fake.calls.map((c) => c.scenario.name)).toEqual(['baseline', 'json-policy']);
  });
});

describe('compare keeps each side\'s summary.json', () => {
  it('under runs/<label>/, byte for byte the summary compared', async () => {
    const c = json<Comparison>('FROM/comparison.json');
    expect(c.runs.map((x) => x.summaryFile)).toEqual(['runs/baseline/summary.json', 'runs/nohold/summary.json', 'runs/stricter/summary.json']);
    expect(readFileSync(t.path('FROM/runs/baseline/summary.json'))).toEqual(readFileSync(t.path('A/summary.json')));
    expect(readFileSync(t.path('FROM/runs/nohold/summary.json'))).toEqual(readFileSync(t.path('B/summary.json')));
    expect(readdirSync(t.path('FROM')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a simulating compare keeps the summaries it ran, each equal to a `limitlab run` of the scenario outside manifest.execution', async () => {
    expect(withoutExecution(json<Summary>('SIM/runs/baseline/summary.json'))).toEqual(withoutExecution(json<Summary>('A/summary.json')));
    expect(withoutExecution(json<Summary>('SIM/runs/stricter/summary.json'))).toEqual(withoutExecution(json<Summary>('O/summary.json')));
  });

  it('a kept summary can be paired again without re-running (here: the kept base against a kept alternative)', async () => {
    const r = await cli(['compare', 'SIM/runs/baseline/summary.json', 'SIM/runs/nohold/summary.json', '--out', 'AGAIN']);
    expect(r.code, r.stderr).toBe(0);
    const again = json<Comparison>('AGAIN/comparison.json');
    const sim = json<Comparison>('SIM/comparison.json');
    expect(again.alternatives[0]).toEqual(sim.alternatives[0]);
  });

  it('replaces an earlier runs/ whole: a second compare into the folder leaves no run of the first', async () => {
    const r = await cli(['compare', 'A/summary.json', 'O/summary.json', '--out', 'FROM2']);
    expect(r.code, r.stderr).toBe(0);
    const again = await cli(['compare', 'A/summary.json', 'B/summary.json', '--out', 'FROM2']);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(t.path('FROM2/runs')).sort()).toEqual(['baseline', 'nohold']);
  });

  it('a comparison.json that cannot be written leaves the earlier runs/ in place (exit 1)', async () => {
    const first = await cli(['compare', 'A/summary.json', 'B/summary.json', '--out', 'KEEP']);
    expect(first.code, first.stderr).toBe(0);
    // a directory where comparison.json goes: the rename of the new file over it fails, even as root
    rmSync(t.path('KEEP/comparison.json'));
    mkdirSync(t.path('KEEP/comparison.json/in-the-way'), { recursive: true });
    const before = snapshot(t.path('KEEP'));
    const r = await cli(['compare', 'A/summary.json', 'O/summary.json', '--out', 'KEEP']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/could not write KEEP\/comparison\.json/);
    expect(snapshot(t.path('KEEP'))).toEqual(before);
    expect(readdirSync(t.path('KEEP')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('bad input is exit 2, naming the file and the field, with nothing written', () => {
  let before: Record<string, string>;
  beforeAll(async () => {
    const r = await cli(['compare', 'A/summary.json', 'B/summary.json', '--out', 'EXISTING']);
    expect(r.code, r.stderr).toBe(0);
    before = snapshot(t.path('EXISTING'));
  });
  /** `mutate` edits a copy of B's summary (bad/summary.json); the compare must be refused. */
  async function refused(args: string[], pattern: RegExp): Promise<string> {
    const r = await cli(['compare', ...args, '--out', 'EXISTING']);
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
    expect(snapshot(t.path('EXISTING'))).toEqual(before);
    return r.stderr;
  }
  function edited(name: string, edit: (s: Record<string, any>) => void, from = 'B/summary.json'): string {
    const s = json<Record<string, any>>(from);
    edit(s);
    t.write({ [`${name}/summary.json`]: `${JSON.stringify(s, null, 2)}\n` });
    return `${name}/summary.json`;
  }

  it('a truncated summary', async () => {
    const text = readFileSync(t.path('B/summary.json'), 'utf8');
    t.write({ 'cut/summary.json': text.slice(0, Math.floor(text.length / 2)) });
    await refused(['A/summary.json', 'cut/summary.json'], /^cut\/summary\.json: JSON syntax error/);
  });

  it('a truncated summary under another name is still read as a summary', async () => {
    const text = readFileSync(t.path('B/summary.json'), 'utf8');
    t.write({ 'cut/policy-b.json': text.slice(0, 5000) });
    await refused(['A/summary.json', 'cut/policy-b.json'], /^cut\/policy-b\.json: JSON syntax error/);
  });

  it('a summary missing a field', async () => {
    const file = edited('noseed', (s) => delete s['manifest'].seed);
    await refused(['A/summary.json', file], /^noseed\/summary\.json: not a limitlab summary\.json: field manifest\.seed:/);
  });

  it('a per-path array one value short', async () => {
    const file = edited('short', (s) => s['perPath'].lossRate.pop());
    await refused(['A/summary.json', file], /^short\/summary\.json: cannot be paired path by path: field perPath\.lossRate has 3 values, but manifest\.paths is 4/);
  });

  it('a summary of a different population (another seed), unless --allow-different-population', async () => {
    await refused(['A/summary.json', 'SEED7/summary.json'], /^SEED7\/summary\.json: population parameters differ from A\/summary\.json.*: seed \(/);
    const allowed = await cli(['compare', 'A/summary.json', 'SEED7/summary.json', '--allow-different-population', '--out', 'ALLOWED']);
    expect(allowed.code, allowed.stderr).toBe(0);
    const c = json<Comparison>('ALLOWED/comparison.json');
    expect(c.differentPopulation).toBe(true);
    expect(c.alternatives[0]!.population.differingFields).toEqual(['seed']);
  });

  it('another limitlab version, unless --allow-different-population', async () => {
    const file = edited('oldversion', (s) => (s['manifest'].version = '0.0.9'));
    await refused(['A/summary.json', file], /^oldversion\/summary\.json: written by limitlab 0\.0\.9, A\/summary\.json by limitlab \d/);
    const allowed = await cli(['compare', 'A/summary.json', file, '--allow-different-population', '--out', 'ALLOWED-V']);
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('importance-sampling weights that disagree, even with --allow-different-population', async () => {
    const is = ['--set', 'run.importanceSampling={ enabled: true, shift: -1 }'];
    for (const [file, out] of [['base.yaml', 'ISA'], ['alt.yaml', 'ISB']] as const) {
      const r = await cli(['run', file, ...SIZE, ...is, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
    }
    // the real pair is accepted, and pairs the weighted values
    const ok = await cli(['compare', 'ISA/summary.json', 'ISB/summary.json', '--out', 'IS-OK']);
    expect(ok.code, ok.stderr).toBe(0);
    const file = edited('badweight', (s) => (s['perPath'].weight[2] *= 1.5), 'ISB/summary.json');
    await refused(['ISA/summary.json', file], /^badweight\/summary\.json: cannot be paired path by path with ISA\/summary\.json: perPath\.weight differs at path 2/);
    const r = await cli(['compare', 'ISA/summary.json', file, '--allow-different-population', '--out', 'EXISTING']);
    expect(r.code).toBe(2);
    const noweight = edited('noweight', (s) => delete s['perPath'].weight, 'ISB/summary.json');
    await refused(['ISA/summary.json', noweight], /perPath\.weight\) and noweight\/summary\.json none/);
  });

  it('a scenario mixed with a summary, saying how to run the scenario on the summary\'s seed and sizes', async () => {
    const e = await refused(['A/summary.json', 'alt.yaml'], /^A\/summary\.json is a finished run \(summary\.json\) and alt\.yaml a scenario/);
    expect(e).toContain('limitlab run alt.yaml --seed 20261130 --paths 4 --borrowers 400');
  });

  it('a flag that would change a simulation', async () => {
    for (const flags of [['--seed', '3'], ['--paths', '8'], ['--borrowers', '10'], ['--set', 'seed=3'], ['--workers', '1']]) {
      await refused(['A/summary.json', 'B/summary.json', ...flags], new RegExp(`^${flags[0]}: this flag changes a simulation, and summary\\.json files are finished runs`));
    }
  });

  it('a comparison.json given as a run', async () => {
    await refused(['A/summary.json', 'SIM/comparison.json'], /^SIM\/comparison\.json: this is a comparison\.json, not a run's summary\.json/);
  });

  it('a missing summary.json', async () => {
    await refused(['A/summary.json', 'nowhere/summary.json'], /^nowhere\/summary\.json: file not found/);
  });
});

describe('limitlab report comparison.json', () => {
  it('rebuilds report.html and every chart byte for byte', async () => {
    const r = await rebuilt('SIM', 'comparison.json');
    expect(r.stdout).toMatch(/^charts: SIM\/charts\/ \(\d+ SVG\)\nreport: SIM\/report\.html\n$/);
  });

  it('writes elsewhere with --out', async () => {
    const r = await cli(['report', 'SIM/comparison.json', '--out', 'elsewhere/cmp.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(t.path('elsewhere/cmp.html'))).toEqual(readFileSync(t.path('SIM/report.html')));
    expect(existsSync(t.path('elsewhere/charts/compare-forest.svg'))).toBe(true);
  });

  it('refuses a comparison.json missing a field (exit 2, naming it), writing nothing', async () => {
    const c = json<Record<string, any>>('SIM/comparison.json');
    delete c['alternatives'][0].figures.lossRate.verdict;
    t.write({ 'badcmp/comparison.json': JSON.stringify(c) });
    const r = await cli(['report', 'badcmp/comparison.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^badcmp\/comparison\.json: not a limitlab comparison\.json: field alternatives\[0\]\.figures\.lossRate\.verdict:/);
    expect(readdirSync(t.path('badcmp'))).toEqual(['comparison.json']);
  });

  it('refuses a comparison.json whose runs do not match its alternatives', async () => {
    const c = json<Record<string, any>>('SIM/comparison.json');
    c['runs'].pop();
    t.write({ 'badruns/comparison.json': JSON.stringify(c) });
    const r = await cli(['report', 'badruns/comparison.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^badruns\/comparison\.json: not a limitlab comparison\.json: field runs: expected 3 runs/);
  });

  it('refuses a truncated comparison.json', async () => {
    const text = readFileSync(t.path('SIM/comparison.json'), 'utf8');
    t.write({ 'cutcmp/comparison.json': text.slice(0, 3000) });
    const r = await cli(['report', 'cutcmp/comparison.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cutcmp\/comparison\.json: JSON syntax error/);
    expect(readdirSync(t.path('cutcmp'))).toEqual(['comparison.json']);
  });

  it('still rebuilds a run\'s report from summary.json', async () => {
    const page = readFileSync(t.path('A/report.html'));
    const r = await cli(['report', 'A/summary.json', '--out', 'again/report.html']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(t.path('again/report.html'))).toEqual(page);
  });
});

describe('sweep keeps each run\'s summary, and limitlab report sweep.json rebuilds its report', () => {
  beforeAll(async () => {
    const r = await cli(['sweep', 'base.yaml', '--grid', 'limits.request.verification.holdDays=0,5', ...SIZE, '--out', 'SW']);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it('one summary per run under runs/<label>/: the grid points, then the scenario as given', () => {
    const s = json<Sweep>('SW/sweep.json');
    expect(s.runs.map((r) => r.summaryFile)).toEqual(['runs/holdDays-0/summary.json', 'runs/holdDays-5/summary.json', 'runs/as-given-holdDays-2/summary.json']);
    for (const [i, run] of s.runs.entries()) {
      const kept = json<Summary>(`SW/${run.summaryFile!}`);
      expect(kept.headline).toEqual(i < s.rows.length ? s.rows[i]!.figures : run.headline);
      expect(kept.manifest).toEqual(run.manifest);
    }
    // the scenario as given is the baseline: its kept summary is a `limitlab run` of it
    expect(withoutExecution(json<Summary>('SW/runs/as-given-holdDays-2/summary.json'))).toEqual(withoutExecution(json<Summary>('A/summary.json')));
  });

  it('two kept points re-paired by compare give the sweep\'s own change', async () => {
    const r = await cli(['compare', 'SW/runs/as-given-holdDays-2/summary.json', 'SW/runs/holdDays-0/summary.json', '--out', 'REPAIR']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<Comparison>('REPAIR/comparison.json').alternatives[0]!.figures).toEqual(json<Sweep>('SW/sweep.json').rows[0]!.differenceFromReference);
  });

  it('report sweep.json rebuilds report.html and every chart byte for byte', async () => {
    await rebuilt('SW', 'sweep.json');
  });

  it('refuses a sweep.json with a bad field (exit 2, naming it), writing nothing', async () => {
    const s = json<Record<string, any>>('SW/sweep.json');
    s['rows'][1].figures.lossRate.mean = 'high';
    t.write({ 'badsweep/sweep.json': JSON.stringify(s) });
    const r = await cli(['report', 'badsweep/sweep.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^badsweep\/sweep\.json: not a limitlab sweep\.json: field rows\[1\]\.figures\.lossRate\.mean:/);
    expect(readdirSync(t.path('badsweep'))).toEqual(['sweep.json']);
  });
});

describe('sweep --from: finished runs as the points of a sweep', () => {
  const HOLD = 'limits.request.verification.holdDays';
  const DRAWS = 'freeze.riskModel.velocity.maxDraws';
  const at = (h: number, m: number) => `G/h${h}-m${m}/summary.json`;
  beforeAll(async () => {
    for (const h of [0, 5]) {
      for (const m of [2, 4]) {
        const r = await cli(['run', 'base.yaml', ...SIZE, '--set', `${HOLD}=${h}`, '--set', `${DRAWS}=${m}`, '--out', `G/h${h}-m${m}`]);
        expect(r.code, r.stderr).toBe(0);
      }
    }
    // a run that differs from G/h0-m2 only in how its work is cut
    const r = await cli(['run', 'base.yaml', ...SIZE, '--set', `${HOLD}=0`, '--set', `${DRAWS}=2`, '--set', 'run.shardSize=200', '--out', 'G/h0-m2-cut']);
    expect(r.code, r.stderr).toBe(0);
    const sim = await cli(['sweep', 'base.yaml', '--grid', `${HOLD}=0,5`, '--grid', `${DRAWS}=2,4`, '--reference', 'holdDays=0,maxDraws=2', ...SIZE, '--out', 'GSIM']);
    expect(sim.code, sim.stderr).toBe(0);
  }, 120_000);

  /** sweep.json without what legitimately differs from a simulated sweep: the files and manifest.execution. */
  const sweepComparable = (s: Sweep): unknown => ({
    ...s,
    file: null,
    runs: s.runs.map(({ file: _file, manifest: { execution: _execution, ...manifest }, ...r }) => ({ ...r, manifest })),
  });

  it('a full grid of runs, given in any order, is the sweep that simulates the same grid (outside files and manifest.execution)', async () => {
    const r = await cli(['sweep', '--from', at(5, 4), at(0, 2), at(5, 2), at(0, 4), '--reference', 'holdDays=0,maxDraws=2', '--out', 'GFROM']);
    expect(r.code, r.stderr).toBe(0);
    const from = json<Sweep>('GFROM/sweep.json');
    const sim = json<Sweep>('GSIM/sweep.json');
    expect(sweepComparable(from)).toEqual(sweepComparable(sim));
    // the axes are exactly the two fields the runs differ in, the rows in grid order
    expect(from.grid).toEqual([{ path: HOLD, values: [0, 5] }, { path: DRAWS, values: [2, 4] }]);
    expect(from.runs.map((x) => x.file)).toEqual([at(0, 2), at(0, 4), at(5, 2), at(5, 4)]);
    expect(from.notes).toEqual([]);
    // each run's summary kept as read
    expect(readFileSync(t.path(`GFROM/${from.runs[3]!.summaryFile!}`))).toEqual(readFileSync(t.path(at(5, 4))));
  });

  it('measures from the first run given by default', async () => {
    const r = await cli(['sweep', '--from', at(5, 4), at(0, 2), at(5, 2), at(0, 4), '--out', 'GFIRST']);
    expect(r.code, r.stderr).toBe(0);
    const s = json<Sweep>('GFIRST/sweep.json');
    expect(s.reference).toMatchObject({ source: 'run', label: 'holdDays=5, maxDraws=4', point: 3, run: 3 });
    expect(s.rows[3]!.differenceFromReference['lossRate']).toMatchObject({ difference: 0 });
    expect(r.stdout).toContain('holdDays=5, maxDraws=4, the first run given,');
    // the report names the runs read, not a scenario file
    expect(readFileSync(t.path('GFIRST/report.html'), 'utf8')).toContain('Finished runs <code>G/h0-m2/summary.json, G/h0-m4/summary.json');
    expect(readFileSync(t.path('GSIM/report.html'), 'utf8')).toContain('Scenario <code>base.yaml</code>');
  });

  it('lists runs that are not a full grid as given, and says so', async () => {
    const r = await cli(['sweep', '--from', at(5, 4), at(0, 2), at(0, 4), '--out', 'GPART']);
    expect(r.code, r.stderr).toBe(0);
    const s = json<Sweep>('GPART/sweep.json');
    expect(s.rows.map((x) => x.label)).toEqual(['holdDays=5, maxDraws=4', 'holdDays=0, maxDraws=2', 'holdDays=0, maxDraws=4']);
    expect(s.notes).toEqual(['the runs cover 3 of the 4 combinations of the fields that differ, so this is a list of points in the order given, not a full grid']);
    const missing = await cli(['sweep', '--from', at(5, 4), at(0, 2), at(0, 4), '--reference', 'holdDays=5,maxDraws=2', '--out', 'GPART2']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^--reference holdDays=5,maxDraws=2: no run sits at this combination/);
  });

  it('refuses what it cannot sweep (exit 2), writing nothing', async () => {
    const text = readFileSync(t.path(at(0, 4)), 'utf8');
    const short = JSON.parse(text) as Summary;
    short.perPath['lossRate']!.pop();
    t.write({ 'gcut/summary.json': text.slice(0, 4000), 'gshort/summary.json': JSON.stringify(short) });
    const cases: [string[], RegExp][] = [
      [['--from', at(0, 2), at(0, 4), '--grid', `${HOLD}=0,5`], /^--grid does not apply with --from/],
      [['--from', at(0, 2), at(0, 4), '--paths', '8'], /^--paths: this flag changes a simulation/],
      [['--from', at(0, 2)], /^sweep --from needs at least two summaries, got 1/],
      [['base.yaml', '--from', at(0, 2), at(0, 4)], /^base\.yaml: sweep --from reads finished runs and takes no scenario file/],
      [['--from', at(0, 2), 'G/h0-m2-cut/summary.json'], /^G\/h0-m2\/summary\.json, G\/h0-m2-cut\/summary\.json: the runs' scenarios do not differ in any model field/],
      [['--from', at(0, 2), at(0, 4), 'G/h0-m2-cut/summary.json'], /^G\/h0-m2\/summary\.json and G\/h0-m2-cut\/summary\.json are the same point/],
      [['--from', at(0, 2), 'SEED7/summary.json'], /^SEED7\/summary\.json: population parameters differ from G\/h0-m2\/summary\.json.*: seed/],
      [['--from', at(0, 2), 'gcut/summary.json'], /^gcut\/summary\.json: JSON syntax error/],
      [['--from', at(0, 2), 'gshort/summary.json'], /^gshort\/summary\.json: cannot be paired path by path: field perPath\.lossRate/],
      [[], /^sweep needs a scenario file with --grid/],
    ];
    const before = snapshot(t.path('GFROM'));
    for (const [args, pattern] of cases) {
      const r = await cli(['sweep', ...args, '--out', 'GFROM']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(pattern);
      expect(snapshot(t.path('GFROM'))).toEqual(before);
    }
  });
});
