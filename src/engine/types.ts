/** Message shapes between the main thread and the shard workers. */
import type { Scenario } from '../scenario/schema.js';

/** A block of consecutive borrowers of one path. */
export interface ShardTask {
  scenario: Scenario;
  /** global shard index: path-major, shard order within the path */
  index: number;
  path: number;
  firstBorrower: number;
  borrowers: number;
}

