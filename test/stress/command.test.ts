/**
 * `limitlab stress` end to end through main() with the real engine on a tiny
 * suite: exit codes (within 0, breached 3, bad input 2), the run folder's
 * files, --json, the history across two runs (and the trend chart's points),
 * and a resume refused when the suite changed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { embeddedCharts, readJson, readStress, type SuiteFolder, tinySuite } from './helpers.js';
import type { HistoryEntry } from '../../src/stress/types.js';

let t: SuiteFolder | undefined;
afterEach(() => t?.cleanup());

const ISO_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /;

function stress(folder: SuiteFolder, ...args: string[]) {
  return runInProcess(['stress', folder.suite, '--history', folder.path('history.jsonl'), '--workers', '2', ...args], { cwd: folder.dir, realEngine: true });
}

describe('exit codes', () => {
  it('0 when every limit is met; the run folder holds every file', async () => {
    t = tinySuite('{ annualDefaultRate: 0.5, lossRateVaR99: 0.9 }');
    const r = await stress(t, '--out', 'run');
    expect(r.stderr).not.toMatch(/warning/);
    expect(r.code).toBe(0);
    const dir = t.path('run');
    const result = readStress(dir);
    expect(result.status).toBe('within');
    expect(result.scenarios.map((s) => s.name)).toEqual(['baseline', 'severe']);
    for (const s of result.scenarios) {
      expect(existsSync(path.join(dir, s.summary))).toBe(true);
      expect(existsSync(path.join(dir, s.report))).toBe(true);
      expect(readdirSync(path.join(dir, 'shards', s.folder))).toHaveLength(8);
    }
    expect(existsSync(path.join(dir, 'report.html'))).toBe(true);
    expect(readdirSync(path.join(dir, 'charts')).sort()).toContain('stress-scenarios.svg');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(r.stdout).toMatch(/within appetite; report: run\/report\.html\n$/);
    // unattended: every log line on stderr starts with an ISO timestamp, and no bar off a terminal
    const lines = r.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l).toMatch(ISO_LINE);
    expect(r.stderr).not.toMatch(/\u001b\[|█|░/);
  });

  it('3 when a limit is breached, each breach printed with scenario, figure, value and limit', async () => {
    t = tinySuite('{ annualDefaultRate: 0.5 }', undefined, '    appetite: { annualDefaultRate: 0.001, riskAdjustedRevenueRate: { min: 0.9 } }\n');
    const r = await stress(t, '--out', 'run');
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^BREACH severe: annualDefaultRate = \d+\.\d+%, limit at most 0\.1%$/m);
    expect(r.stdout).toMatch(/^BREACH severe: riskAdjustedRevenueRate = \d+\.\d+%, limit at least 90%$/m);
    expect(r.stdout).not.toMatch(/BREACH baseline/);
    const result = readStress(t.path('run'));
    expect(result.status).toBe('breached');
    expect(result.breaches.map((b) => [b.scenario, b.figure, b.verdict])).toEqual([
      ['severe', 'annualDefaultRate', 'red'],
      ['severe', 'riskAdjustedRevenueRate', 'red'],
    ]);
    // the suite's limits reach the scenario's own summary and run report
    const summary = readJson<{ manifest: { scenario: { report: { appetite: unknown } } } }>(path.join(t.path('run'), result.scenarios[1]!.summary));
    expect(summary.manifest.scenario.report.appetite).toMatchObject({ annualDefaultRate: 0.001, riskAdjustedRevenueRate: { min: 0.9 } });
  });

  it('--json prints the verdicts on stdout, breaches on stderr', async () => {
    t = tinySuite('{ lossRateVaR99: 0.0001 }');
    const r = await stress(t, '--out', 'run', '--json', '--quiet');
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as { status: string; breaches: { scenario: string; figure: string }[]; scenarios: { name: string; verdicts: unknown[] }[] };
    expect(json.status).toBe('breached');
    expect(json.breaches.map((b) => `${b.scenario}:${b.figure}`)).toEqual(['baseline:lossRateVaR99', 'severe:lossRateVaR99']);
    expect(json.scenarios.map((s) => s.name)).toEqual(['baseline', 'severe']);
    expect(r.stderr).toMatch(/BREACH baseline: lossRateVaR99/);
  });

  it('2 for bad input, before anything is written', async () => {
    t = tinySuite('{ annualDefaultRat: 0.5 }');
    const bad = await stress(t, '--out', 'run');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^suite\.yaml:3:\d+: appetite\.annualDefaultRat: "annualDefaultRat" is not a headline figure; did you mean "annualDefaultRate"\?$/m);
    expect(existsSync(t.path('run'))).toBe(false);
    expect(existsSync(t.path('history.jsonl'))).toBe(false);

    expect((await stress(t, '--paths', '0')).code).toBe(2);
    expect((await runInProcess(['stress', t.path('nowhere.yaml')], { cwd: t.dir, realEngine: true })).code).toBe(2);
    expect((await runInProcess(['stress', t.suite, '--workers', 'two'], { cwd: t.dir, realEngine: true })).code).toBe(2);
  });
});

describe('history across runs', () => {
  it('appends one line per scenario per run to reports/stress/history.jsonl; the trend chart gets a point per run', async () => {
    t = tinySuite();
    // the defaults: a dated folder and the history under reports/stress/ of the working directory
    const plain = (): Promise<{ code: number }> => runInProcess(['stress', t!.suite, '--workers', '2', '--quiet'], { cwd: t!.dir, realEngine: true });
    expect((await plain()).code).toBe(0);
    expect((await plain()).code).toBe(0);
    const parent = t.path('reports/stress');
    const runs = readdirSync(parent).filter((f) => f !== 'history.jsonl').sort();
    expect(runs).toHaveLength(2);
    for (const r of runs) expect(r).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(-2)?$/);
    const [first, second] = runs.map((r) => path.join(parent, r)) as [string, string];

    const lines = readFileSync(path.join(parent, 'history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as HistoryEntry);
    expect(lines.map((l) => l.scenario)).toEqual(['baseline', 'severe', 'baseline', 'severe']);
    const [a, b] = [readStress(first), readStress(second)];
    expect(lines.map((l) => l.run)).toEqual([a.run.id, a.run.id, b.run.id, b.run.id]);
    expect(lines[0]).toMatchObject({ suite: 'tiny', seed: a.population.seed, version: a.run.version, scenarioHash: a.scenarios[0]!.scenarioHash, timestamp: a.run.startedAt });
    expect(lines[0]!.headline['annualDefaultRate']!.mean).toBe(a.scenarios[0]!.headline['annualDefaultRate']!.mean);
    expect(lines[0]!.verdicts).toEqual([expect.objectContaining({ figure: 'annualDefaultRate', limit: 0.5, verdict: 'green' })]);

    const trendRuns = (report: string): unknown[] =>
      (embeddedCharts(report)['trend-annual-default-rate']!.data!.flatMap((d) => d.values ?? []) as { scenario?: string; run?: string }[])
        .filter((p) => p.scenario === 'baseline' && p.run !== undefined)
        .map((p) => p.run);
    expect(trendRuns(path.join(second, 'report.html'))).toEqual([a.run.id, b.run.id]);
    expect(trendRuns(path.join(first, 'report.html'))).toEqual([a.run.id]);
  });

  it('a torn last line in the history is skipped with a warning, and the run goes on', async () => {
    t = tinySuite();
    t.write({ 'history.jsonl': '{"timestamp":"2026-01-01T00:00:00.000Z","run":"x","sui' });
    const r = await stress(t, '--out', 'run');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: history\.jsonl:1: skipping an incomplete last line/);
    const text = readFileSync(t.path('history.jsonl'), 'utf8');
    expect(text.startsWith('{"timestamp":"2026-01-01T00:00:00.000Z","run":"x","sui\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(3);
  });
});

describe('interrupted', () => {
  it('Ctrl-C exits 130 naming the resume command; the resumed run finishes', async () => {
    t = tinySuite('{ annualDefaultRate: 0.5 }', '{ paths: 4, borrowersPerPath: 1000, shardSize: 125 }');
    const dir = t.path('run');
    const r = await runInProcess(['stress', t.suite, '--out', 'run', '--history', t.path('history.jsonl'), '--workers', '2'], {
      cwd: t.dir,
      realEngine: true,
      interrupt: (fire) => {
        const timer = setInterval(() => {
          if (existsSync(path.join(dir, 'shards', 'baseline')) && readdirSync(path.join(dir, 'shards', 'baseline')).length >= 2) {
            clearInterval(timer);
            fire();
          }
        }, 10);
      },
    });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted; finished shards are kept: continue with limitlab stress .*suite\.yaml --resume run\n$/);
    expect(existsSync(path.join(dir, 'stress.json'))).toBe(false);
    expect(existsSync(t.path('history.jsonl'))).toBe(false);
    expect((await stress(t, '--resume', 'run', '--quiet')).code).toBe(0);
    expect(readStress(dir).run.resumed).toBe(true);
  });
});

describe('resume', () => {
  it('is refused (exit 2) when the suite or a scenario changed, and for a folder that is not a run', async () => {
    t = tinySuite();
    expect((await stress(t, '--out', 'run')).code).toBe(0);
    t.write({ 'severe.yaml': `extends: base.yaml\nname: severe\nmacro: { shocks: [{ fromDay: 90, toDay: 450, shift: -2.5 }] }\n` });
    const r = await stress(t, '--resume', 'run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--resume run: refused, the run was started with a different suite \(suite hash \w+ then, \w+ now; scenario "severe" changed/m);
    expect((await stress(t, '--resume', 'nowhere')).code).toBe(2);
    // a new run into a folder that holds one is refused too: it would mix two runs' shards
    expect((await stress(t, '--out', 'run')).code).toBe(2);
  });
});
