/**
 * The piscina worker: a shard task in, its accumulator out. Piscina moves only a
 * top-level transferable, so the result is the bare Float64Array (its buffer is
 * transferred, not copied); the caller knows which shard it asked for.
 */
import { move } from 'piscina';
import { simulateShard } from '../src/engine/shard.js';
import type { ShardTask } from '../src/engine/types.js';

export default function runShard(task: ShardTask): Float64Array {
  const acc = simulateShard(task.scenario, task.path, task.firstBorrower, task.borrowers);
  return move(acc) as unknown as Float64Array;
}
