/**
 * run --part and merge, in-process with the real engine: the merged summary
 * equals a single-process run byte for byte outside manifest.execution (the
 * truth here is the single run, computed by a different path through the
 * engine: one fold as shards complete in a pool, no part files), and every
 * bad part set is refused naming the part, with nothing written.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.js';
import { runInProcess } from '../helpers/cli.js';
import { BASELINE_FILE } from '../helpers/scenario-files.js';
import { summaryWithoutExecution } from '../stress/helpers.js';

// 4 paths × 400 borrowers in shards of 100: 16 shards, a fraction of a second.
const SIZE = ['--paths', '4', '--borrowers', '400', '--set', 'run.shardSize=100', '--workers', '1', '--quiet'];
let tmp: string;
const at = (...p: string[]) => path.join(tmp, ...p);
const cli = (args: string[], env: Record<string, string> = {}) => runInProcess(args, { cwd: tmp, engine: runScenario, env });
const part = (dir: string, spec: string, extra: string[] = [], env: Record<string, string> = {}) =>
  cli(['run', BASELINE_FILE, ...SIZE, ...extra, '--part', spec, '--out', dir], env);

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'limitlab-scaleout-'));
  expect((await cli(['run', BASELINE_FILE, ...SIZE, '--out', 'single'])).code).toBe(0);
  for (let i = 0; i < 4; i++) expect((await part('four', `${i}/4`)).code).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the four good parts to spoil. */
function copyParts(name: string): string {
  cpSync(at('four', 'parts'), at(name, 'parts'), { recursive: true });
  return at(name);
}

describe('merge of parts', () => {
  it('4 parts merge to the single run: summary.json and every chart byte-identical, outside manifest.execution', async () => {
    const r = await cli(['merge', 'four']);
    expect(r.code, r.stderr).toBe(0);
    expect(summaryWithoutExecution(at('four', 'summary.json'))).toBe(summaryWithoutExecution(at('single', 'summary.json')));
    const charts = readdirSync(at('single', 'charts'));
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) expect(readFileSync(at('four', 'charts', c)), c).toEqual(readFileSync(at('single', 'charts', c)));
    const exec = JSON.parse(readFileSync(at('four', 'summary.json'), 'utf8')).manifest.execution;
    expect(exec.parts.count).toBe(4);
    expect(exec.parts.hosts.length).toBe(1);
  });

  it('uneven splits and more parts than shards (empty parts) merge to the same bytes', async () => {
    for (const count of [3, 17]) {
      const dir = `split-${count}`;
      for (let i = 0; i < count; i++) expect((await part(dir, `${i}/${count}`)).code).toBe(0);
      expect((await cli(['merge', dir])).code).toBe(0);
      expect(summaryWithoutExecution(at(dir, 'summary.json')), `${count} parts`).toBe(summaryWithoutExecution(at('single', 'summary.json')));
    }
  });

  it('a retried part writes the same bytes; the index can come from the scheduler', async () => {
    const before = readFileSync(at('four', 'parts', 'part-2-of-4'));
    expect((await part('retry', 'auto', [], { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4' })).code).toBe(0);
    expect((await part('retry', 'auto/4', [], { JOB_COMPLETION_INDEX: '2' })).code).toBe(0);
    expect(readFileSync(at('retry', 'parts', 'part-2-of-4'))).toEqual(before);
  });
});

describe('a bad set of parts is refused (exit 2, naming the part), and nothing is written', () => {
  /** merge `dir` expecting a refusal mentioning `words`; an earlier summary there stays as it was */
  async function refused(dir: string, ...words: string[]): Promise<string> {
    writeFileSync(path.join(dir, 'summary.json'), 'earlier result\n');
    const r = await cli(['merge', dir]);
    expect(r.code).toBe(2);
    for (const w of words) expect(r.stderr).toContain(w);
    expect(readFileSync(path.join(dir, 'summary.json'), 'utf8')).toBe('earlier result\n');
    expect(existsSync(path.join(dir, 'report.html'))).toBe(false);
    return r.stderr;
  }

  it('a missing part', async () => {
    const dir = copyParts('missing');
    rmSync(path.join(dir, 'parts', 'part-1-of-4'));
    await refused(dir, 'part-1-of-4', 'missing');
  });

  it('a corrupted part of the right size (one base64 character of the accumulators changed)', async () => {
    const dir = copyParts('corrupt');
    const file = path.join(dir, 'parts', 'part-3-of-4');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"accumulators": "') + 40;
    const spoiled = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    expect(spoiled.length).toBe(text.length);
    writeFileSync(file, spoiled);
    await refused(dir, 'part-3-of-4', 'checksum');
  });

  it('a torn part (cut short)', async () => {
    const dir = copyParts('torn');
    const file = path.join(dir, 'parts', 'part-0-of-4');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    await refused(dir, 'part-0-of-4', 'not valid JSON');
  });

  it('a foreign part (another seed) in place of part 1', async () => {
    const dir = copyParts('foreign');
    expect((await part('other-seed', '1/4', ['--seed', '7'])).code).toBe(0);
    cpSync(at('other-seed', 'parts', 'part-1-of-4'), path.join(dir, 'parts', 'part-1-of-4'));
    await refused(dir, 'part-1-of-4', 'another run', 'seed 7');
  });

  it('a duplicated part (part 0 copied over as part 2)', async () => {
    const dir = copyParts('duplicate');
    cpSync(path.join(dir, 'parts', 'part-0-of-4'), path.join(dir, 'parts', 'part-2-of-4'));
    await refused(dir, 'part-2-of-4', 'says it is part 0 of 4');
  });

  it('parts of two different splits in one folder', async () => {
    const dir = copyParts('mixed');
    expect((await part('mixed', '0/2')).code).toBe(0);
    await refused(dir, 'different splits');
  });

  it('a folder without parts', async () => {
    const r = await cli(['merge', 'nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no parts to merge');
  });
});
