/**
 * A shard that throws fails the run with the shard named (issue 2). The scenario
 * is the validated baseline with one field then corrupted past validation, so
 * only the shards holding micro-business borrowers throw, inside the workers.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';

describe('a failing shard', () => {
  it('rejects the run naming the shard, its path and borrowers, in the pool and in process', async () => {
    const scenario = await loadScenario('scenarios/baseline.yaml', ['run.paths=2', 'run.borrowersPerPath=1000', 'run.shardSize=500']);
    const broken = structuredClone(scenario);
    broken.segments[1]!.drawShare.mean = 1.5; // Beta with a negative shape: betaSample throws
    // borrowers 0–799 are individuals, 800–999 micro-businesses: shard 1 of path 0 fails first in order
    await expect(simulate(broken, { workers: 2 })).rejects.toThrow(/shard (1|3) \(path (0|1), borrowers 500–999\) failed: .*betaSample/);
    await expect(simulate(broken, { inProcess: true })).rejects.toThrow(/shard 1 \(path 0, borrowers 500–999\) failed: .*betaSample/);
    await expect(simulate(scenario, { workers: 2 })).resolves.toBeDefined();
  });
});
