/**
 * Simulate one shard: build the path's economy, draw each borrower from its own
 * streams, run its timeline, and return the shard's accumulator.
 */
import type { Scenario } from '../scenario/schema.js';
import { makeClock } from '../model/clock.js';
import { buildEconomy } from '../model/economy.js';
import { ModelContext } from '../model/context.js';
import { BorrowerState } from '../model/borrower.js';
import { drawTraits, segmentOf, segmentQuotas, segmentStarts } from '../model/population.js';
import { BorrowerSimulator } from '../model/simulate.js';
import { makeLayout } from '../results/layout.js';
import { AleaStream, STREAM_HIDDEN, STREAM_POPULATION, STREAM_REQUESTS, STREAM_STEPS, STREAM_TAKEOVERS, STREAM_WISHES, economyStream } from './streams.js';
import type { BorrowerStreams } from '../model/simulate.js';

// One set of streams per thread, reseeded for every borrower and reused across
// shards: fresh stream objects bring fresh `next` closures, and every call site
// that has seen the old ones (drawTraits, the Gamma sampler, the request draws)
// deoptimises at the next shard ('wrong call target').
const population = new AleaStream();
const stepStream = new AleaStream();
const requestStream = new AleaStream();
const hiddenStream = new AleaStream();
const takeoverStream = new AleaStream();
const wishStream = new AleaStream();
const streams: BorrowerStreams = { requests: requestStream.next, hidden: hiddenStream.next, takeovers: takeoverStream.next, wishes: wishStream.next };

export function simulateShard(scenario: Scenario, path: number, firstBorrower: number, borrowers: number): Float64Array {
  const clock = makeClock(scenario);
  const economy = buildEconomy(scenario, clock, economyStream(scenario.seed, path));
  const ctx = new ModelContext(scenario, economy);
  const layout = makeLayout(scenario.segments.length, clock.steps);
  const acc = new Float64Array(layout.size);
  const sim = new BorrowerSimulator(ctx, layout);
  const starts = segmentStarts(segmentQuotas(scenario.segments.map((s) => s.share), scenario.run.borrowersPerPath));
  const st = new BorrowerState(scenario.freeze.closure.maxFreezesPerYear);
  const seed = scenario.seed;
  const v2 = ctx.hidden.anyOn;
  for (let i = firstBorrower; i < firstBorrower + borrowers; i++) {
    const segIndex = segmentOf(starts, i);
    st.reset();
    drawTraits(scenario, scenario.segments[segIndex]!, segIndex, population.reseed(seed, path, i, STREAM_POPULATION).next, st);
    requestStream.reseed(seed, path, i, STREAM_REQUESTS);
    if (v2) {
      hiddenStream.reseed(seed, path, i, STREAM_HIDDEN);
      takeoverStream.reseed(seed, path, i, STREAM_TAKEOVERS);
      wishStream.reseed(seed, path, i, STREAM_WISHES);
    }
    sim.simulate(st, stepStream.reseed(seed, path, i, STREAM_STEPS), streams, acc);
  }
  return acc;
}
