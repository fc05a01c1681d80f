/**
 * The paths' importance-sampling weights for the summary. A path's weight is
 * its economy's likelihood ratio, a function of (seed, path) and the
 * population parameters alone, so the main thread rebuilds each path's economy
 * (a few dozen normal draws) instead of carrying the weight in the shard
 * accumulators.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Clock } from '../model/clock.js';
import { buildEconomy } from '../model/economy.js';
import { economyStream } from './streams.js';

/**
 * The weights of paths 0..paths−1 in path order, or undefined when importance
 * sampling is off (every weight would be 1).
 */
export function pathWeights(scenario: Scenario, clock: Clock, paths: number): number[] | undefined {
  if (!scenario.run.importanceSampling?.enabled) return undefined;
  return Array.from({ length: paths }, (_, p) => buildEconomy(scenario, clock, economyStream(scenario.seed, p)).weight);
}

