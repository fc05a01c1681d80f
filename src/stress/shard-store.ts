/**
 * Nothing lost: each finished shard's accumulator is kept in the run folder as
 * it completes, so a killed run can be resumed without redoing it.
 *
 *   DIR/shards/manifest.json         what the shards belong to (suite and scenario hashes)
 *   DIR/shards/<folder>/<index>.bin  one shard's accumulator: its Float64Array bytes
 *
 * Every file is written atomically (temporary file, fsync, rename), so a shard
 * file is whole or absent. A resume reloads the shards of a matching manifest
 * and refuses one that does not match: mixing shards of two different suites
 * would give a result neither would.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { planShards } from '../engine/plan.js';
import { makeClock } from '../model/clock.js';
import { makeLayout } from '../results/layout.js';
import { formatJson, writeFileAtomic } from '../util/atomic-write.js';
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
    else if (was.scenarioHash !== s.scenarioHash) out.push(`scenario "${name}" changed (hash ${short(was.scenarioHash)} then, ${short(s.scenarioHash)} now)`);
  }
  for (const name of before.keys()) if (!now.has(name)) out.push(`scenario "${name}" is no longer in the suite`);
  return out;
}

const short = (hash: string): string => hash.slice(0, 12);

/** Persist one finished shard. */
export function writeShard(dir: string, folder: string, index: number, acc: Float64Array): Promise<void> {
  return writeFileAtomic(shardFile(dir, folder, index), new Uint8Array(acc.buffer, acc.byteOffset, acc.byteLength));
}

/**
 * The shards of one scenario already finished, by global shard index. A file of
 * the wrong size (not written by this suite's engine) is skipped with a warning
 * and recomputed.
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
    if (bytes.byteLength !== scenario.slots * 8) {
      warn(stressMessages.badShard(file, `${bytes.byteLength} bytes, expected ${scenario.slots * 8}`));
      continue;
    }
    // A copy: Buffer memory may be pooled and unaligned for a Float64Array view.
    const acc = new Float64Array(scenario.slots);
    new Uint8Array(acc.buffer).set(bytes);
    done.set(index, acc);
  }
  return done;
}
