/**
 * Merging a scaled-out run: the part files of DIR/parts, checked and folded.
 *
 *   list part files → every part 0…N−1 present once, one N → per part in order:
 *   read, checksum, same scenario hash / seed / version as part 0, the shard
 *   block the plan assigns it → fold its shards (ShardFold, as simulate() does)
 *   → summary with manifest.execution.parts
 *
 * Parts are read one at a time, so memory is the per-path accumulators plus
 * one part. Any problem is a MergeError naming the file; nothing is returned
 * half-folded.
 */
import { pathWeights } from './path-weights.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hostname } from 'node:os';
import type { Summary } from '../results/types.js';
import { buildSummary } from '../results/summary.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../scenario/hash.js';
import { makeManifest } from './manifest.js';
import { executionPath, MergeError, PARTS_DIR, partAccumulators, type PartExecution, type PartFile, readPart } from './part-file.js';
import { PART_FILE, partFileName, partShards } from './parts.js';
import { ShardFold } from './run.js';

export { MergeError };

export interface MergeOptions {
  /** limitlab's version: every part must have been written by it */
  version: string;
  /** a path as the user should see it */
  show?: (file: string) => string;
  /** after each part is folded */
  onPart?: (done: number, total: number) => void;
}

export interface Merged {
  summary: Summary;
  scenario: Scenario;
  parts: number;
}

/** The part files of `partsDir` by name, with their claimed index and count. */
async function listParts(partsDir: string, show: (f: string) => string): Promise<{ name: string; index: number; count: number }[]> {
  let names: string[];
  try {
    names = await readdir(partsDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new MergeError(`${show(partsDir)} does not exist: no parts to merge (limitlab run SCENARIO --part I/N writes them there)`);
    throw e;
  }
  const parts = names.flatMap((name) => {
    const m = PART_FILE.exec(name);
    return m ? [{ name, index: Number(m[1]), count: Number(m[2]) }] : [];
  });
  if (parts.length === 0) throw new MergeError(`${show(partsDir)} holds no part files (part-I-of-N)`);
  return parts;
}

/** The part files of DIR/parts in part order, once it is sure they are one split, complete. */
export async function completeParts(dir: string, show: (f: string) => string): Promise<{ count: number; files: string[] }> {
  const partsDir = path.join(dir, PARTS_DIR);
  const listed = await listParts(partsDir, show);
  const counts = [...new Set(listed.map((p) => p.count))].sort((a, b) => a - b);
  if (counts.length > 1) {
    const byCount = counts.map((c) => `${listed.filter((p) => p.count === c).length} of ${c}`).join(', ');
    throw new MergeError(`${show(partsDir)} mixes parts of different splits (${byCount}); remove the parts of the other run`);
  }
  const count = counts[0]!;
  const present = new Set(listed.map((p) => p.index));
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !present.has(i));
  if (missing.length > 0) {
    const names = missing.slice(0, 10).map((i) => partFileName({ index: i, count }));
    throw new MergeError(
      `${missing.length} of ${count} parts missing in ${show(partsDir)}: ${names.join(', ')}${missing.length > 10 ? ', …' : ''}; run them with --part I/${count}`,
    );
  }
  return { count, files: Array.from({ length: count }, (_, i) => path.join(partsDir, partFileName({ index: i, count }))) };
}

export async function mergeParts(dir: string, o: MergeOptions): Promise<Merged> {
  const started = performance.now();
  const show = o.show ?? ((f: string) => f);

  // 1. Which parts are there: one count, each index once.
  const { count, files } = await completeParts(dir, show);

  // 2. Each part in order: verified, consistent with part 0, folded.
  let fold: ShardFold | undefined;
  let first: PartFile | undefined;
  const hosts = new Set<string>();
  let partSeconds = 0;
  for (let i = 0; i < count; i++) {
    const file = files[i]!;
    const shown = show(file);
    const read = await readPart(file);
    if (!read.ok) throw new MergeError(`part ${shown} is refused: ${read.reason}`);
    const part = read.part;
    if (part.part.index !== i || part.part.count !== count) {
      throw new MergeError(`part ${shown} says it is part ${part.part.index} of ${part.part.count}: a duplicated or renamed part`);
    }
    if (!first) {
      first = part;
      if (part.version !== o.version) throw new MergeError(`part ${shown} was written by limitlab ${part.version}; this is ${o.version}: rerun the parts or merge with that version`);
      if (scenarioHash(part.scenario) !== part.scenarioHash) throw new MergeError(`part ${shown} is refused: its scenario does not match its scenario hash`);
      fold = new ShardFold(part.scenario);
    } else {
      const differs = (['scenarioHash', 'seed', 'version'] as const).filter((k) => part[k] !== first![k]);
      if (differs.length > 0) {
        const what = differs.map((k) => `${k} ${String(part[k])} (part 0: ${String(first![k])})`).join(', ');
        throw new MergeError(`part ${shown} belongs to another run: ${what}`);
      }
    }
    const expected = partShards(fold!.total, { index: i, count });
    if (part.shards !== fold!.total || part.shardIndices.count !== expected.length || (expected.length > 0 && part.shardIndices.first !== expected[0])) {
      throw new MergeError(`part ${shown} holds shards ${part.shardIndices.first}… (${part.shardIndices.count}); the plan assigns it ${expected.length} from ${expected[0] ?? '—'}`);
    }
    const accs = partAccumulators(part);
    accs.forEach((acc, k) => fold!.add(part.shardIndices.first + k, acc));
    const exec = await readExecution(executionPath(file));
    if (exec) {
      hosts.add(exec.host);
      partSeconds += exec.elapsedSeconds;
    }
    o.onPart?.(i + 1, count);
  }
  if (!fold!.complete()) throw new MergeError(`internal: the parts held ${fold!.folded} of ${fold!.total} shards`);

  // 3. The summary, as a single process would write it; only manifest.execution says it was merged.
  const scenario = first!.scenario;
  const manifest = makeManifest(scenario, fold!.clock, {
    elapsedSeconds: (performance.now() - started) / 1000,
    workers: 0,
    date: new Date().toISOString(),
    host: hostname(),
    parts: { count, hosts: [...hosts].sort(), partSeconds },
  });
  return { summary: buildSummary(scenario, fold!.paths, fold!.layout, fold!.clock, manifest, pathWeights(scenario, fold!.clock, fold!.paths.length)), scenario, parts: count };
}

/** The optional record of where a part ran; a missing or unreadable one only loses the host. */
async function readExecution(file: string): Promise<PartExecution | undefined> {
  try {
    const v = JSON.parse(await readFile(file, 'utf8')) as PartExecution;
    return typeof v.host === 'string' && typeof v.elapsedSeconds === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}
