/**
 * Conservation with model v2 on (distress, bust-out, takeovers, investigation,
 * the identity check's catches and the risk-model cut), with more churn,
 * closure, misses and fraud than the baseline so every path exercises them:
 * - money: balance at start + drawn + capitalised interest = repaid + balance
 *   written off at default + balance removed by takeover write-offs + balance at
 *   the horizon, to 1e-12 of the money in, for the portfolio and each segment;
 * - loss = credit loss + fraud loss; the takeovers' part lies within the fraud loss;
 * - borrowers by status add up at every step, and the step series add up to the totals;
 * - defaults by hidden state, good + bad freeze events by cause, good + bad
 *   blocked attempts, what the rules caught: each part within its whole.
 * The sums are computed here from the raw slots, not with the engine's helpers.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { V2_APPENDIX } from '../helpers/v2.js';
import { simulate } from '../../src/engine/run.js';
import { S, STEP_SLOTS, T, segmentScopeBase } from '../../src/results/layout.js';
import { pathDetails, pathFigures } from '../../src/results/figures.js';
import { FREEZE_CAUSES } from '../../src/results/types.js';

const CAUSES = FREEZE_CAUSES.length;

describe('conservation with model v2 on', () => {
  for (const stepDays of [30, 1]) {
    it(`money, losses and counts add up with distress and fraud (${stepDays}-day steps)`, async () => {
      const scenario = await loadScenario('scenarios/baseline.yaml', [
        ...V2_APPENDIX,
        'run.paths=3', 'run.borrowersPerPath=1500', 'run.shardSize=500', `clock.stepDays=${stepDays}`, 'clock.horizonDays=360',
        // more of everything that moves money or status
        'churn.perYear=0.5', 'freeze.closure.maxFreezesPerYear=2', 'credit.annualMissRateAtRef=0.1',
        'fraud.bustOut.share=0.03', 'fraud.takeover.perYear=0.05', 'freeze.riskModel.cutLimitToBalance=true',
        'distress.entryPerYear=0.3',
      ]);
      const run = await simulate(scenario, { inProcess: true });
      for (const acc of run.paths) {
        // Every mechanic happened on this path (otherwise the checks below are empty).
        for (const slot of [S.defaultsDistressed, S.defaultsBustOut, S.takeovers, S.takeoversStopped, S.onsets, S.bustOutsStopped,
          S.closures, S.churned, S.writtenOff, S.distressRecoveries, S.confirmations]) {
          expect(acc[slot]!).toBeGreaterThan(0);
        }
        const bases = [0, ...scenario.segments.map((_, i) => segmentScopeBase(run.layout, i))];
        for (const base of bases) {
          const v = (slot: number) => acc[base + slot]!;
          const moneyIn = v(S.startBalance) + v(S.drawn) + v(S.capitalised);
          const moneyOut = v(S.repaid) + v(S.defaultedBalance) + v(S.writtenOff) + v(S.endBalance);
          expect(Math.abs(moneyIn - moneyOut)).toBeLessThanOrEqual(1e-12 * moneyIn);
          // Losses by source add up; each source is non-negative.
          expect(Math.abs(v(S.loss) - v(S.creditLoss) - v(S.fraudLoss))).toBeLessThanOrEqual(1e-12 * v(S.loss));
          expect(v(S.creditLoss)).toBeGreaterThanOrEqual(0);
          expect(v(S.takeoverLoss)).toBeGreaterThanOrEqual(0);
          expect(v(S.takeoverLoss)).toBeLessThanOrEqual(v(S.fraudLoss) * (1 + 1e-12));
          // A takeover write-off removes at most what the fraudster drew, and fraudsters' drains are draws.
          expect(v(S.writtenOff)).toBeLessThanOrEqual(v(S.takeoverLoss) * (1 + 1e-12));
          expect(v(S.fraudDrawn)).toBeLessThanOrEqual(v(S.drawn));
          // Defaults by hidden state: distressed and bust-out within all defaults; bust-outs within onsets.
          expect(v(S.defaultsDistressed) + v(S.defaultsBustOut)).toBeLessThanOrEqual(v(S.defaults));
          expect(v(S.defaultsBustOut)).toBeLessThanOrEqual(v(S.onsets));
          // Freeze quality: the bad events of each cause are part of that cause's events.
          for (let c = 0; c < CAUSES; c++) {
            expect(v(S.badFreezeEvents + c)).toBeGreaterThanOrEqual(0);
            expect(v(S.badFreezeEvents + c)).toBeLessThanOrEqual(v(S.freezeEvents + c));
          }
          expect(v(S.badRuleEvents)).toBeLessThanOrEqual(v(S.ruleEvents));
          // The rule's events are freeze events, whatever cause they were attributed to.
          let eventsAll = 0;
          for (let c = 0; c < CAUSES; c++) eventsAll += v(S.freezeEvents + c);
          expect(v(S.ruleEvents)).toBeLessThanOrEqual(eventsAll);
          expect(v(S.badHolds)).toBeLessThanOrEqual(v(S.holds));
          expect(v(S.badBlockedAttempts)).toBeLessThanOrEqual(v(S.blockedAttempts));
          expect(v(S.goodEverFrozen)).toBeLessThanOrEqual(v(S.everFrozen));
          // What the rules caught, within what there was to catch.
          expect(v(S.takeoversStopped)).toBeLessThanOrEqual(v(S.takeovers));
          expect(v(S.bustOutsStopped)).toBeLessThanOrEqual(v(S.onsets));
          expect(v(S.confirmations)).toBeLessThanOrEqual(v(S.investigations));
          expect(v(S.distressDefaultsFlagged)).toBeLessThanOrEqual(v(S.defaultsDistressed));
          // Distress episodes: entries are episodes; an episode ends at most once (recovery or default).
          expect(v(S.distressEntries)).toBeLessThanOrEqual(v(S.distressEpisodes));
          expect(v(S.distressRecoveries) + v(S.defaultsDistressed)).toBeLessThanOrEqual(v(S.distressEpisodes));
          expect(v(S.distressedDays)).toBeLessThanOrEqual(v(S.liveDays));
          expect(v(S.openDays) + v(S.closedDays)).toBeLessThanOrEqual(v(S.liveDays));
        }

        // Borrowers by status at every step, and the step series against the totals.
        let defaulted = 0;
        let onsets = 0;
        let takeovers = 0;
        let events = 0;
        for (let t = 0; t < run.clock.steps; t++) {
          const b = run.layout.stepBase + t * STEP_SLOTS;
          defaulted += acc[b + T.newDefaults]!;
          onsets += acc[b + T.onsets]!;
          takeovers += acc[b + T.takeovers]!;
          for (let c = 0; c < CAUSES; c++) events += acc[b + T.newEvents + c]!;
          expect(acc[b + T.open]! + acc[b + T.closed]! + acc[b + T.churned]! + defaulted).toBe(acc[S.borrowers]);
          expect(acc[b + T.distressed]!).toBeLessThanOrEqual(acc[b + T.open]!);
        }
        expect(defaulted).toBe(acc[S.defaults]);
        expect(onsets).toBe(acc[S.onsets]);
        expect(takeovers).toBe(acc[S.takeovers]);
        let allEvents = 0;
        for (let c = 0; c < CAUSES; c++) allEvents += acc[S.freezeEvents + c]!;
        expect(events).toBe(allEvents);
        // The events-per-borrower histogram counts every borrower once.
        let histogram = 0;
        for (let k = 0; k < 5; k++) histogram += acc[S.eventsHistogram + k]!;
        expect(histogram).toBe(acc[S.borrowers]);

        // The reported figures split the same way: by hidden state, good + bad, by source.
        const f: Record<string, number | null> = { ...pathFigures(acc, run.layout, run.clock), ...pathDetails(acc) };
        const n = (k: string) => f[k] as number;
        expect(n('defaultShareDistressed') + n('defaultShareBustOut') + n('defaultShareHealthy')).toBeCloseTo(1, 12);
        expect(n('creditLossRate') + n('fraudLossRate')).toBeCloseTo(n('lossRate'), 12);
        expect(n('blockedDrawsPerAccountYearGood') + n('blockedDrawsPerAccountYearBad')).toBeCloseTo(n('blockedDrawsPerAccountYear'), 12);
        for (const c of FREEZE_CAUSES) {
          expect(n(`goodFreezeEventsPer1000AccountMonths.${c}`) + n(`badFreezeEventsPer1000AccountMonths.${c}`))
            .toBeCloseTo(n(`freezeEventsPer1000AccountMonths.${c}`), 9);
        }
        const goodByCause = FREEZE_CAUSES.reduce((s, c) => s + n(`goodFreezeEventsPer1000AccountMonths.${c}`), 0);
        expect(n('goodCustomerFreezesPer1000AccountMonths')).toBeCloseTo(goodByCause, 9);
        const precision = n('freezePrecision');
        expect(precision).toBeGreaterThan(0);
        expect(precision).toBeLessThan(1);
      }
    });
  }
});
