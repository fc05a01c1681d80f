/** `limitlab run` in-process, with a fake engine: flags, output, progress, failures, Ctrl-C. */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeEngine, fakeSummary } from '../helpers/fake-engine.js';
import { runInProcess, type InProcessOptions } from '../helpers/cli.js';
import { tmpScenarios, type TmpScenarios } from '../helpers/scenario-files.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { formatJson } from '../../src/util/atomic-write.js';
import { formatStat } from '../../src/cli/summary-text.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

const run = (args: string[], opts: InProcessOptions = {}) => runInProcess(['run', ...args], { cwd: t.dir, ...opts });

/** Resolve once `ready()` holds (polled; no fixed delay to race against). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((r) => setTimeout(r, 5));
}

describe('limitlab run', () => {
  it('runs the resolved scenario and writes summary.json atomically, as 2-space JSON with a newline', async () => {
    const fake = fakeEngine();
    const r = await run(['base.yaml', '--out', 'out', '--quiet'], { engine: fake.engine });
    expect(r.code).toBe(0);
    const scenario = await resolveScenario('base.yaml', [], { cwd: t.dir });
    expect(fake.calls[0]!.scenario).toEqual(scenario);
    const written = readFileSync(t.path('out/summary.json'), 'utf8');
    expect(written).toBe(formatJson(fakeSummary(scenario)));
    expect(r.stdout).toContain('summary: out/summary.json');
  });

  it('writes to reports/<scenario name>/ by default', async () => {
    t.write({ 'odd.yaml': 'extends: base.yaml\nname: "Stress: 2008/09"\n' });
    const r = await run(['odd.yaml', '--quiet'], { engine: fakeEngine().engine });
    expect(r.code).toBe(0);
    expect(existsSync(t.path('reports/Stress-2008-09/summary.json'))).toBe(true);
  });

  it('prints the headline figures with 95% intervals, rates as percentages, and the paths written', async () => {
    const fake = fakeEngine();
    const r = await run(['base.yaml', '--out', 'o', '--quiet'], { engine: fake.engine });
    const h = fakeSummary(fake.calls[0]!.scenario).headline;
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^baseline: \d+ paths × \d+ borrowers, 720 days in 24 steps of 30, 1\.3 s$/);
    const defaultLine = lines.find((l) => l.startsWith('  default rate (annualised) '));
    expect(defaultLine?.replace(/^  default rate \(annualised\) +/, '')).toBe(formatStat(h['annualDefaultRate'], 'percent'));
    expect(formatStat(h['annualDefaultRate'], 'percent')).toMatch(/^\d+\.\d\d% +\(95% CI \d+\.\d\d% to \d+\.\d\d%\)$/);
    for (const label of ['loss rate', 'loss rate VaR 99%', 'freeze events / 1000 account-months', 'holds / 1000 account-months', 'limit requests approved', 'interest revenue', 'risk-adjusted revenue']) {
      expect(r.stdout).toContain(`  ${label}`);
    }
    expect(r.stdout).toContain('summary: o/summary.json\n');
    expect(existsSync(t.path('o/summary.json'))).toBe(true);
  });

  it('--json prints the headline object instead', async () => {
    const r = await run(['base.yaml', '--out', 'o', '--quiet', '--json'], { engine: fakeEngine().engine });
    const scenario = await resolveScenario('base.yaml', [], { cwd: t.dir });
    expect(JSON.parse(r.stdout)).toEqual(fakeSummary(scenario).headline);
  });

  it('--seed, --paths and --borrowers override the scenario; --workers goes to the engine', async () => {
    const fake = fakeEngine();
    const r = await run(['base.yaml', '-o', 'o', '-q', '--seed', '7', '--paths', '3', '--borrowers', '50', '--workers', '2', '--set', 'run.paths=9'], {
      engine: fake.engine,
    });
    expect(r.code).toBe(0);
    const { scenario, options } = fake.calls[0]!;
    expect([scenario.seed, scenario.run.paths, scenario.run.borrowersPerPath]).toEqual([7, 3, 50]);
    expect(options?.workers).toBe(2);
    expect(options?.signal).toBeInstanceOf(AbortSignal);
  });

  it('validates the override flags like any field, naming the flag', async () => {
    const fake = fakeEngine();
    const r = await run(['base.yaml', '--paths', '0', '--seed', 'x'], { engine: fake.engine });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('base.yaml: run.paths: must be a positive integer, got 0 (from --paths 0)');
    expect(r.stderr).toContain('base.yaml: seed: must be an integer ≥ 0, got a string "x" (from --seed x)');
    expect(fake.calls).toHaveLength(0);
  });

  it.each(['0', '-1', '1.5', 'two', ''])('rejects --workers %j with exit 2', async (w) => {
    const fake = fakeEngine();
    const r = await run(['base.yaml', '--workers', w], { engine: fake.engine });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a positive integer/);
    expect(fake.calls).toHaveLength(0);
  });

  it('rejects an unknown flag with exit 2', async () => {
    const r = await run(['base.yaml', '--path', '3'], { engine: fakeEngine().engine });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--path'/);
  });

  it('exits 2 on a scenario error, before running', async () => {
    const fake = fakeEngine();
    t.write({ 'bad.yaml': 'extends: base.yaml\nclock: { stepDays: 30, horizonDays: 700 }\n' });
    const r = await run(['bad.yaml'], { engine: fake.engine });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bad.yaml:2:37: clock.horizonDays: must be a multiple of clock.stepDays (30 days), got 700\n');
    expect(fake.calls).toHaveLength(0);
  });

  it('exits 2 when --out is a file', async () => {
    writeFileSync(t.path('taken'), '');
    const r = await run(['base.yaml', '--out', 'taken'], { engine: fakeEngine().engine });
    expect(r).toMatchObject({ code: 2, stderr: '--out taken exists and is not a directory\n' });
  });

  it('exits 1 with the message when the engine fails, and keeps the previous summary', async () => {
    mkdirSync(t.path('o'));
    writeFileSync(t.path('o/summary.json'), 'previous');
    const r = await run(['base.yaml', '--out', 'o', '--quiet'], { engine: fakeEngine('fail').engine });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'run failed: shard 3 failed: out of memory\n' });
    expect(readFileSync(t.path('o/summary.json'), 'utf8')).toBe('previous');
  });

  it('exits 1 when the engine cannot be loaded', async () => {
    const r = await run(['base.yaml', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^the simulation engine could not be loaded: /);
  });
});

describe('progress', () => {
  it('prints plain lines on a non-terminal, at most one per ~2 s plus the last', async () => {
    const r = await run(['base.yaml', '-o', 'o'], { engine: fakeEngine('ok', 4).engine });
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'progress: 0/4 shards (0%), 0.0 s elapsed',
      'progress: 4/4 shards (100%), 2.0 s elapsed',
    ]);
  });

  it('draws a bar on a terminal', async () => {
    const r = await run(['base.yaml', '-o', 'o'], { engine: fakeEngine('ok', 4).engine, stderrIsTTY: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/simulating .*4\/4 shards/);
  });

  it('prints nothing with --quiet', async () => {
    const r = await run(['base.yaml', '-o', 'o', '--quiet'], { engine: fakeEngine().engine });
    expect(r.stderr).toBe('');
  });
});

describe('Ctrl-C', () => {
  it('aborts the engine, prints "interrupted", exits 130 and writes nothing', async () => {
    const fake = fakeEngine('hang');
    let fire = (): void => undefined;
    const pending = run(['base.yaml', '--out', 'o', '--quiet'], { engine: fake.engine, interrupt: (f) => (fire = f) });
    // Ctrl-C once the engine runs (the folder checks and lock come first; a fixed delay raced them on a busy machine).
    await until(() => fake.calls.length > 0);
    fire();
    const r = await pending;
    expect(r).toEqual({ code: 130, stdout: '', stderr: 'interrupted\n' });
    expect(fake.calls[0]!.options?.signal?.aborted).toBe(true);
    expect(existsSync(path.join(t.dir, 'o'))).toBe(false);
  });

  it('returns at once even if the engine ignores the abort', async () => {
    let started = false;
    const stubborn = async (): Promise<never> => {
      started = true;
      return new Promise<never>(() => undefined);
    };
    let fire = (): void => undefined;
    const pending = run(['base.yaml', '--quiet'], { engine: stubborn, interrupt: (f) => (fire = f) });
    await until(() => started);
    fire();
    expect((await pending).code).toBe(130);
  });
});
