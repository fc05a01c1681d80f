/**
 * The CLI as a real process (`node --import tsx src/cli/main.ts`): exit codes
 * as a shell sees them, Ctrl-C, and one small run through the real engine.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectOutput, REPO_ROOT, runCli, spawnCli } from '../helpers/cli.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'limitlab-cli-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const BASELINE = path.join(REPO_ROOT, 'scenarios/baseline.yaml');

describe('exit codes', () => {
  it.each([[[]], [['run']], [['validate']], [['schema']]])('--help %j exits 0 with usage on stdout', async (cmd) => {
    const r = await runCli([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: limitlab/);
  });

  it('--version exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  it('an unknown flag, an unknown command and no command exit 2', async () => {
    expect((await runCli(['validate', BASELINE, '--frob'])).code).toBe(2);
    expect((await runCli(['simulate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it('a non-integer --workers exits 2 naming the flag', async () => {
    const r = await runCli(['run', BASELINE, '--workers', '1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a positive integer/);
  });

  it('a scenario error exits 2 with FILE:line:col: field: message', async () => {
    const r = await runCli(['validate', 'scenarios/baseline.yaml', '--set', 'clock.stepDays=7']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^scenarios\/baseline\.yaml: clock\.stepDays: must divide 30 .* \(from --set clock\.stepDays=7\)$/m);
    expect(r.stderr).toMatch(/^scenarios\/baseline\.yaml:\d+:\d+: clock\.horizonDays: must be a multiple of clock\.stepDays \(7 days\), got 720$/m);
  });

  it('validate and schema print to stdout and exit 0', async () => {
    const v = await runCli(['validate', BASELINE, '--json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).name).toBe('baseline');
    const s = await runCli(['schema']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).title).toBe('limitlab scenario');
  });
});

describe('Ctrl-C', () => {
  it('prints "interrupted", exits 130 promptly and writes nothing', async () => {
    const out = path.join(dir, 'out');
    const child = spawnCli(['run', BASELINE, '--out', out], {
      entry: path.join(REPO_ROOT, 'test/helpers/fake-engine-cli.ts'),
      env: { FAKE_ENGINE: 'hang' },
    });
    const result = collectOutput(child);
    // wait until the run is under way (its first progress line), then press Ctrl-C
    await new Promise<void>((resolve) => child.stderr!.on('data', (d: Buffer) => d.toString().includes('progress:') && resolve()));
    const sent = Date.now();
    child.kill('SIGINT');
    const r = await result;
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted\n$/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a real run', () => {
  it('simulates a small scenario and writes summary.json', async () => {
    const out = path.join(dir, 'small');
    const r = await runCli(['run', BASELINE, '--paths', '2', '--borrowers', '200', '--set', 'run.shardSize=100', '--workers', '1', '--out', out, '--quiet', '--json']);
    expect(r.stderr.replace(/^report: .*\n/m, '')).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.manifest.paths).toBe(2);
    expect(summary.manifest.scenario.run.borrowersPerPath).toBe(200);
    expect(JSON.parse(r.stdout)).toEqual(summary.headline);
  });
});

describe('a reader that goes away', () => {
  it('(`limitlab run ... | head`) ends the command quietly, without an EPIPE crash', async () => {
    const child = spawnCli(['run', BASELINE, '--paths', '2', '--borrowers', '100', '--set', 'run.shardSize=100', '--out', path.join(dir, 'o'), '--quiet']);
    child.stdout!.destroy(); // the reader closes before the summary is printed
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, 'o', 'summary.json'))).toBe(true);
  });
});
