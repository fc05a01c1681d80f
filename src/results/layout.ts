/**
 * Accumulators as results/ sees them: the layout the model writes
 * (model/layout.ts) and the merge of shard accumulators.
 */
export { type Layout, makeLayout, S, SCALARS, STEP_SLOTS, T, segmentScopeBase } from '../model/layout.js';

/** Add `from` into `into`, slot by slot. */
export function mergeInto(into: Float64Array, from: Float64Array): void {
  if (into.length !== from.length) throw new Error(`accumulator sizes differ: ${into.length} vs ${from.length}`);
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
}
