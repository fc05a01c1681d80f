/**
 * With model v2 off, v1 keeps its meaning (MODEL.md "Streams (v2)"): the closed
 * forms of test/model/vasicek.test.ts and test/model/hazard.test.ts assume
 * distress and fraud off, so their scenario must keep them off whatever the
 * baseline it extends switches on; and while the mechanics are off, their
 * parameters change nothing at all — no v2 stream is drawn, bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { V2_OFF } from '../helpers/v2.js';
import { simulate } from '../../src/engine/run.js';

describe('model v2 off', () => {
  it('the Vasicek / constant-hazard validation scenario has every v2 mechanic off', async () => {
    const s = await loadScenario('scenarios/validation/vasicek.yaml');
    expect(s.distress.enabled).toBe(false);
    expect(s.fraud.bustOut.enabled).toBe(false);
    expect(s.fraud.takeover.enabled).toBe(false);
  });

  it('the parameters of switched-off v2 mechanics change no slot of the accumulators', async () => {
    const sizes = ['run.paths=2', 'run.borrowersPerPath=1000', 'run.shardSize=500', 'clock.horizonDays=360'];
    const a = await simulate(await loadScenario('scenarios/baseline.yaml', [...sizes, ...V2_OFF]), { inProcess: true });
    const b = await simulate(
      await loadScenario('scenarios/baseline.yaml', [
        ...sizes, ...V2_OFF,
        'distress.initialShare=0.5', 'distress.entryPerYear=3', 'distress.missMultiplier=99', 'distress.drawRateMultiplier=7',
        'distress.requestMultiplier=4', 'distress.frozenMissMultiplier=3',
        'fraud.bustOut.share=0.5', 'fraud.bustOut.requestMultiplier=9', 'fraud.bustOut.meanSleeperDays=30',
        'fraud.takeover.perYear=5', 'fraud.takeover.noticeDays=1', 'fraud.investigation.confirmProb=0.1',
      ]),
      { inProcess: true },
    );
    for (let p = 0; p < a.paths.length; p++) expect(Array.from(b.paths[p]!)).toEqual(Array.from(a.paths[p]!));
  });
});
