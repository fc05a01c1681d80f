/**
 * Nothing lost, with a real signal: a stress run killed (SIGKILL, no chance to
 * clean up) once some shards are on disk leaves no stress.json; `--resume`
 * reloads the finished shards without redoing them, and every summary equals
 * an uninterrupted run's byte for byte outside `manifest.execution`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectOutput, runCli, spawnCli } from '../helpers/cli.js';
import { readStress, type SuiteFolder, summaryWithoutExecution, tinySuite } from './helpers.js';

// 64 shards a scenario of ~10 ms each, so the kill (after 6 are on disk) lands well
// inside the first scenario even when a busy CI machine delays the polling by
// several hundred milliseconds; tiny shards let the whole run finish first.
const RUN = '{ paths: 8, borrowersPerPath: 16000, shardSize: 2000 }';
const SHARDS_AT_KILL = 6;

let t: SuiteFolder;
beforeAll(() => {
  t = tinySuite('{ annualDefaultRate: 0.5 }', RUN);
});
afterAll(() => t?.cleanup());

function args(...rest: string[]): string[] {
  return ['stress', t.suite, '--history', t.path('history.jsonl'), '--workers', '2', ...rest];
}

function shardFiles(dir: string, folder: string): string[] {
  const d = path.join(dir, 'shards', folder);
  return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.bin')) : [];
}

async function killOnceShardsPersisted(dir: string): Promise<{ signal: string | null; killedWith: number }> {
  const child = spawnCli(args('--out', dir));
  const output = collectOutput(child);
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let killedWith = -1;
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      const n = shardFiles(dir, 'baseline').length;
      if (n >= SHARDS_AT_KILL) {
        clearInterval(timer);
        child.kill('SIGKILL');
        killedWith = n;
        resolve();
      }
    }, 10);
    child.on('exit', () => {
      clearInterval(timer);
      if (killedWith < 0) reject(new Error(`the run ended before it could be killed: ${JSON.stringify(output)}`));
    });
  });
  return { signal: await exited, killedWith };
}

describe('kill -9 midway, then --resume', () => {
  it('matches an uninterrupted run byte for byte outside manifest.execution', async () => {
    const killed = t.path('killed');
    const { signal, killedWith } = await killOnceShardsPersisted(killed);
    expect(signal).toBe('SIGKILL');

    // Nothing that looks final: no stress.json, no suite report, no temporary file left as a shard.
    expect(existsSync(path.join(killed, 'stress.json'))).toBe(false);
    expect(existsSync(path.join(killed, 'report.html'))).toBe(false);
    const persisted = shardFiles(killed, 'baseline');
    expect(persisted.length).toBeGreaterThanOrEqual(killedWith);
    expect(persisted.length + shardFiles(killed, 'severe').length).toBeLessThan(128);
    const before = new Map(persisted.map((f) => [f, statSync(path.join(killed, 'shards', 'baseline', f)).mtimeMs]));

    const resumed = await runCli(args('--resume', killed));
    expect(resumed.stderr).toMatch(new RegExp(`scenario 1/2 "baseline": 64 shards, (\\d+) reloaded from a previous attempt`));
    const reloaded = Number(/"baseline": 64 shards, (\d+) reloaded/.exec(resumed.stderr)![1]);
    expect(reloaded).toBeGreaterThanOrEqual(before.size);
    expect(resumed.code).toBe(0);
    // finished shards were reloaded, not recomputed and rewritten
    for (const [f, mtime] of before) expect(statSync(path.join(killed, 'shards', 'baseline', f)).mtimeMs).toBe(mtime);
    expect(readStress(killed).run.resumed).toBe(true);

    const whole = t.path('whole');
    const uninterrupted = await runCli(args('--out', whole, '--quiet'));
    expect(uninterrupted.code).toBe(0);

    const a = readStress(killed);
    expect(readStress(whole).status).toBe(a.status);
    expect(a.scenarios.map((s) => s.name)).toEqual(['baseline', 'severe']);
    for (const s of a.scenarios) {
      const x = summaryWithoutExecution(path.join(killed, s.summary));
      const y = summaryWithoutExecution(path.join(whole, s.summary));
      expect(x.length).toBeGreaterThan(10_000);
      expect(x === y, `${s.name}: the resumed summary differs from the uninterrupted one`).toBe(true);
    }
  }, 300_000); // three stress runs in child processes: 75 s alone here, over 120 s when the whole suite shares two loaded cores
});
