/**
 * A stress suite as parts: the shards of every scenario, one after another in
 * suite order, form one plan; part I of N takes its contiguous block of it
 * (src/engine/parts.ts) and may span scenarios.
 *
 *   DIR/parts/part-I-of-N   kind limitlab-stress-part: the resolved suite, and
 *                           per scenario touched the block of its shards and
 *                           their accumulators; a sha256 of it all
 *
 * `merge` folds each scenario's shards in order, exactly as one `stress` run,
 * and hands the summaries to the stress run itself (gates, history, report,
 * stress.json), so the files and the exit code are the ones of one machine.
 */
import { pathWeights } from '../engine/path-weights.js';
import { hostname } from 'node:os';
import { buildSummary } from '../results/summary.js';
import type { Summary } from '../results/types.js';
import { completeParts, MergeError } from '../engine/merge.js';
import { makeManifest } from '../engine/manifest.js';
import { joinAccumulators, readChecksummed, splitAccumulators, STRESS_PART_KIND, withChecksum } from '../engine/part-file.js';

export { STRESS_PART_KIND };
import { type PartSpec, partShards } from '../engine/parts.js';
import { planShards } from '../engine/plan.js';
import { ShardFold } from '../engine/run.js';
import type { ResolvedSuite } from './types.js';


export interface StressPartBlock {
  /** the scenario's index in the suite */
  member: number;
  scenarioHash: string;
  /** shard indices within the scenario's own plan */
  first: number;
  count: number;
  slots: number;
  accumulators: string;
}

export interface StressPartFile {
  kind: typeof STRESS_PART_KIND;
  schemaVersion: 1;
  part: PartSpec;
  version: string;
  suiteHash: string;
  /** shards of the whole suite */
  shards: number;
  suite: ResolvedSuite;
  blocks: StressPartBlock[];
  checksum: string;
}

/** Which shards of which scenario a part holds: the global block cut at scenario boundaries. */
export function stressPartBlocks(suite: ResolvedSuite, part: PartSpec): { member: number; first: number; count: number }[] {
  const sizes = suite.members.map((m) => planShards(m.scenario).length);
  const global = partShards(sizes.reduce((a, b) => a + b, 0), part);
  const out: { member: number; first: number; count: number }[] = [];
  let start = 0;
  sizes.forEach((size, member) => {
    const inside = global.filter((g) => g >= start && g < start + size);
    if (inside.length > 0) out.push({ member, first: inside[0]! - start, count: inside.length });
    start += size;
  });
  return out;
}

export function suiteShards(suite: ResolvedSuite): number {
  return suite.members.reduce((a, m) => a + planShards(m.scenario).length, 0);
}

export function encodeStressPart(
  suite: ResolvedSuite,
  part: PartSpec,
  version: string,
  blocks: { member: number; first: number; count: number; slots: number; accumulators: readonly Float64Array[] }[],
): string {
  const content: Omit<StressPartFile, 'checksum'> = {
    kind: STRESS_PART_KIND,
    schemaVersion: 1,
    part,
    version,
    suiteHash: suite.hash,
    shards: suiteShards(suite),
    suite,
    blocks: blocks.map((b) => ({
      member: b.member,
      scenarioHash: suite.members[b.member]!.hash,
      first: b.first,
      count: b.count,
      slots: b.slots,
      accumulators: joinAccumulators(b.accumulators, b.slots),
    })),
  };
  return withChecksum(content);
}

export interface MergedSuite {
  suite: ResolvedSuite;
  /** each scenario's summary, by scenario hash */
  summaries: Map<string, Summary>;
  parts: number;
}

/** Verify the stress parts of DIR and fold every scenario; any problem is a MergeError naming the part. */
export async function mergeStressParts(dir: string, version: string, show: (f: string) => string): Promise<MergedSuite> {
  const started = performance.now();
  const { count, files } = await completeParts(dir, show);
  let first: StressPartFile | undefined;
  let folds: ShardFold[] = [];
  for (let i = 0; i < count; i++) {
    const shown = show(files[i]!);
    const read = await readChecksummed(files[i]!, STRESS_PART_KIND);
    if (!read.ok) throw new MergeError(`part ${shown} is refused: ${read.reason}`);
    const part = read.value as unknown as StressPartFile;
    if (part.part.index !== i || part.part.count !== count) throw new MergeError(`part ${shown} says it is part ${part.part.index} of ${part.part.count}: a duplicated or renamed part`);
    if (!first) {
      first = part;
      if (part.version !== version) throw new MergeError(`part ${shown} was written by limitlab ${part.version}; this is ${version}: rerun the parts or merge with that version`);
      folds = part.suite.members.map((m) => new ShardFold(m.scenario));
    } else {
      const differs = (['suiteHash', 'version'] as const).filter((k) => part[k] !== first![k]);
      if (differs.length > 0) throw new MergeError(`part ${shown} belongs to another run: ${differs.map((k) => `${k} ${part[k]} (part 0: ${first![k]})`).join(', ')}`);
    }
    const expected = stressPartBlocks(first.suite, { index: i, count });
    const got = part.blocks.map((b) => ({ member: b.member, first: b.first, count: b.count }));
    if (JSON.stringify(got) !== JSON.stringify(expected)) throw new MergeError(`part ${shown} does not hold the shards the plan assigns it`);
    for (const b of part.blocks) {
      if (b.scenarioHash !== first.suite.members[b.member]!.hash) throw new MergeError(`part ${shown}: scenario ${b.member} has another hash than in part 0`);
      splitAccumulators(b.accumulators, b.count, b.slots).forEach((acc, k) => folds[b.member]!.add(b.first + k, acc));
    }
  }
  const suite = first!.suite;
  const summaries = new Map<string, Summary>();
  suite.members.forEach((m, k) => {
    const fold = folds[k]!;
    if (!fold.complete()) throw new MergeError(`internal: scenario "${m.name}" folded ${fold.folded} of ${fold.total} shards`);
    const manifest = makeManifest(m.scenario, fold.clock, {
      elapsedSeconds: (performance.now() - started) / 1000,
      workers: 0,
      date: new Date().toISOString(),
      host: hostname(),
      parts: { count, hosts: [], partSeconds: 0 },
    });
    summaries.set(m.hash, buildSummary(m.scenario, fold.paths, fold.layout, fold.clock, manifest, pathWeights(m.scenario, fold.clock, fold.paths.length)));
  });
  return { suite, summaries, parts: count };
}
