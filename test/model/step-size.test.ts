/**
 * A scenario means the same thing at any step size (MODEL.md "Time"): the
 * baseline with every rule on, run at 30-day and at daily steps on the same
 * seed, agrees on the headline figures within Monte Carlo error. The runs share
 * their borrowers but not their economy (the factor is drawn per step), so the
 * difference of the two means is judged against sqrt(se30² + se1²), the
 * standard errors across paths, with a bound of 4.5 of them per figure (with
 * ~25 figures the chance of a false alarm is about 2e-4), plus a small floor
 * for shares that are near zero in both runs.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';
import { pathDetails, pathFigures } from '../../src/results/figures.js';

const FIGURES = [
  'annualDefaultRate', 'lossRate', 'exposureRatio', 'meanLimitGrowthPerYear',
  'freezeEventsPer1000AccountMonths', 'holdsPer1000AccountMonths', 'everFrozenShare', 'everRestrictedShare',
  'frozenDaysPerAccountYear', 'blockedDrawsPerAccountYear', 'requestsPerAccountYear',
  'approvedShare', 'declinedShare', 'escalatedShare', 'identityFailedShare', 'preIncreaseRestriction',
  'interestRevenueRate', 'scoreFloorEndedShare',
  'freezeEventsPer1000AccountMonths.delinquency', 'freezeEventsPer1000AccountMonths.scoreFloor',
  'freezeEventsPer1000AccountMonths.identity', 'freezeEventsPer1000AccountMonths.riskModel',
  'freezeEventsPer1000AccountMonths.maintenance', 'raisesPerAccount', 'cutsPerAccount',
];

function meanAndSe(values: number[]) {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, se: sd / Math.sqrt(n) };
}

describe('step-size consistency', () => {
  it('daily and 30-day steps agree within Monte Carlo error, every rule on', async () => {
    const sizes = ['run.paths=24', 'run.borrowersPerPath=2500', 'run.shardSize=1250', 'clock.horizonDays=360'];
    const runs = await Promise.all(
      [30, 1].map(async (d) => simulate(await loadScenario('scenarios/baseline.yaml', [...sizes, `clock.stepDays=${d}`]), { workers: 2 })),
    );
    const rows = runs.map((r) => r.paths.map((acc) => ({ ...pathFigures(acc, r.layout, r.clock), ...pathDetails(acc) })));
    const report: string[] = [];
    const failures: string[] = [];
    for (const f of FIGURES) {
      const [m30, m1] = rows.map((paths) => meanAndSe(paths.map((p) => p[f] ?? 0)));
      const tolerance = 4.5 * Math.hypot(m30!.se, m1!.se) + 1e-4;
      const line = `${f}: 30-day ${m30!.mean.toPrecision(4)} ± ${m30!.se.toPrecision(2)}, daily ${m1!.mean.toPrecision(4)} ± ${m1!.se.toPrecision(2)}`;
      report.push(line);
      if (Math.abs(m30!.mean - m1!.mean) > tolerance) failures.push(line);
    }
    if (process.env.LIMITLAB_VERBOSE) console.log(report.join('\n'));
    expect(failures).toEqual([]);
  });
});
