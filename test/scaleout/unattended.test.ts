/**
 * Unattended runs keep their data: SIGTERM stops a run, a part and a stress
 * suite like Ctrl-C (exit 143, nothing half-written, finished stress shards
 * kept); one writer per output folder; a scenario that inherits its name does
 * not land on its parent's results, and another scenario's results are not
 * replaced without --force; a .json file must be JSON.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_NAME, lockFolder } from '../../src/util/folder-lock.js';
import { collectOutput, REPO_ROOT, runInProcess, spawnCli } from '../helpers/cli.js';
import { fakeEngine } from '../helpers/fake-engine.js';
import { tmpScenarios, type TmpScenarios } from '../helpers/scenario-files.js';
import { tinySuite } from '../stress/helpers.js';

let t: TmpScenarios;
beforeEach(() => (t = tmpScenarios()));
afterEach(() => t.cleanup());

const inProcess = (args: string[]) => runInProcess(args, { cwd: t.dir, engine: fakeEngine().engine });

/** Resolve once `child`'s stderr (or a poll of `ready`) says the work is under way. */
function underWay(child: ReturnType<typeof spawnCli>, ready: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => ready() && (clearInterval(timer), resolve()), 20);
    child.on('exit', () => {
      clearInterval(timer);
      reject(new Error('the command ended before it could be stopped'));
    });
  });
}

describe('SIGTERM (preemption, eviction)', () => {
  it('stops a run: exit 143, "terminated", nothing written', async () => {
    const out = t.path('out');
    const child = spawnCli(['run', t.path('base.yaml'), '--out', out], { entry: path.join(REPO_ROOT, 'test/helpers/fake-engine-cli.ts'), env: { FAKE_ENGINE: 'hang' } });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const result = collectOutput(child);
    await underWay(child, () => stderr.includes('progress:'));
    child.kill('SIGTERM');
    const r = await result;
    expect(r.code).toBe(143);
    expect(r.stderr).toContain('terminated (SIGTERM)');
    expect(existsSync(path.join(out, 'summary.json'))).toBe(false);
  });

  it('stops a part of a scaled-out run with the real engine: exit 143, no part file', async () => {
    const out = t.path('parted');
    // 64 shards: the signal lands long before the part is done.
    const child = spawnCli(['run', t.path('base.yaml'), '--paths', '8', '--borrowers', '16000', '--set', 'run.shardSize=2000', '--workers', '1', '--part', '0/1', '--out', out]);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const result = collectOutput(child);
    await underWay(child, () => stderr.includes('progress:'));
    child.kill('SIGTERM');
    const r = await result;
    expect(r.code, r.stderr).toBe(143);
    expect(existsSync(path.join(out, 'parts'))).toBe(false);
  });

  it('stops a stress run: exit 143 naming the resume command, finished shards kept, no stress.json', async () => {
    const s = tinySuite('{ annualDefaultRate: 0.5 }', '{ paths: 8, borrowersPerPath: 16000, shardSize: 2000 }');
    try {
      const dir = s.path('run');
      const shards = () => (existsSync(path.join(dir, 'shards', 'baseline')) ? readdirSync(path.join(dir, 'shards', 'baseline')).filter((f) => f.endsWith('.bin')).length : 0);
      const child = spawnCli(['stress', s.suite, '--history', s.path('history.jsonl'), '--workers', '2', '--out', dir]);
      const result = collectOutput(child);
      await underWay(child, () => shards() >= 2);
      child.kill('SIGTERM');
      const r = await result;
      expect(r.code, r.stderr).toBe(143);
      expect(r.stderr).toContain(`--resume ${dir}`);
      expect(shards()).toBeGreaterThanOrEqual(2);
      expect(existsSync(path.join(dir, 'stress.json'))).toBe(false);
    } finally {
      s.cleanup();
    }
  });
});

