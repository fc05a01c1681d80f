/**
 * Where a stress run writes: a dated folder per run (`reports/stress/<UTC
 * timestamp>/`), or the folder given with --out, or the one --resume continues.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RUN_MANIFEST } from './shard-store.js';

export const DEFAULT_PARENT = path.join('reports', 'stress');
export const DEFAULT_HISTORY = path.join(DEFAULT_PARENT, 'history.jsonl');
export const STRESS_FILE = 'stress.json';

/** `2026-05-01T02-00-00Z`: the run's start in UTC, without colons (folder names must work everywhere). */
export function timestampName(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/** A run id unique even for two runs started in the same second into different folders. */
export function newRunId(date: Date): string {
  return `${timestampName(date)}-${randomBytes(3).toString('hex')}`;
}

/** Creates `parent/<timestamp>/` (with `-2`, `-3`, ... when another run took that second) and returns it. */
export async function claimDatedFolder(parent: string, date: Date): Promise<string> {
  await mkdir(parent, { recursive: true });
  const base = timestampName(date);
  for (let n = 1; ; n++) {
    const dir = path.join(parent, n === 1 ? base : `${base}-${n}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

export type OutState = 'absent' | 'empty' | 'not-directory' | 'holds-run' | 'other-files';

/** What is at an --out folder: a new run may go into an absent or empty folder, or one without a run in it. */
export async function outState(dir: string): Promise<OutState> {
  const s = await stat(dir).catch(() => undefined);
  if (!s) return 'absent';
  if (!s.isDirectory()) return 'not-directory';
  const names = await readdir(dir);
  if (names.length === 0) return 'empty';
  const has = async (rel: string) => (await stat(path.join(dir, rel)).catch(() => undefined)) !== undefined;
  return (await has(RUN_MANIFEST)) || (await has(STRESS_FILE)) ? 'holds-run' : 'other-files';
}
