/**
 * The history of scheduled runs: `history.jsonl`, one JSON line per scenario
 * per run. Append only, never rewritten, so a crash can at worst leave a torn
 * last line, which reading skips with a warning. Appending is idempotent per
 * run: a resumed run whose lines are already there appends nothing.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isPlainObject } from '../util/plain-object.js';
import { stressMessages } from '../messages.js';
import type { HistoryEntry, StressResult } from './types.js';

/** The history lines of a finished run, one per scenario. */
export function historyEntries(result: StressResult): HistoryEntry[] {
  return result.scenarios.map((s) => ({
    timestamp: result.run.startedAt,
    run: result.run.id,
    suite: result.suite.name,
    suiteHash: result.suite.hash,
    scenario: s.name,
    scenarioHash: s.scenarioHash,
    seed: result.population.seed,
    version: result.run.version,
    paths: result.population.paths,
    borrowersPerPath: result.population.borrowersPerPath,
    headline: Object.fromEntries(Object.entries(s.headline).map(([k, v]) => [k, { mean: v.mean, ci95: v.ci95 }])),
    verdicts: s.verdicts.map((v) => ({ figure: v.figure, bound: v.bound, limit: v.limit, value: v.value, verdict: v.verdict })),
  }));
}

/**
 * Every readable line of the history, in file order; a missing file is an empty
 * history. A line that is not a whole entry is skipped with a warning, never fatal.
 */
export async function readHistory(file: string, warn: (text: string) => void, shown = file): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const lines = text.split('\n');
  // The text after the last newline is a line only if something was written there: a torn append.
  const last = lines.length - 1;
  const out: HistoryEntry[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      warn(i === last ? stressMessages.tornLastLine(shown, i + 1) : stressMessages.badHistoryLine(shown, i + 1, (e as Error).message));
      return;
    }
    if (!isHistoryEntry(value)) {
      warn(i === last ? stressMessages.tornLastLine(shown, i + 1) : stressMessages.badHistoryLine(shown, i + 1, 'not a history entry'));
      return;
    }
    out.push(value);
  });
  return out;
}

/**
 * Appends the entries not already in `existing` (same run and scenario) as one
 * write, then flushes it to disk. Starts on a fresh line when the file ends in
 * a torn line, so the new lines stay readable. Returns the entries appended.
 */
export async function appendHistory(file: string, entries: readonly HistoryEntry[], existing: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const seen = new Set(existing.map((e) => key(e)));
  const fresh = entries.filter((e) => !seen.has(key(e)));
  if (fresh.length === 0) return [];
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let lead = '';
    if (size > 0) {
      const lastByte = Buffer.alloc(1);
      await handle.read(lastByte, 0, 1, size - 1);
      if (lastByte[0] !== 0x0a) lead = '\n';
    }
    await handle.appendFile(lead + fresh.map((e) => `${JSON.stringify(e)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return fresh;
}

const key = (e: Pick<HistoryEntry, 'run' | 'scenario'>): string => JSON.stringify([e.run, e.scenario]);

function isHistoryEntry(v: unknown): v is HistoryEntry {
  return (
    isPlainObject(v) &&
    typeof v['timestamp'] === 'string' &&
    typeof v['run'] === 'string' &&
    typeof v['suite'] === 'string' &&
    typeof v['scenario'] === 'string' &&
    isPlainObject(v['headline']) &&
    Array.isArray(v['verdicts'])
  );
}
