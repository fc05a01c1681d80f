/** The cross-field rules of MODEL.md's "Time" and the rest, on plain objects. */
import { describe, expect, it } from 'vitest';
import { billingPeriod, crossFieldIssues } from '../../src/scenario/rules.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { formatFieldPath } from '../../src/scenario/field-path.js';
import { BASELINE_FILE } from '../helpers/scenario-files.js';

const baseline = await resolveScenario(BASELINE_FILE);

/** The baseline with some fields replaced, as a plain object. */
function withFields(changes: Record<string, unknown>): unknown {
  const s = structuredClone(baseline) as unknown as Record<string, unknown>;
  for (const [dotted, value] of Object.entries(changes)) {
    const parts = dotted.split('.');
    let cur = s as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) cur = cur[p] as Record<string, unknown>;
    cur[parts.at(-1)!] = value;
  }
  return s;
}

const fields = (changes: Record<string, unknown>): string[] => crossFieldIssues(withFields(changes)).map((i) => formatFieldPath(i.path));

const CALENDAR_SAFE = {
  'clock.horizonDays': 360,
  'limits.review.everyDays': 180,
  'freeze.riskModel.velocity.windowDays': 30,
  'credit.defaultDpd': 90,
};

describe('the step size', () => {
  it.each([1, 2, 3, 5, 6, 10, 15, 30, 60, 90, 180])('accepts Δ = %i (divides 30 or a multiple of 30)', (step) => {
    const window = Math.max(30, step);
    expect(fields({ ...CALENDAR_SAFE, 'clock.stepDays': step, 'freeze.riskModel.velocity.windowDays': window, 'credit.defaultDpd': 180 })).toEqual([]);
  });

  it.each([4, 7, 45])('rejects Δ = %i', (step) => {
    expect(fields({ 'clock.stepDays': step, 'clock.horizonDays': step * 10 })).toContain('clock.stepDays');
  });

  it('lets a single step have any length', () => {
    const oneStep = { 'clock.stepDays': 365, 'clock.horizonDays': 365, 'limits.review.everyDays': 365, 'freeze.riskModel.velocity.windowDays': 365, 'credit.defaultDpd': 0 };
    expect(fields(oneStep)).toEqual([]);
    expect(fields({ ...oneStep, 'credit.defaultDpd': 365 })).toEqual([]);
  });

  it('needs every window and period to be whole steps', () => {
    expect(fields({ 'clock.horizonDays': 725 })).toEqual(['clock.horizonDays']);
    expect(fields({ 'limits.review.everyDays': 100 })).toEqual(['limits.review.everyDays']);
    expect(fields({ 'freeze.riskModel.velocity.windowDays': 7 })).toEqual(['freeze.riskModel.velocity.windowDays']);
  });
});

describe('defaultDpd and the billing period P = max(30, Δ)', () => {
  it('computes P', () => {
    expect([1, 10, 30, 60, 365].map(billingPeriod)).toEqual([30, 30, 30, 60, 365]);
  });

  it('needs defaultDpd to be whole billing periods', () => {
    expect(fields({ ...CALENDAR_SAFE, 'clock.stepDays': 1, 'credit.defaultDpd': 45 })).toEqual(['credit.defaultDpd']);
    expect(fields({ ...CALENDAR_SAFE, 'clock.stepDays': 1, 'credit.defaultDpd': 0 })).toEqual([]);
    expect(fields({ ...CALENDAR_SAFE, 'clock.stepDays': 60, 'clock.horizonDays': 720, 'limits.review.everyDays': 180, 'freeze.riskModel.velocity.windowDays': 60, 'credit.defaultDpd': 90 })).toEqual(['credit.defaultDpd']);
  });
});

describe('shocks', () => {
  it('need whole steps and fromDay < toDay', () => {
    expect(fields({ 'macro.shocks': [{ fromDay: 90, toDay: 360, shift: -2 }] })).toEqual([]);
    expect(fields({ 'macro.shocks': [{ fromDay: 90, toDay: 90, shift: -2 }] })).toEqual(['macro.shocks[0].fromDay']);
    expect(fields({ 'macro.shocks': [{ fromDay: 0, toDay: 30, shift: 0 }, { fromDay: 15, toDay: 30, shift: -1 }] })).toEqual(['macro.shocks[1].fromDay']);
  });
});

describe('segments, ranges and appetite', () => {
  it('shares sum to 1 within 1e-9', () => {
    const seg = baseline.segments;
    expect(fields({ segments: [{ ...seg[0], share: 0.7 }, { ...seg[1], share: 0.2 }] })).toEqual(['segments']);
    expect(fields({ segments: [{ ...seg[0], share: 0.7 }, { ...seg[1], share: 0.3 + 5e-10 }] })).toEqual([]);
    expect(fields({ segments: [{ ...seg[0], share: 0.1 }, { ...seg[1], share: 0.2 }, { ...seg[1], name: 'c', share: 0.7 }] })).toEqual([]);
  });

  it('names are unique', () => {
    expect(fields({ segments: [{ ...baseline.segments[0], share: 0.5 }, { ...baseline.segments[0], share: 0.5 }] })).toEqual(['segments[1].name']);
  });

  it('score.min < score.max and limits.initial.min ≤ limits.initial.max ≤ limits.cap', () => {
    expect(fields({ 'score.max': 350 })).toEqual(['score.max']);
    expect(fields({ 'limits.initial.max': 500 })).toEqual([]);
    expect(fields({ 'limits.initial.max': 499 })).toEqual(['limits.initial.max']);
    expect(fields({ 'limits.initial.max': 200000 })).toEqual([]); // the baseline's cap
    expect(fields({ 'limits.initial.max': 200001 })).toEqual(['limits.initial.max']);
  });

  it('a shock starts within the horizon', () => {
    expect(fields({ 'macro.shocks': [{ fromDay: 690, toDay: 900, shift: -1 }] })).toEqual([]);
    expect(fields({ 'macro.shocks': [{ fromDay: 720, toDay: 900, shift: -1 }] })).toEqual(['macro.shocks[0].fromDay']);
  });

  it('the score floor lies within the score range', () => {
    expect(fields({ 'freeze.scoreFloor.min': 350 })).toEqual([]);
    expect(fields({ 'freeze.scoreFloor.min': 349 })).toEqual(['freeze.scoreFloor.min']);
    expect(fields({ 'freeze.scoreFloor.min': 951 })).toEqual(['freeze.scoreFloor.min']);
  });

  it('appetite keys are headline figures', () => {
    expect(fields({ report: { appetite: { lossRateVaR99: 0.1, lossRateVar99: 0.1 } } })).toEqual(['report.appetite.lossRateVar99']);
  });

  it('skips a rule whose inputs the schema already rejects', () => {
    expect(fields({ 'clock.stepDays': 'thirty' })).toEqual([]);
    expect(fields({ 'clock.stepDays': 0 })).toEqual([]);
  });
});
