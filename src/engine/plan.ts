/**
 * Shard planning: each path's borrowers split into blocks of `run.shardSize`.
 * The plan depends on the scenario only, never on the worker count, so the
 * fold order (and hence the bytes of the result) does not either.
 */
import type { Scenario } from '../scenario/schema.js';

export interface ShardPlan {
  path: number;
  firstBorrower: number;
  borrowers: number;
}

export function shardsPerPath(scenario: Scenario): number {
  return Math.ceil(scenario.run.borrowersPerPath / scenario.run.shardSize);
}

export function planShards(scenario: Scenario): ShardPlan[] {
  const n = scenario.run.borrowersPerPath;
  const size = scenario.run.shardSize;
  const plan: ShardPlan[] = [];
  for (let path = 0; path < scenario.run.paths; path++) {
    for (let first = 0; first < n; first += size) plan.push({ path, firstBorrower: first, borrowers: Math.min(size, n - first) });
  }
  return plan;
}