describe('one writer per output folder', () => {
  it('a second command on a folder in use is refused, naming the first; once released the folder is free', async () => {
    const held = await lockFolder(t.path('busy'), 'limitlab run first.yaml');
    expect(held.ok).toBe(true);
    const r = await inProcess(['run', 'base.yaml', '--out', 'busy', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`busy is being written by pid ${process.pid} on ${hostname()} (limitlab run first.yaml`);
    expect(existsSync(t.path('busy/summary.json'))).toBe(false);
    if (held.ok) await held.release();
    expect((await inProcess(['run', 'base.yaml', '--out', 'busy', '--quiet'])).code).toBe(0);
  });

  it('compare and sweep are refused on a folder in use too, before simulating, and leave it as it was', async () => {
    t.write({ 'alt.yaml': 'extends: base.yaml\nname: alt\nmacro: { shocks: [{ fromDay: 90, toDay: 450, shift: -2 }] }\n' });
    const held = await lockFolder(t.path('busy2'), 'limitlab sweep other.yaml');
    expect(held.ok).toBe(true);
    const before = readdirSync(t.path('busy2')).sort();
    for (const args of [
      ['compare', 'base.yaml', 'alt.yaml', '--out', 'busy2', '--quiet'],
      ['sweep', 'base.yaml', '--grid', 'freeze.riskModel.velocity.maxDraws=2,4', '--out', 'busy2', '--quiet'],
    ]) {
      const r = await inProcess(args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`busy2 is being written by pid ${process.pid} on ${hostname()} (limitlab sweep other.yaml`);
      expect(readdirSync(t.path('busy2')).sort()).toEqual(before);
    }
    if (held.ok) await held.release();
  });

  it('a lock left by a process that died is taken over', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(dead.stdout);
    mkdirSync(t.path(`stale/${LOCK_NAME}`), { recursive: true });
    writeFileSync(t.path(`stale/${LOCK_NAME}.json`), JSON.stringify({ pid, host: hostname(), command: 'limitlab run gone.yaml', since: '2026-01-01T00:00:00Z' }));
    const r = await inProcess(['run', 'base.yaml', '--out', 'stale', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(t.path(`stale/${LOCK_NAME}`))).toBe(false);
  });
});

describe('a run never silently replaces another scenario’s results', () => {
  beforeEach(() => {
    // A policy file on top of the baseline that inherits its name, as a new user writes one.
    t.write({ 'noname.yaml': 'extends: base.yaml\nmacro: { shocks: [{ fromDay: 90, toDay: 450, shift: -2 }] }\n' });
  });

  it('a scenario that inherits its name goes to a folder named from its file', async () => {
    expect((await inProcess(['run', 'base.yaml', '--quiet'])).code).toBe(0);
    const before = readFileSync(t.path('reports/baseline/summary.json'), 'utf8');
    const r = await inProcess(['run', 'noname.yaml', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('reports/noname/summary.json');
    expect(readFileSync(t.path('reports/baseline/summary.json'), 'utf8')).toBe(before);
  });

  it('a folder holding another scenario’s results is refused without --force, replaced with it', async () => {
    expect((await inProcess(['run', 'base.yaml', '--out', 'shared', '--quiet'])).code).toBe(0);
    const before = readFileSync(t.path('shared/summary.json'), 'utf8');
    const r = await inProcess(['run', 'noname.yaml', '--out', 'shared', '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shared holds the results of another scenario ("baseline")');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(t.path('shared/summary.json'), 'utf8')).toBe(before);
    expect((await inProcess(['run', 'noname.yaml', '--out', 'shared', '--quiet', '--force'])).code).toBe(0);
    expect(readFileSync(t.path('shared/summary.json'), 'utf8')).not.toBe(before);
  });

  it('the same scenario with another seed or size may rerun into its folder', async () => {
    expect((await inProcess(['run', 'base.yaml', '--out', 'again', '--quiet'])).code).toBe(0);
    expect((await inProcess(['run', 'base.yaml', '--out', 'again', '--quiet', '--seed', '9', '--paths', '40'])).code).toBe(0);
  });
});

describe('a .json scenario must be JSON', () => {
  it('a trailing comma is a JSON syntax error naming the file and line (exit 2)', async () => {
    t.write({ 'comma.json': '{\n  "extends": "base.yaml",\n  "seed": 7,\n}\n', 'fine.json': '{ "extends": "base.yaml", "seed": 7 }\n' });
    const bad = await inProcess(['validate', 'comma.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^comma\.json:4:1: JSON syntax error/m);
    expect((await inProcess(['validate', 'fine.json'])).code).toBe(0);
  });
});
