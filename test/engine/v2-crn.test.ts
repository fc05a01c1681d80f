/**
 * Common random numbers with model v2 on (MODEL.md "Engine requirements" and
 * "Streams (v2)"): the risk-model rule on and off, on one seed, face the same
 * borrowers, the same hidden states and the same fraud, so the paired
 * difference of a figure is far less noisy than either run.
 *
 * The variance-reduction factor is (var A + var B) / var(A − B) across paths:
 * the variance of the difference of two independent runs over that of the paired
 * difference. It must be at least 5 on lossRate and on
 * goodCustomerFreezesPer1000AccountMonths. With 40 paths, a true factor of 1
 * (no sharing) gives an F-like ratio above 5 with negligible probability (the
 * 0.999 quantile of F(39, 39) is about 2.7), so passing says the luck is shared.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { V2_APPENDIX, variance } from '../helpers/v2.js';
import { simulate } from '../../src/engine/run.js';
import { S } from '../../src/results/layout.js';
import { pathFigures } from '../../src/results/figures.js';

const sizes = [...V2_APPENDIX, 'run.paths=40', 'run.borrowersPerPath=2000', 'run.shardSize=1000', 'clock.horizonDays=360'];

describe('common random numbers with model v2 on', () => {
  it('riskModel on vs off on one seed: variance-reduction factor ≥ 5 on lossRate and good-customer freezes', async () => {
    const on = await simulate(await loadScenario('scenarios/baseline.yaml', sizes), { workers: 2 });
    const off = await simulate(await loadScenario('scenarios/baseline.yaml', [...sizes, 'freeze.riskModel.enabled=false']), { workers: 2 });
    // The same people, path by path.
    for (let p = 0; p < on.paths.length; p++) {
      for (const slot of [S.borrowers, S.startBalance, S.startLimit]) expect(off.paths[p]![slot]).toBe(on.paths[p]![slot]);
    }
    const factors: Record<string, number> = {};
    for (const name of ['lossRate', 'goodCustomerFreezesPer1000AccountMonths'] as const) {
      const a = on.paths.map((acc) => pathFigures(acc, on.layout, on.clock)[name] as number);
      const b = off.paths.map((acc) => pathFigures(acc, off.layout, off.clock)[name] as number);
      const paired = variance(a.map((x, i) => x - b[i]!));
      // The rule does change both figures, so the paired variance is not trivially zero ...
      expect(paired).toBeGreaterThan(0);
      factors[name] = (variance(a) + variance(b)) / paired;
    }
    if (process.env.LIMITLAB_VERBOSE) console.log(`variance-reduction factors ${JSON.stringify(factors)}`);
    // ... and the sharing cuts its variance at least five-fold.
    expect(factors.lossRate).toBeGreaterThanOrEqual(5);
    expect(factors.goodCustomerFreezesPer1000AccountMonths).toBeGreaterThanOrEqual(5);
  });
});
