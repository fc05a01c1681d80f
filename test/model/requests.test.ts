/**
 * Request mechanics through the engine, on scenarios built so that the answer is
 * known without the engine's arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { simulate } from '../../src/engine/run.js';
import { pathFigures } from '../../src/results/figures.js';
import { S } from '../../src/results/layout.js';

const small = ['run.paths=2', 'run.borrowersPerPath=1500', 'run.shardSize=1500', 'clock.horizonDays=720'];

describe('limit-increase requests in the engine', () => {
  it('counts no verification hold when holdDays is 0, but still decides requests', async () => {
    const run = await simulate(await loadScenario('scenarios/baseline.yaml', [...small, 'limits.request.verification.holdDays=0']), {
      inProcess: true,
    });
    for (const acc of run.paths) {
      expect(acc[S.requests]!).toBeGreaterThan(100);
      expect(acc[S.holds]).toBe(0);
      expect(acc[S.preByCause]).toBe(0); // no earlier hold can restrict a request either
    }
  });

  it('treats every delinquent billing as a missed payment for behaviour analysis', async () => {
    // Everyone misses at the first billing (q ≈ 1 − e^{−50·30/365} = 98%) and never
    // cures nor defaults; nothing freezes them, so they keep asking. Behaviour
    // analysis looks back 45 days: only the latest missed billing (≤ 30 days back)
    // can make a request escalate, and escalation is certain. If only the first
    // miss counted, the requests after day 75 (about 90% of them) would pass.
    const scenario = await loadScenario('scenarios/baseline.yaml', [
      ...small,
      'credit.annualMissRateAtRef=50', 'credit.scoreSlope=0', 'credit.utilSlope=0', 'credit.cureRatePerYear=0', 'credit.defaultDpd=720',
      'limits.request.perYear=4', 'limits.request.minUtilisation=0', 'limits.request.verification.passProb=1',
      'limits.request.qualification.minScore=0', 'limits.request.qualification.maxDti=1000',
      'limits.request.behaviour.cleanDays=45', 'limits.request.behaviour.escalateProb=1',
      'freeze.riskModel.velocity.maxDraws=1000', 'freeze.riskModel.enabled=false', 'freeze.delinquency.enabled=false',
      'freeze.scoreFloor.enabled=false', 'freeze.closure.enabled=false', 'freeze.maintenance.enabled=false',
      'limits.review.enabled=false', 'churn.perYear=0', 'prepayment.perYear=0',
    ]);
    const run = await simulate(scenario, { inProcess: true });
    for (const acc of run.paths) {
      const f = pathFigures(acc, run.layout, run.clock);
      expect(acc[S.defaults]).toBe(0);
      // requests before the first billing (day 30 of 720, ~4%) and by the ~2% who never missed are approved
      expect(f.approvedShare!).toBeLessThan(0.1);
      expect(f.escalatedShare!).toBeGreaterThan(0.85);
    }
  });
});
