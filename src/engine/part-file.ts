/**
 * A part file: what one task of a scaled-out run computed, enough for `merge`
 * to check it belongs with the others and to fold it exactly.
 *
 *   DIR/parts/part-I-of-N               the part (JSON, below); same bytes when the task is retried
 *   DIR/parts/part-I-of-N.execution.json where and how long it ran (optional; may differ between retries)
 *
 * The part holds the scenario as resolved, its hash, seed and sizes, the
 * limitlab version, the contiguous block of shard indices it simulated and
 * their raw accumulators (base64 of the Float64Array bytes, shard after shard),
 * and a sha256 of all of that: `checksum` is the digest of the file's JSON
 * without the `checksum` field, as formatJson writes it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../scenario/hash.js';
import { formatJson } from '../util/atomic-write.js';
import { bytesToF64, f64Bytes, sha256Label } from '../util/f64-bytes.js';
import { isPlainObject } from '../util/plain-object.js';
import { type PartSpec, partFileName } from './parts.js';

export const PARTS_DIR = 'parts';
export const PART_KIND = 'limitlab-part';
/** a stress suite's part (src/stress/parts.ts); named here so `merge` can tell the kinds apart without loading the engine */
export const STRESS_PART_KIND = 'limitlab-stress-part';

/** A part set that cannot be merged; the message names the part. */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export interface PartContent {
  kind: typeof PART_KIND;
  schemaVersion: 1;
  part: PartSpec;
  version: string;
  scenarioHash: string;
  seed: number;
  paths: number;
  borrowersPerPath: number;
  shardSize: number;
  /** shards in the whole plan */
  shards: number;
  /** float64 values per shard accumulator */
  slots: number;
  /** this part's shards: first, first + 1, …, first + count − 1 */
  shardIndices: { first: number; count: number };
  scenario: Scenario;
  /** base64 of the accumulators' bytes, shard after shard */
  accumulators: string;
}

export interface PartFile extends PartContent {
  checksum: string;
}

/** Where and how long a part ran: kept beside the part so the part's own bytes do not depend on it. */
export interface PartExecution {
  host: string;
  elapsedSeconds: number;
  workers: number;
  date: string;
}

export function partPath(dir: string, part: PartSpec): string {
  return path.join(dir, PARTS_DIR, partFileName(part));
}

export function executionPath(partFile: string): string {
  return `${partFile}.execution.json`;
}

/** The part's file text. */
export function encodePart(
  scenario: Scenario,
  part: PartSpec,
  version: string,
  shardTotal: number,
  slots: number,
  first: number,
  accumulators: readonly Float64Array[],
): string {
  const content: PartContent = {
    kind: PART_KIND,
    schemaVersion: 1,
    part,
    version,
    scenarioHash: scenarioHash(scenario),
    seed: scenario.seed,
    paths: scenario.run.paths,
    borrowersPerPath: scenario.run.borrowersPerPath,
    shardSize: scenario.run.shardSize,
    shards: shardTotal,
    slots,
    shardIndices: { first, count: accumulators.length },
    scenario,
    accumulators: joinAccumulators(accumulators, slots),
  };
  return withChecksum(content);
}

export type ReadPart = { ok: true; part: PartFile } | { ok: false; reason: string };

/** `content` with its checksum, as the file's text. */
export function withChecksum(content: object): string {
  return formatJson({ ...content, checksum: sha256Label(formatJson(content)) });
}

/** Read a checksummed JSON file of `kind`: readable, the right kind and schema version, a checksum that holds. */
export async function readChecksummed(file: string, kind: string): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, reason: `cannot read it: ${(e as Error).message}` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON (torn or corrupted)' };
  }
  if (!isPlainObject(value) || value['kind'] !== kind) {
    const found = isPlainObject(value) && typeof value['kind'] === 'string' ? ` (it is a ${value['kind']} file)` : '';
    return { ok: false, reason: `it is not a ${kind} file${found}` };
  }
  if (value['schemaVersion'] !== 1) return { ok: false, reason: `schema version ${String(value['schemaVersion'])} is not 1` };
  const { checksum, ...content } = value;
  if (typeof checksum !== 'string') return { ok: false, reason: 'it has no checksum' };
  if (sha256Label(formatJson(content)) !== checksum) return { ok: false, reason: 'its checksum does not match its content (corrupted)' };
  return { ok: true, value };
}

/** The `kind` of a part file, without verifying it (to tell a run's parts from a stress suite's). */
export async function peekKind(file: string): Promise<string | undefined> {
  try {
    const v: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isPlainObject(v) && typeof v['kind'] === 'string' ? v['kind'] : undefined;
  } catch {
    return undefined;
  }
}

/** Read and verify one part file: readable JSON of the right kind, a checksum that holds, sizes that agree. */
export async function readPart(file: string): Promise<ReadPart> {
  const read = await readChecksummed(file, PART_KIND);
  if (!read.ok) return read;
  const part = read.value as unknown as PartFile;
  const bytes = Buffer.from(part.accumulators, 'base64');
  if (bytes.byteLength !== part.shardIndices.count * part.slots * 8) return { ok: false, reason: `its accumulators are ${bytes.byteLength} bytes, expected ${part.shardIndices.count * part.slots * 8}` };
  return { ok: true, part };
}

/** The part's accumulators, one Float64Array per shard, in shard order. */
export function partAccumulators(part: PartFile): Float64Array[] {
  return splitAccumulators(part.accumulators, part.shardIndices.count, part.slots);
}

/** `count` accumulators of `slots` values from their base64 bytes. */
export function splitAccumulators(base64: string, count: number, slots: number): Float64Array[] {
  const all = bytesToF64(Buffer.from(base64, 'base64'));
  return Array.from({ length: count }, (_, k) => all.subarray(k * slots, (k + 1) * slots));
}

/** base64 of the accumulators' bytes, one after another. */
export function joinAccumulators(accs: readonly Float64Array[], slots: number): string {
  const bytes = Buffer.alloc(accs.length * slots * 8);
  accs.forEach((acc, k) => {
    if (acc.length !== slots) throw new Error(`internal: an accumulator has ${acc.length} slots, expected ${slots}`);
    bytes.set(f64Bytes(acc), k * slots * 8);
  });
  return bytes.toString('base64');
}
