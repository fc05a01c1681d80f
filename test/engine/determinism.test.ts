/**
 * Reproducibility and the merge law (MODEL.md "Engine requirements"): the same
 * scenario and seed give byte-identical results for any worker count and on
 * repeated runs, and a run's result does not depend on how its borrowers are
 * cut into shards (counts exactly, money sums up to rounding).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { runScenario, simulate } from '../../src/engine/run.js';
import { mergeInto, S } from '../../src/results/layout.js';
import { simulateShard } from '../../src/engine/shard.js';
import type { Summary } from '../../src/results/types.js';

const small = ['run.paths=6', 'run.borrowersPerPath=900', 'run.shardSize=250', 'clock.horizonDays=360'];

function withoutExecution(s: Summary): string {
  return JSON.stringify({ ...s, manifest: { ...s.manifest, execution: null } }, null, 2);
}

describe('determinism', () => {
  it('gives byte-identical summaries for 1, 2 and 3 workers and on repeated runs', async () => {
    const scenario = await loadScenario('scenarios/baseline.yaml', small);
    const one = withoutExecution(await runScenario(scenario, { workers: 1 }));
    const two = withoutExecution(await runScenario(scenario, { workers: 2 }));
    const three = withoutExecution(await runScenario(scenario, { workers: 3 }));
    const again = withoutExecution(await runScenario(scenario, { workers: 2 }));
    const inProcess = withoutExecution(await runScenario(scenario, { inProcess: true }));
    expect(two).toBe(one);
    expect(three).toBe(one);
    expect(again).toBe(one);
    expect(inProcess).toBe(one);
  });

  it('does not depend on the shard size (merge law)', async () => {
    const whole = await simulate(await loadScenario('scenarios/baseline.yaml', [...small, 'run.shardSize=900']), { inProcess: true });
    const cut = await simulate(await loadScenario('scenarios/baseline.yaml', [...small, 'run.shardSize=128']), { inProcess: true });
    for (let p = 0; p < whole.paths.length; p++) {
      const a = whole.paths[p]!;
      const b = cut.paths[p]!;
      expect(a[S.borrowers]).toBe(900);
      for (let i = 0; i < a.length; i++) {
        // counts are integers held exactly; money sums may differ in the last bits
        if (Number.isInteger(a[i]) && Number.isInteger(b[i])) expect(b[i]).toBe(a[i]);
        else expect(Math.abs(b[i]! - a[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a[i]!)));
      }
    }
  });

  it('merging shard accumulators is associative: (a + b) + c = a + (b + c) for counts', async () => {
    const scenario = await loadScenario('scenarios/baseline.yaml', small);
    const [a, b, c] = [0, 300, 600].map((first) => simulateShard(scenario, 0, first, 300));
    const left = new Float64Array(a!.length);
    mergeInto(left, a!);
    mergeInto(left, b!);
    mergeInto(left, c!);
    const bc = new Float64Array(a!.length);
    mergeInto(bc, b!);
    mergeInto(bc, c!);
    const right = new Float64Array(a!.length);
    mergeInto(right, a!);
    mergeInto(right, bc);
    for (let i = 0; i < left.length; i++) {
      if (Number.isInteger(left[i])) expect(right[i]).toBe(left[i]);
      else expect(Math.abs(right[i]! - left[i]!)).toBeLessThanOrEqual(1e-12 * Math.abs(left[i]!));
    }
    expect(() => mergeInto(left, new Float64Array(3))).toThrow(/sizes differ/);
  });
});
