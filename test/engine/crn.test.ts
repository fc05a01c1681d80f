/**
 * Common random numbers (MODEL.md "Engine requirements"): two policies on one
 * seed face the same borrowers and the same luck. Populations are identical
 * path by path, and the paired difference of default rates has a much smaller
 * spread than the difference of two independent runs (different seeds).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';
import { S } from '../../src/results/layout.js';
import { pathFigures } from '../../src/results/figures.js';

const sizes = ['run.paths=40', 'run.borrowersPerPath=2000', 'run.shardSize=1000', 'clock.horizonDays=360'];
// A policy that moves defaults: a stricter velocity rule and faster limit growth
const stricter = ['freeze.riskModel.velocity.maxDraws=2', 'limits.review.increaseFactor=1.4', 'limits.request.increaseFactor=1.6'];

const variance = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};

describe('common random numbers', () => {
  it('share populations across policies and cut the variance of paired differences', async () => {
    const base = await simulate(await loadScenario('scenarios/baseline.yaml', sizes), { workers: 2 });
    const alt = await simulate(await loadScenario('scenarios/baseline.yaml', [...sizes, ...stricter]), { workers: 2 });
    const indep = await simulate(await loadScenario('scenarios/baseline.yaml', [...sizes, ...stricter, 'seed=99']), { workers: 2 });
    for (let p = 0; p < base.paths.length; p++) {
      for (const slot of [S.borrowers, S.startBalance, S.startLimit]) expect(alt.paths[p]![slot]).toBe(base.paths[p]![slot]);
    }
    expect(indep.paths[0]![S.startBalance]).not.toBe(base.paths[0]![S.startBalance]);

    const rate = (r: typeof base) => r.paths.map((acc) => pathFigures(acc, r.layout, r.clock).defaultRate as number);
    const a = rate(base);
    const b = rate(alt);
    const c = rate(indep);
    const paired = variance(a.map((x, i) => b[i]! - x));
    const independent = variance(a.map((x, i) => c[i]! - x));
    // The policies do differ, so the paired variance is not trivially zero ...
    expect(paired).toBeGreaterThan(0);
    // ... and the factor is large. With 40 paths an F-ratio of 5 is far outside
    // chance (F(39,39) 0.999-quantile ≈ 2.7) if the true factor were 1.
    if (process.env.LIMITLAB_VERBOSE) console.log(`variance reduction factor ${(independent / paired).toFixed(1)}`);
    expect(independent / paired).toBeGreaterThan(5);
  });
});
