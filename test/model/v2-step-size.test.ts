/**
 * A scenario means the same thing at any step size (MODEL.md "Time"), with every
 * model v2 mechanic on: the baseline with MODEL.md's v2 appendix values (and
 * bust-outs and takeovers made ~10× and 100× more frequent, so that each path
 * has tens of them), at 30-day and at daily steps on the same seed.
 *
 * As in test/model/step-size.test.ts, the economy's noise is taken out
 * (correlations and every macro slope 0, maintenance off) so that the standard
 * errors are borrower-level, and each figure's two means must agree within 4.5
 * standard errors of their difference, sqrt(se30² + se1²), the se being the sd
 * across paths / sqrt(paths). With 16 paths per run (about 30 degrees of freedom
 * for the difference) a true agreement exceeds 4.5 with probability ~1e-4 per
 * figure, under 1% over the ~45 figures. The two runs share their borrowers, so
 * the difference is if anything less noisy than this bound assumes.
 *
 * Left out, as in the v1 test: figures that the specification's own
 * discretisation moves by a few per cent (docs/model.md "How far daily and
 * monthly steps agree": a hold or outcome freeze that starts inside a step does
 * not block that step's draws; one draw noise per step): frozen days, blocked
 * draws (here the good accounts' share, whose blocks are mostly holds: 0.071 vs
 * 0.083 per account-year at 24 × 4000, z −4.4), exposure, interest and limit growth.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { V2_APPENDIX, meanAndSe } from '../helpers/v2.js';
import { simulate } from '../../src/engine/run.js';
import { pathDetails, pathFigures } from '../../src/results/figures.js';

const V1_FIGURES = [
  'annualDefaultRate', 'lossRate', 'freezeEventsPer1000AccountMonths', 'everFrozenShare',
  'approvedShare', 'declinedShare', 'escalatedShare', 'identityFailedShare', 'preIncreaseRestriction',
  'scoreFloorEndedShare', 'raisesPerAccount', 'cutsPerAccount', 'holdsPer1000AccountMonths', 'requestsPerAccountYear',
  'freezeEventsPer1000AccountMonths.delinquency', 'freezeEventsPer1000AccountMonths.scoreFloor',
  'freezeEventsPer1000AccountMonths.identity', 'freezeEventsPer1000AccountMonths.riskModel',
];
const V2_FIGURES = [
  'creditLossRate', 'fraudLossRate', 'bustOutLossShare', 'takeoverLossShare',
  'defaultShareDistressed', 'defaultShareBustOut', 'defaultShareHealthy',
  'goodCustomerFreezesPer1000AccountMonths', 'goodCustomerHoldsPer1000AccountMonths', 'freezePrecision',
  'falseFlagsPerTrueFlag', 'falseFlagsPerTrueFlagRiskModelRule', 'goodCustomersEverFrozenShare', 'blockedDrawsPerAccountYearBad',
  'distressDefaultsFlaggedShare', 'bustOutsStoppedShare', 'takeoversStoppedShare', 'fraudLossPerTakeover',
  'distressEpisodesPer1000AccountYears', 'bustOutOnsetsPer1000AccountYears', 'takeoversPer1000AccountYears',
  'distressEntriesPerYear', 'distressEpisodeMeanDays', 'distressEpisodesEndedInDefaultShare',
  'freezeEventsPer1000AccountMonths.fraud', 'freezePrecision.identity', 'freezePrecision.riskModel', 'freezePrecision.scoreFloor',
  'goodFreezeEventsPer1000AccountMonths.riskModel', 'badFreezeEventsPer1000AccountMonths.riskModel',
  'goodFreezeEventsPer1000AccountMonths.identity', 'badFreezeEventsPer1000AccountMonths.identity',
];

describe('step-size consistency with model v2 on', () => {
  it('daily and 30-day steps agree at borrower-level precision on the v1 and the v2 figures', async () => {
    const sizes = [
      ...V2_APPENDIX, 'run.paths=16', 'run.borrowersPerPath=2000', 'run.shardSize=1000', 'clock.horizonDays=360',
      'segments.0.correlation=0', 'segments.1.correlation=0', 'credit.drawMacroSlope=0', 'credit.cureMacroSlope=0',
      'distress.macroSlope=0', 'freeze.maintenance.enabled=false',
      'fraud.bustOut.share=0.02', 'fraud.takeover.perYear=0.02',
    ];
    const runs = [];
    for (const d of [30, 1]) runs.push(await simulate(await loadScenario('scenarios/baseline.yaml', [...sizes, `clock.stepDays=${d}`]), { workers: 2 }));
    const rows = runs.map((r) => r.paths.map((acc): Record<string, number | null> => ({ ...pathFigures(acc, r.layout, r.clock), ...pathDetails(acc) })));
    const report: string[] = [];
    const failures: string[] = [];
    for (const f of [...V1_FIGURES, ...V2_FIGURES]) {
      // A figure null on some path (a ratio over zero) would be compared on fewer paths: the sizes above rule that out.
      const values = rows.map((paths) => paths.map((p) => p[f]));
      if (values.some((vs) => vs.some((v) => v === null || v === undefined))) {
        failures.push(`${f}: null on some path`);
        continue;
      }
      const [m30, m1] = values.map((vs) => meanAndSe(vs as number[]));
      const z = (m30!.mean - m1!.mean) / Math.hypot(m30!.se, m1!.se);
      const line = `${f}: 30-day ${m30!.mean.toPrecision(4)} ± ${m30!.se.toPrecision(2)}, daily ${m1!.mean.toPrecision(4)} ± ${m1!.se.toPrecision(2)}, z ${z.toFixed(2)}`;
      report.push(line);
      if (!(Math.abs(z) < 4.5)) failures.push(line);
    }
    if (process.env.LIMITLAB_VERBOSE) console.log(report.join('\n'));
    expect(failures).toEqual([]);
  });
});
