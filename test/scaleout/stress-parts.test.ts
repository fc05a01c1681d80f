/**
 * A stress suite as parts: `stress SUITE --part I/N` then `merge` give the same
 * per-scenario summaries (byte for byte outside manifest.execution), the same
 * verdicts and breaches, the same exit code (3 on a breach) and one history
 * line per scenario, as one `stress` run — the truth being that single run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { readStress, type SuiteFolder, summaryWithoutExecution, tinySuite } from '../stress/helpers.js';

let t: SuiteFolder;
// a limit no book meets: the suite breaches, exit 3
beforeAll(() => (t = tinySuite('{ annualDefaultRate: 0.0001 }')));
afterAll(() => t?.cleanup());

const cli = (args: string[]) => runInProcess(args, { cwd: t.dir, realEngine: true });
const historyLines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('stress --part and merge', () => {
  it('3 parts (one spanning both scenarios) merge to the single run: summaries, verdicts, exit 3, history', async () => {
    const single = await cli(['stress', t.suite, '--out', 'single', '--history', 'h-single.jsonl', '--workers', '1', '--quiet']);
    expect(single.code, single.stderr).toBe(3);
    for (let i = 0; i < 3; i++) {
      const r = await cli(['stress', t.suite, '--part', `${i}/3`, '--out', 'multi', '--workers', '1', '--quiet']);
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = await cli(['merge', 'multi', '--history', 'h-multi.jsonl', '--quiet']);
    expect(merged.code, merged.stderr).toBe(3);
    expect(merged.stdout).toContain('BREACH');

    const a = readStress(t.path('single'));
    const b = readStress(t.path('multi'));
    expect(b.breaches).toEqual(a.breaches);
    expect(b.scenarios.map((s) => s.verdicts)).toEqual(a.scenarios.map((s) => s.verdicts));
    for (const s of a.scenarios) {
      expect(summaryWithoutExecution(t.path(path.join('multi', s.summary))), s.name).toBe(summaryWithoutExecution(t.path(path.join('single', s.summary))));
    }
    const strip = (l: Record<string, unknown>) => ({ ...l, timestamp: null, run: null });
    expect(historyLines(t.path('h-multi.jsonl')).map(strip)).toEqual(historyLines(t.path('h-single.jsonl')).map(strip));
  });

  it('a corrupted stress part is refused naming it, and nothing is written', async () => {
    for (let i = 0; i < 2; i++) expect((await cli(['stress', t.suite, '--part', `${i}/2`, '--out', 'spoiled', '--workers', '1', '--quiet'])).code).toBe(0);
    const file = t.path('spoiled/parts/part-1-of-2');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"accumulators": "') + 30;
    writeFileSync(file, text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1));
    const r = await cli(['merge', 'spoiled', '--history', 'h-spoiled.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('part-1-of-2');
    expect(r.stderr).toContain('checksum');
    expect(() => readFileSync(t.path('spoiled/stress.json'))).toThrow();
    expect(() => readFileSync(t.path('h-spoiled.jsonl'))).toThrow();
  });

  it('--part needs --out', async () => {
    const r = await cli(['stress', t.suite, '--part', '0/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--part needs --out');
  });
});
