import { describe, expect, it } from 'vitest';
import { makeLayout, S, STEP_SLOTS, T, segmentScopeBase } from '../../src/model/layout.js';
import type { Clock } from '../../src/model/clock.js';
import { pathFigures, segmentFigures } from '../../src/results/figures.js';
import { FREEZE_CAUSES } from '../../src/results/types.js';
import {
  FIGURES, FIGURE_NAMES, PATH_FIGURES, REPORT_ORDER, SEGMENT_FIGURES, TAIL_FIGURES,
} from '../../src/results/registry.js';

const clock: Clock = { stepDays: 30, billingDays: 30, steps: 24, horizonDays: 720, billingEvery: 1 };

const FLOOR = FREEZE_CAUSES.indexOf('scoreFloor');

/** One path with hand-chosen totals, written to the portfolio block and (the same) to segment 1's. */
function accumulator() {
  const layout = makeLayout(2, clock.steps);
  const acc = new Float64Array(layout.size);
  const totals: [number, number][] = [
    [S.borrowers, 1000], [S.defaults, 30], [S.loss, 5000], [S.startBalance, 100000], [S.interest, 12000],
    [S.openDays, 600000], [S.closedDays, 20000], [S.holds, 40], [S.freezeEvents + 0, 50], [S.freezeEvents + FLOOR, 10],
    [S.requests, 200], [S.outcomes + 0, 120], [S.startLimit, 500000], [S.startOpen, 1000], [S.endLimitOpen, 540000],
    [S.endOpen, 900], [S.freezeEnded + FLOOR, 4],
    // model v2: 1000 of the 5000 loss is fraud (600 of it takeovers'); 50 of the 60 events on bad accounts
    [S.creditLoss, 4000], [S.fraudLoss, 1000], [S.takeoverLoss, 600], [S.badFreezeEvents + 0, 50], [S.badFreezeEvents + FLOOR, 0],
    [S.ruleEvents, 12], [S.badRuleEvents, 2], [S.defaultsDistressed, 20], [S.defaultsBustOut, 3], [S.goodEverFrozen, 8],
    [S.distressRecoveries, 60], [S.distressedDays, 14400], [S.distressDefaultsFlagged, 5], [S.takeovers, 3], [S.takeoversStopped, 1],
    [S.liveDays, 700000], [S.distressEntries, 90],
  ];
  for (const base of [0, segmentScopeBase(layout, 1)]) for (const [slot, v] of totals) acc[base + slot] = v;
  acc[layout.stepBase + (clock.steps - 1) * STEP_SLOTS + T.exposure] = 80000;
  return { layout, acc };
}

describe('the figure registry', () => {
  it('computes each figure from its definition in docs/model.md', () => {
    const { layout, acc } = accumulator();
    const f = pathFigures(acc, layout, clock);
    expect(f.defaultRate).toBe(30 / 1000);
    expect(f.annualDefaultRate).toBeCloseTo((0.03 * 365) / 720, 15);
    expect(f.lossRate).toBe(0.05);
    expect(f.annualLossRate).toBeCloseTo((0.05 * 365) / 720, 15);
    expect(f.freezeEventsPer1000AccountMonths).toBeCloseTo((60 / (600000 / 30)) * 1000, 12);
    expect(f.approvedShare).toBe(0.6);
    expect(f.riskAdjustedRevenue).toBe(7000);
    expect(f.annualRiskAdjustedRevenueRate).toBeCloseTo((0.07 * 365) / 720, 15);
    expect(f.exposureRatio).toBe(0.8);
    expect(f.meanLimitGrowthPerYear).toBeCloseTo(Math.pow(600 / 500, 365 / 720) - 1, 12);
    expect(f.scoreFloorEndedShare).toBe(0.4);
    expect(f.everFrozenShare).toBe(0); // no borrower counted as ever frozen
    // model v2
    expect(f.creditLossRate).toBe(0.04);
    expect(f.fraudLossRate).toBe(0.01);
    expect(f.takeoverLossShare).toBe(600 / 5000);
    expect(f.bustOutLossShare).toBe(400 / 5000);
    expect(f.defaultShareDistressed).toBe(20 / 30);
    expect(f.defaultShareBustOut).toBe(3 / 30);
    expect(f.defaultShareHealthy).toBe(7 / 30);
    expect(f.goodCustomerFreezesPer1000AccountMonths).toBeCloseTo((10 / (600000 / 30)) * 1000, 12);
    expect(f.freezePrecision).toBe(50 / 60);
    expect(f.falseFlagsPerTrueFlag).toBe(10 / 50);
    expect(f.falseFlagsPerTrueFlagRiskModelRule).toBe(10 / 2);
    expect(f.goodCustomersEverFrozenShare).toBe(0.008);
    expect(f.distressEpisodeMeanDays).toBe(14400 / 80);
    expect(f.distressEpisodesEndedInDefaultShare).toBe(20 / 80);
    expect(f.distressDefaultsFlaggedShare).toBe(5 / 20);
    expect(f.takeoversStoppedShare).toBe(1 / 3);
    expect(f.fraudLossPerTakeover).toBe(200);
    expect(f.distressEntriesPerYear).toBeCloseTo((90 * 365) / 700000, 15);
    expect(f.bustOutsStoppedShare).toBeNull(); // no onsets: a ratio over zero
  });

  it('gives a segment the portfolio formula over its own block', () => {
    const { layout, acc } = accumulator();
    const portfolio = pathFigures(acc, layout, clock);
    const seg1 = segmentFigures(acc, layout, clock, 1);
    const seg0 = segmentFigures(acc, layout, clock, 0);
    expect(Object.keys(seg1)).toEqual(SEGMENT_FIGURES);
    for (const name of SEGMENT_FIGURES) expect(seg1[name]).toBe(portfolio[name]);
    expect(seg0.defaultRate).toBeNull(); // segment 0 has no borrowers
  });

  it('orders every figure once for reports, and tails summarise a per-path figure', () => {
    expect([...REPORT_ORDER].sort()).toEqual([...FIGURE_NAMES].sort());
    expect(new Set(REPORT_ORDER).size).toBe(REPORT_ORDER.length);
    for (const { def } of TAIL_FIGURES) expect(PATH_FIGURES).toContain(def.of);
    expect(PATH_FIGURES.length + TAIL_FIGURES.length).toBe(FIGURE_NAMES.length);
    // the labels say which figures are totals over the horizon
    for (const n of ['lossRate', 'lossAmount', 'interestRevenueRate', 'riskAdjustedRevenueRate'] as const) {
      expect(FIGURES[n].horizon).toBe('horizon');
      expect(FIGURES[n].label).toMatch(/over the horizon/);
    }
    for (const n of ['annualLossRate', 'annualInterestRevenueRate', 'annualRiskAdjustedRevenueRate'] as const) {
      expect(FIGURES[n].horizon).toBe('annualised');
      expect(FIGURES[n].label).toMatch(/^Annualised/);
    }
  });
});
