/**
 * `limitlab export SUMMARY.json --csv DIR`: one row per path, per step and per
 * headline figure, values as in the summary; bad input exits 2 naming the file
 * and leaves nothing behind.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Summary } from '../../src/results/types.js';
import { makeSummaryFixture, writeSummaryFixture } from '../fixtures/summary-fixture.js';
import { runInProcess } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'limitlab-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A minimal CSV reader for these files (no quoted newlines in numeric tables). */
function rows(text: string): string[][] {
  return text.trimEnd().split('\r\n').map((line) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
        else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') out.push(cur), (cur = '');
      else cur += ch;
    }
    out.push(cur);
    return out;
  });
}
const num = (s: string): number | null => (s === '' ? null : Number(s));

describe('limitlab export --csv', () => {
  it('writes per-path, time-series, headline and segment tables that round-trip the summary', async () => {
    const file = await writeSummaryFixture(path.join(dir, 'run/summary.json'));
    const summary = makeSummaryFixture() as Summary;
    const r = await runInProcess(['export', file, '--csv', path.join(dir, 'csv')], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^csv: csv\/ /);

    const perPath = rows(await readFile(path.join(dir, 'csv/per-path.csv'), 'utf8'));
    const figures = Object.keys(summary.perPath);
    expect(perPath[0]).toEqual(['path', ...figures]);
    expect(perPath.length - 1).toBe(summary.manifest.paths);
    for (const [c, name] of figures.entries()) expect(perPath.slice(1).map((row) => num(row[c + 1]!))).toEqual(summary.perPath[name]);

    const ts = rows(await readFile(path.join(dir, 'csv/time-series.csv'), 'utf8'));
    expect(ts.length - 1).toBe(summary.timeSeries.day.length);
    const col = ts[0]!.indexOf('exposure.mean');
    expect(ts.slice(1).map((row) => num(row[col]!))).toEqual(summary.timeSeries.exposure.mean);
    expect(ts.slice(1).map((row) => Number(row[1]))).toEqual(summary.timeSeries.day);

    const head = rows(await readFile(path.join(dir, 'csv/headline.csv'), 'utf8'));
    expect(head.length - 1).toBe(Object.keys(summary.headline).length);
    const loss = head.find((row) => row[0] === 'lossRate')!;
    expect(num(loss[head[0]!.indexOf('mean')]!)).toBe(summary.headline['lossRate']!.mean);
    expect(loss[head[0]!.indexOf('horizon')]).toBe('horizon');

    const seg = rows(await readFile(path.join(dir, 'csv/segments.csv'), 'utf8'));
    expect(seg.length - 1).toBe(summary.segments.reduce((n, s) => n + Object.keys(s.headline).length, 0));
  });

  it('exits 2 naming the file for something that is not a summary, and writes nothing', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(parse('schemaVersion: 1\nmanifest: {}')));
    const r = await runInProcess(['export', bad, '--csv', path.join(dir, 'nothing')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.json: not a limitlab summary\.json: field manifest\./);
    expect(existsSync(path.join(dir, 'nothing'))).toBe(false);
  });
});
