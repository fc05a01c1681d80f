/**
 * The history file: append only, read back in order, a torn last line (a crash
 * while appending) skipped with a warning and never fatal, and appending
 * idempotent per run (a resumed run does not add its lines twice).
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory, readHistory } from '../../src/stress/history.js';
import type { HistoryEntry } from '../../src/stress/types.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'limitlab-history-'));
  file = path.join(dir, 'sub', 'history.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function entry(run: string, scenario: string, mean: number): HistoryEntry {
  return {
    timestamp: `2026-01-0${run}T02:00:00.000Z`,
    run,
    suite: 'nightly',
    suiteHash: 'h',
    scenario,
    scenarioHash: 's',
    seed: 1,
    version: '0.1.0',
    paths: 4,
    borrowersPerPath: 200,
    headline: { annualDefaultRate: { mean, ci95: [mean - 0.001, mean + 0.001] } },
    verdicts: [{ figure: 'annualDefaultRate', bound: 'max', limit: 0.025, value: mean, verdict: 'green' }],
  };
}

describe('history.jsonl', () => {
  it('appends one line per entry and reads them back in order', async () => {
    const warnings: string[] = [];
    await appendHistory(file, [entry('1', 'a', 0.01), entry('1', 'b', 0.02)], []);
    const first = await readHistory(file, (w) => warnings.push(w));
    await appendHistory(file, [entry('2', 'a', 0.011)], first);
    const all = await readHistory(file, (w) => warnings.push(w));
    expect(all.map((e) => [e.run, e.scenario])).toEqual([['1', 'a'], ['1', 'b'], ['2', 'a']]);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(4); // three lines and the final newline
    expect(warnings).toEqual([]);
  });

  it('never appends a run twice', async () => {
    await appendHistory(file, [entry('1', 'a', 0.01)], []);
    const before = readFileSync(file, 'utf8');
    expect(await appendHistory(file, [entry('1', 'a', 0.01)], await readHistory(file, () => undefined))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('skips a torn last line with a warning, and the next append starts on a new line', async () => {
    await appendHistory(file, [entry('1', 'a', 0.01)], []);
    const whole = JSON.stringify(entry('2', 'a', 0.012));
    appendFileSync(file, whole.slice(0, 40)); // a crash in the middle of an append
    const warnings: string[] = [];
    const read = await readHistory(file, (w) => warnings.push(w), 'history.jsonl');
    expect(read.map((e) => e.run)).toEqual(['1']);
    expect(warnings).toEqual(['history.jsonl:2: skipping an incomplete last line (a run was interrupted while appending?)']);

    await appendHistory(file, [entry('3', 'a', 0.013)], read);
    const again: string[] = [];
    expect((await readHistory(file, (w) => again.push(w))).map((e) => e.run)).toEqual(['1', '3']);
    expect(again).toHaveLength(1); // the torn line stays where it was (append only), now in the middle
    expect(again[0]).toMatch(/:2: skipping an unreadable line/);
  });

  it('a missing file is an empty history; a line that is not an entry is skipped', async () => {
    expect(await readHistory(file, () => undefined)).toEqual([]);
    writeFileSync(path.join(dir, 'h.jsonl'), `{"not":"an entry"}\n${JSON.stringify(entry('1', 'a', 0.01))}\n`);
    const warnings: string[] = [];
    expect(await readHistory(path.join(dir, 'h.jsonl'), (w) => warnings.push(w))).toHaveLength(1);
    expect(warnings[0]).toMatch(/:1: skipping an unreadable line \(not a history entry\)$/);
  });
});
