/**
 * A stand-in for the simulation engine in CLI tests: it reports progress, then
 * returns a small Summary, fails, or waits until aborted — and records what it
 * was called with.
 */
import type { RunOptions, RunScenario } from '../../src/engine/api.js';
import type { Summary } from '../../src/results/types.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { makeSummaryFixture } from '../fixtures/summary-fixture.js';

export type FakeBehaviour = 'ok' | 'fail' | 'hang';

export interface FakeEngine {
  engine: RunScenario;
  calls: { scenario: Scenario; options: RunOptions | undefined }[];
}

/**
 * The report fixture's summary, re-labelled with the scenario that was run (the
 * run command also renders the report, which needs a whole Summary).
 */
export function fakeSummary(scenario: Scenario): Summary {
  const fixture = makeSummaryFixture();
  return {
    ...fixture,
    manifest: { ...fixture.manifest, scenario, execution: { ...fixture.manifest.execution, elapsedSeconds: 1.25 } },
  };
}

export function fakeEngine(behaviour: FakeBehaviour = 'ok', shards = 4): FakeEngine {
  const calls: FakeEngine['calls'] = [];
  const engine: RunScenario = async (scenario, options) => {
    calls.push({ scenario, options });
    for (let done = 0; done <= shards; done++) {
      if (behaviour === 'hang' && done === shards) break;
      options?.onProgress?.({ shardsDone: done, shardsTotal: shards, borrowerStepsDone: done * 100, elapsedSeconds: done * 0.5 });
    }
    if (behaviour === 'fail') throw new Error('shard 3 failed: out of memory');
    if (behaviour === 'hang') {
      // A busy engine keeps the process alive (a real one has worker threads).
      const busy = setInterval(() => undefined, 1000);
      await new Promise<never>((_, reject) => {
        options?.signal?.addEventListener('abort', () => {
          clearInterval(busy);
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        });
      });
    }
    return fakeSummary(scenario);
  };
  return { engine, calls };
}
