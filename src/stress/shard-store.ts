/**
 * Nothing lost: each finished shard's accumulator is kept in the run folder as
 * it completes, so a killed run can be resumed without redoing it.
 *
 *   DIR/shards/manifest.json         what the shards belong to (suite and scenario hashes)
 *   DIR/shards/<folder>/<index>.bin  one shard's accumulator: its Float64Array bytes,
 *                                    then the sha256 of those bytes (32 bytes)
 *
 * Every file is written atomically (temporary file, fsync, rename), so a shard
 * file is whole or absent; the digest catches what atomicity cannot (a disk or
 * a copy that changed a byte). A resume reloads the shards of a matching
 * manifest and refuses one that does not match: mixing shards of two different
 * suites would give a result neither would.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { planShards } from '../engine/plan.js';
import { makeClock } from '../model/clock.js';
import { makeLayout } from '../results/layout.js';
import { formatJson, writeFileAtomic } from '../util/atomic-write.js';
import { bytesToF64, f64Bytes, SHA256_BYTES, sha256 } from '../util/f64-bytes.js';
import { isPlainObject } from '../util/plain-object.js';
import { stressMessages } from '../messages.js';
import type { ResolvedSuite, RunManifest } from './types.js';

export const SHARDS_DIR = 'shards';
export const RUN_MANIFEST = path.join(SHARDS_DIR, 'manifest.json');

export function shardFile(dir: string, folder: string, index: number): string {
  return path.join(dir, SHARDS_DIR, folder, `${index}.bin`);
}

/** The manifest of a run of `suite`: per scenario its hash, shard count and accumulator size. */
export function runManifest(suite: ResolvedSuite, run: RunManifest['run'], version: string): RunManifest {
  return {
    schemaVersion: 1,
    kind: 'limitlab-stress-run',
    version,
    suite: { name: suite.name, file: suite.file, hash: suite.hash },
    run,
    scenarios: suite.members.map((m) => ({
      name: m.name,
      folder: m.folder,
      scenarioHash: m.hash,
      shards: planShards(m.scenario).length,
      slots: makeLayout(m.scenario.segments.length, makeClock(m.scenario).steps).size,
      scenario: m.scenario,
    })),
  };
}

export function writeRunManifest(dir: string, manifest: RunManifest): Promise<void> {
  return writeFileAtomic(path.join(dir, RUN_MANIFEST), () => formatJson(manifest));
}

/** The manifest of an earlier run, or undefined when DIR holds none (or an unreadable one). */
export async function readRunManifest(dir: string): Promise<RunManifest | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path.join(dir, RUN_MANIFEST), 'utf8'));
    if (isPlainObject(value) && value['kind'] === 'limitlab-stress-run' && Array.isArray(value['scenarios'])) return value as unknown as RunManifest;
  } catch {
    // absent or torn: not a run this command can continue
  }
  return undefined;
}

/** Why a resume of `recorded` with `current` would mix different runs; empty when it may go ahead. */
export function resumeMismatches(recorded: RunManifest, current: RunManifest): string[] {
  const out: string[] = [];
  if (recorded.version !== current.version) out.push(`it was run by limitlab ${recorded.version}, this is ${current.version}`);
  if (recorded.suite.hash === current.suite.hash) return out;
  out.push(`suite hash ${short(recorded.suite.hash)} then, ${short(current.suite.hash)} now`);
  const before = new Map(recorded.scenarios.map((s) => [s.name, s]));
  const now = new Map(current.scenarios.map((s) => [s.name, s]));
  for (const [name, s] of now) {
    const was = before.get(name);
    if (!was) out.push(`scenario "${name}" was not in the run`);
    else if (was.scenarioHash !== s.scenarioHash) {
      const fields = was.scenario && s.scenario ? changedFields(was.scenario, s.scenario) : [];
      out.push(
        fields.length > 0
          ? `scenario "${name}" changed: ${fields.join(', ')}`
          : `scenario "${name}" changed (hash ${short(was.scenarioHash)} then, ${short(s.scenarioHash)} now)`,
      );
    }
  }
  for (const name of before.keys()) if (!now.has(name)) out.push(`scenario "${name}" is no longer in the suite`);
  return out;
}

const short = (hash: string): string => hash.slice(0, 12);

const MAX_FIELDS = 8;

/** `run.paths 40 then, 4 now`: the leaves that differ between two resolved scenarios (at most MAX_FIELDS, then `…`). */
export function changedFields(then: unknown, now: unknown): string[] {
  const out: string[] = [];
  const show = (v: unknown): string => (v === undefined ? 'absent' : JSON.stringify(v));
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (out.length > MAX_FIELDS) return;
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], at ? `${at}.${k}` : k);
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((x, i) => walk(x, b[i], `${at}.${i}`));
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push(`${at} ${show(a)} then, ${show(b)} now`);
    }
  };
  walk(then, now, '');
  return out.length > MAX_FIELDS ? [...out.slice(0, MAX_FIELDS), '…'] : out;
}

/** Persist one finished shard: its bytes and their digest. */
export function writeShard(dir: string, folder: string, index: number, acc: Float64Array): Promise<void> {
  const bytes = f64Bytes(acc);
  return writeFileAtomic(shardFile(dir, folder, index), Buffer.concat([bytes, sha256(bytes)]));
}

/**
 * The shards of one scenario already finished, by global shard index. A file of
 * the wrong size (not written by this suite's engine) or whose digest does not
 * match its bytes (corrupted) is skipped with a warning and recomputed.
 */
export async function loadShards(
  dir: string,
  scenario: { folder: string; shards: number; slots: number },
  warn: (text: string) => void,
): Promise<Map<number, Float64Array>> {
  const folder = path.join(dir, SHARDS_DIR, scenario.folder);
  const done = new Map<number, Float64Array>();
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return done;
    throw e;
  }
  for (const name of names) {
    const m = /^(\d+)\.bin$/.exec(name);
    if (!m) continue;
    const index = Number(m[1]);
    const file = path.join(folder, name);
    if (index >= scenario.shards) {
      warn(stressMessages.badShard(file, `the scenario has ${scenario.shards} shards`));
      continue;
    }
    const bytes = await readFile(file);
    const size = scenario.slots * 8;
    if (bytes.byteLength !== size + SHA256_BYTES) {
      warn(stressMessages.badShard(file, `${bytes.byteLength} bytes, expected ${size + SHA256_BYTES}`));
      continue;
    }
    const data = bytes.subarray(0, size);
    if (!sha256(data).equals(bytes.subarray(size))) {
      warn(stressMessages.badShard(file, 'its checksum does not match its content'));
      continue;
    }
    done.set(index, bytesToF64(data));
  }
  return done;
}
