/**
 * Shard persistence: a shard's bytes come back exactly; a file of the wrong
 * size or with a changed byte is recomputed rather than trusted; a changed
 * suite, and the fields that changed, are named when a resume is refused.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadShards, readRunManifest, resumeMismatches, shardFile, writeRunManifest, writeShard } from '../../src/stress/shard-store.js';
import type { RunManifest } from '../../src/stress/types.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'limitlab-shards-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const manifest = (hash = 'aaa', scenarioHash = 'bbb', version = '0.1.0'): RunManifest => ({
  schemaVersion: 1,
  kind: 'limitlab-stress-run',
  version,
  suite: { name: 's', file: 'suite.yaml', hash },
  run: { id: 'r', startedAt: '2026-01-01T00:00:00.000Z' },
  scenarios: [{ name: 'base', folder: 'base', scenarioHash, shards: 4, slots: 5 }],
});

describe('shards on disk', () => {
  it('round-trips a shard bit for bit (NaN payloads, -0 and subnormals included)', async () => {
    const acc = new Float64Array([1 / 3, -0, 5e-324, 1e308, Number.NaN]);
    await writeShard(dir, 'base', 2, acc);
    const done = await loadShards(dir, manifest().scenarios[0]!, () => undefined);
    expect([...done.keys()]).toEqual([2]);
    expect(Buffer.from(done.get(2)!.buffer)).toEqual(Buffer.from(acc.buffer));
  });

  it('ignores a file of the wrong size or index, with a warning', async () => {
    await writeShard(dir, 'base', 0, new Float64Array(5));
    writeFileSync(shardFile(dir, 'base', 1), Buffer.alloc(12));
    await writeShard(dir, 'base', 9, new Float64Array(5));
    const warnings: string[] = [];
    const done = await loadShards(dir, manifest().scenarios[0]!, (w) => warnings.push(w));
    expect([...done.keys()]).toEqual([0]);
    expect(warnings).toHaveLength(2);
  });

  it('recomputes a shard of the right size whose bytes were changed (the checksum no longer holds)', async () => {
    await writeShard(dir, 'base', 1, new Float64Array([1, 2, 3, 4, 5]));
    const file = shardFile(dir, 'base', 1);
    const bytes = readFileSync(file);
    bytes[9] = bytes[9]! ^ 0x01; // one bit of the second value
    writeFileSync(file, bytes);
    const warnings: string[] = [];
    const done = await loadShards(dir, manifest().scenarios[0]!, (w) => warnings.push(w));
    expect(done.size).toBe(0);
    expect(warnings).toEqual([expect.stringContaining('checksum')]);
  });

  it('a refused resume names the fields that changed, not only the hashes', () => {
    const scenario = (paths: number) => ({ name: 'base', seed: 1, run: { paths, borrowersPerPath: 400, shardSize: 100 }, segments: [{ share: 1 }] });
    const withScenario = (paths: number, hash: string): RunManifest => ({
      ...manifest('s' + hash, hash),
      scenarios: [{ ...manifest().scenarios[0]!, scenarioHash: hash, scenario: scenario(paths) as never }],
    });
    expect(resumeMismatches(withScenario(40, 'h40'), withScenario(4, 'h4'))).toEqual(['suite hash sh40 then, sh4 now', 'scenario "base" changed: run.paths 40 then, 4 now']);
  });

  it('reads back the manifest, and names what changed', async () => {
    await writeRunManifest(dir, manifest());
    const recorded = (await readRunManifest(dir))!;
    expect(recorded).toEqual(manifest());
    expect(resumeMismatches(recorded, manifest())).toEqual([]);
    expect(resumeMismatches(recorded, manifest('ccc', 'ddd'))).toEqual([
      'suite hash aaa then, ccc now',
      'scenario "base" changed (hash bbb then, ddd now)',
    ]);
    expect(resumeMismatches(recorded, manifest('aaa', 'bbb', '0.2.0'))).toEqual(['it was run by limitlab 0.1.0, this is 0.2.0']);
    expect(await readRunManifest(path.join(dir, 'nowhere'))).toBeUndefined();
  });
});
