import { describe, expect, it } from 'vitest';
import { makeLayout, S, STEP_SLOTS, T, segmentScopeBase } from '../../src/model/layout.js';
import type { Clock } from '../../src/model/clock.js';
import { pathFigures, segmentFigures } from '../../src/results/figures.js';
import {
  FIGURES, FIGURE_NAMES, PATH_FIGURES, REPORT_ORDER, SEGMENT_FIGURES, TAIL_FIGURES,
} from '../../src/results/registry.js';

const clock: Clock = { stepDays: 30, billingDays: 30, steps: 24, horizonDays: 720, billingEvery: 1 };

/** One path with hand-chosen totals, written to the portfolio block and (the same) to segment 1's. */
function accumulator() {
  const layout = makeLayout(2, clock.steps);
  const acc = new Float64Array(layout.size);
  const totals: [number, number][] = [
    [S.borrowers, 1000], [S.defaults, 30], [S.loss, 5000], [S.startBalance, 100000], [S.interest, 12000],
    [S.openDays, 600000], [S.closedDays, 20000], [S.holds, 40], [S.freezeEvents + 0, 50], [S.freezeEvents + 1, 10],
    [S.requests, 200], [S.outcomes + 0, 120], [S.startLimit, 500000], [S.startOpen, 1000], [S.endLimitOpen, 540000],
    [S.endOpen, 900], [S.freezeEnded + 1, 4],
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
