/**
 * Ctrl-C reaches the workers: aborting a real run's signal stops the pool and
 * rejects promptly with an AbortError, long before the run would have ended.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';

describe('aborting a run', () => {
  it('rejects with an AbortError soon after the signal, with shards still to do', async () => {
    // ~400 shards of daily steps: tens of seconds of work on 2 cores
    const scenario = await loadScenario('scenarios/baseline.yaml', [
      'run.paths=100', 'run.borrowersPerPath=4000', 'run.shardSize=1000', 'clock.stepDays=1',
    ]);
    const controller = new AbortController();
    let done = 0;
    let abortedAt = 0;
    const run = simulate(scenario, {
      workers: 2,
      signal: controller.signal,
      onProgress: (p) => {
        done = p.shardsDone;
        if (p.shardsDone === 2) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    const took = performance.now() - abortedAt;
    expect(done).toBeLessThan(50);
    expect(took).toBeLessThan(3000);
  });
});
