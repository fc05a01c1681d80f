/**
 * Writing reports: `writeRunReport` (files, atomically), `limitlab report`
 * (rebuild from summary.json; bad input exits 2 naming the file) and the report
 * that `limitlab run` writes beside summary.json.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/report.js';
import { buildRunReport, writeRunReport } from '../../src/report/run-report.js';
import { RUN_CHARTS } from '../../src/report/charts/index.js';
import type { RunScenario } from '../../src/engine/api.js';
import { makeSummaryFixture, writeSummaryFixture } from '../fixtures/summary-fixture.js';
import { runInProcess } from '../helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'limitlab-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function captureIo(cwd: string) {
  const io = { stdout: '', stderr: '', cwd };
  return {
    io: { cwd, stdout: { write: (s: string) => (io.stdout += s) }, stderr: { write: (s: string) => (io.stderr += s) } },
    out: io,
  };
}

describe('writeRunReport', () => {
  it('writes report.html and one SVG per chart, leaving no temporary files', async () => {
    const out = path.join(dir, 'run');
    const files = await writeRunReport(makeSummaryFixture(), out);
    expect(files.html).toBe(path.join(out, 'report.html'));
    expect(files.svgs.map((f) => path.basename(f)).sort()).toEqual(Object.keys(RUN_CHARTS).map((n) => `${n}.svg`).sort());
    expect((await readFile(files.html, 'utf8')).startsWith('<!DOCTYPE html>')).toBe(true);
    for (const svg of files.svgs) expect((await readFile(svg, 'utf8')).startsWith('<svg')).toBe(true);
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await readdir(path.join(out, 'charts'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is deterministic: the same summary gives the same bytes', async () => {
    const a = await buildRunReport(makeSummaryFixture());
    const b = await buildRunReport(JSON.parse(JSON.stringify(makeSummaryFixture())));
    expect(a.html).toBe(b.html);
  });
});

describe('limitlab report', () => {
  it('rebuilds report.html beside the summary from the JSON alone', async () => {
    const sub = path.join(dir, 'rebuild');
    await writeSummaryFixture(path.join(sub, 'summary.json'));
    const { io, out } = captureIo(dir);
    expect(await reportCommand('rebuild/summary.json', {}, io)).toBe(0);
    expect(out.stdout.trim().split('\n').at(-1)).toBe(`report: ${path.join('rebuild', 'report.html')}`);
    expect(await readdir(path.join(sub, 'charts'))).toHaveLength(Object.keys(RUN_CHARTS).length);
    const fromFile = await readFile(path.join(sub, 'report.html'), 'utf8');
    expect(fromFile).toBe((await buildRunReport(makeSummaryFixture())).html);
  });

  it('writes where --out says', async () => {
    await writeSummaryFixture(path.join(dir, 'o', 'summary.json'));
    const { io, out } = captureIo(dir);
    expect(await reportCommand('o/summary.json', { out: 'elsewhere/committee.html' }, io)).toBe(0);
    expect(out.stdout).toContain(`report: ${path.join('elsewhere', 'committee.html')}`);
    expect((await readFile(path.join(dir, 'elsewhere', 'committee.html'), 'utf8')).length).toBeGreaterThan(100_000);
  });

  it.each([
    ['a missing file', null, /missing\.json: file not found/],
    ['broken JSON', '{"schemaVersion": 1,', /broken JSON\.json: JSON syntax error/],
    ['JSON that is not a summary', '{"schemaVersion": 1, "manifest": {}}', /not a summary\.json: not a limitlab summary\.json: field manifest\.tool: /],
    ['another schema version', '{"schemaVersion": 2}', /schemaVersion 1, found 2/],
    ['a list', '[]', /expected a JSON object, found a list/],
  ])('exits 2 naming the file for %s', async (label, content, message) => {
    const name = label === 'a missing file' ? 'missing.json' : `${label}.json`;
    if (content !== null) await writeFile(path.join(dir, name), content);
    const { io, out } = captureIo(dir);
    expect(await reportCommand(name, {}, io)).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr).toContain(name);
    expect(out.stdout).toBe('');
  });
});

describe('limitlab run', () => {
  it('writes report.html beside summary.json and prints its path last', async () => {
    const engine: RunScenario = async () => makeSummaryFixture();
    const out = path.join(dir, 'via-run');
    const result = await runInProcess(['run', 'scenarios/baseline.yaml', '--out', out, '--quiet'], { engine });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^report: .*via-run[/\\]report\.html$/);
    expect(await readdir(out)).toEqual(expect.arrayContaining(['summary.json', 'report.html', 'charts']));
  });
});
