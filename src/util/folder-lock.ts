/**
 * One writer per output folder. Two commands writing the same folder at once
 * would interleave their files (a summary of one run beside the report of
 * another); the second is refused, naming the first.
 *
 *   DIR/.limitlab-lock        the lock (proper-lockfile: an atomic mkdir, its mtime refreshed while held)
 *   DIR/.limitlab-lock.json   who holds it: pid, host, command, since when
 *
 * A lock whose holder died is taken over: at once when the holder ran on this
 * host and its pid is gone, otherwise once the lock has not been refreshed for
 * STALE_MS (a crashed process on another machine of a shared file system).
 */
import { mkdir, readFile, rmdir, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { formatJson, writeFileAtomic } from './atomic-write.js';

export const LOCK_NAME = '.limitlab-lock';
export const STALE_MS = 30_000;

export interface LockOwner {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export type Locked = { ok: true; release: () => Promise<void> } | { ok: false; owner: LockOwner | undefined };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(dir: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, `${LOCK_NAME}.json`), 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Take the folder's lock (creating the folder), or say who holds it. */
export async function lockFolder(dir: string, command: string): Promise<Locked> {
  // A folder made only to hold the lock is removed with it when nothing else was written (an interrupted run leaves no trace).
  const created = (await mkdir(dir, { recursive: true })) !== undefined;
  const lockPath = path.join(dir, LOCK_NAME);
  const ownerFile = path.join(dir, `${LOCK_NAME}.json`);
  const attempt = () => lockfile.lock(dir, { lockfilePath: lockPath, stale: STALE_MS, realpath: false, onCompromised: () => undefined });
  let release: () => Promise<void>;
  try {
    release = await attempt();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    const owner = await readOwner(dir);
    // The holder died on this very host: its lock is taken over without waiting for it to go stale.
    if (!owner || owner.host !== hostname() || alive(owner.pid)) return { ok: false, owner };
    await rmdir(lockPath).catch(() => undefined);
    try {
      release = await attempt();
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'ELOCKED') throw again;
      return { ok: false, owner: await readOwner(dir) };
    }
  }
  const me: LockOwner = { pid: process.pid, host: hostname(), command, since: new Date().toISOString() };
  await writeFileAtomic(ownerFile, formatJson(me));
  return {
    ok: true,
    release: async () => {
      await unlink(ownerFile).catch(() => undefined);
      await release().catch(() => undefined);
      if (created) await rmdir(dir).catch(() => undefined);
    },
  };
}

/** `pid 4242 on node-3 (limitlab run x.yaml, since 2026-…)` */
export function describeOwner(owner: LockOwner | undefined): string {
  return owner ? `pid ${owner.pid} on ${owner.host} (${owner.command}, since ${owner.since})` : 'another limitlab process';
}
