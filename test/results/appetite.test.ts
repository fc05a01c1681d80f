import { describe, expect, it } from 'vitest';
import { appetiteBound, appetiteVerdicts, judge, worstVerdict } from '../../src/results/appetite.js';
import type { Stat } from '../../src/results/types.js';

const path = (mean: number | null, lo: number, hi: number): Stat => ({
  mean,
  se: (hi - lo) / 3.92,
  ci95: [lo, hi],
  p05: lo,
  p50: mean,
  p95: hi,
  n: 100,
});
const tail = (value: number): Stat => ({ mean: value, se: null, ci95: null, p05: null, p50: null, p95: null, n: 100, tail: true });
const headline = (h: Record<string, Stat>) => ({ headline: h });

describe('appetiteBound', () => {
  it('reads a bare number and { max } as maxima and { min } as a minimum', () => {
    expect(appetiteBound(0.025)).toEqual({ bound: 'max', limit: 0.025 });
    expect(appetiteBound({ max: 15 })).toEqual({ bound: 'max', limit: 15 });
    expect(appetiteBound({ min: 0.1 })).toEqual({ bound: 'min', limit: 0.1 });
  });
});

describe('judge: path figures against a maximum', () => {
  it('is green when the mean and the whole interval are at or below the maximum', () => {
    expect(judge('annualDefaultRate', path(0.0146, 0.0134, 0.0158), 0.025).verdict).toBe('green');
    expect(judge('x', path(0.02, 0.015, 0.025), 0.025).verdict).toBe('green'); // the limit itself is within
  });
  it('is amber when the mean is within but the interval crosses', () => {
    const v = judge('freezeEventsPer1000AccountMonths', path(14.6, 14.2, 15.1), 15);
    expect(v.verdict).toBe('amber');
    expect(v.reason).toMatch(/interval reaches above the maximum/);
  });
  it('is amber when the mean equals the limit and the interval goes past it', () => {
    expect(judge('x', path(15, 14.5, 15.5), { max: 15 }).verdict).toBe('amber');
  });
  it('is red when the mean breaches, whatever the interval', () => {
    expect(judge('x', path(15.2, 14.8, 15.6), 15).verdict).toBe('red');
    expect(judge('x', path(0.03, 0.029, 0.031), { max: 0.025 }).verdict).toBe('red');
  });
});

describe('judge: path figures against a minimum', () => {
  it('is green, amber or red mirrored', () => {
    expect(judge('riskAdjustedRevenueRate', path(0.2, 0.19, 0.21), { min: 0.1 }).verdict).toBe('green');
    expect(judge('riskAdjustedRevenueRate', path(0.2, 0.19, 0.21), { min: 0.19 }).verdict).toBe('green');
    const amber = judge('riskAdjustedRevenueRate', path(0.2, 0.19, 0.21), { min: 0.195 });
    expect(amber.verdict).toBe('amber');
    expect(amber.reason).toMatch(/below the minimum/);
    expect(judge('riskAdjustedRevenueRate', path(0.2, 0.19, 0.21), { min: 0.25 }).verdict).toBe('red');
  });
});

describe('judge: tail figures', () => {
  const tailWith = (value: number, lo: number, hi: number, beyond = 12): Stat => ({ ...tail(value), ci95: [lo, hi], beyond });

  it('is judged with its interval, like a path figure: within, interval crosses, breached', () => {
    expect(judge('lossRateVaR99', tailWith(0.07, 0.06, 0.09), 0.15)).toMatchObject({ verdict: 'green', tail: true });
    expect(judge('lossRateVaR99', tailWith(0.14, 0.12, 0.17), 0.15).verdict).toBe('amber');
    expect(judge('lossRateVaR99', tailWith(0.2, 0.17, 0.3), 0.15).verdict).toBe('red');
    expect(judge('lossRateES99', tailWith(0.05, 0.04, 0.055), { min: 0.06 }).verdict).toBe('red');
  });

  it('says whether a breach may be noise: the interval reaching back within the limit', () => {
    // the case: a 100-path run "breaching" a VaR 99% limit of 20% at 20.1%
    const noisy = judge('lossRateVaR99', tailWith(0.201, 0.15, 0.26), 0.2);
    expect(noisy.verdict).toBe('red');
    expect(noisy.reason).toContain('may be noise');
    expect(judge('lossRateVaR99', tailWith(0.3, 0.25, 0.35), 0.2).reason).toContain('whole 95% interval');
  });

  it('is amber, not green, without an interval, and names an unreliable level', () => {
    const v = judge('lossRateVaR999', { ...tail(0.07), beyond: 1, unreliable: true, reason: 'the 95% interval is unbounded above' }, 0.15);
    expect(v.verdict).toBe('amber');
    expect(v.reason).toContain('only 1 path at or beyond the VaR');
    expect(judge('lossRateVaR99', tail(0.151), 0.15).verdict).toBe('red');
    expect(judge('lossRateVaR99', tail(0.15), 0.15).verdict).toBe('amber');
  });
});

describe('judge: what cannot be judged', () => {
  it('is unknown for a figure the summary lacks, naming it', () => {
    const v = judge('noSuchFigure', undefined, 1);
    expect(v).toMatchObject({ verdict: 'unknown', value: null });
    expect(v.reason).toContain("'noSuchFigure'");
  });
  it('is unknown for a null value, with its reason', () => {
    const stat: Stat = { mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n: 0, reason: 'no requests' };
    expect(judge('approvedShare', stat, { min: 0.5 })).toMatchObject({ verdict: 'unknown', reason: 'no value: no requests' });
  });
  it('is amber for a mean within the limit but with no interval (one path)', () => {
    const stat: Stat = { mean: 0.01, se: null, ci95: null, p05: 0.01, p50: 0.01, p95: 0.01, n: 1, reason: 'one path' };
    expect(judge('annualDefaultRate', stat, 0.025)).toMatchObject({ verdict: 'amber' });
    expect(judge('annualDefaultRate', stat, 0.005)).toMatchObject({ verdict: 'red' });
  });
});

describe('appetiteVerdicts', () => {
  const summary = headline({
    annualDefaultRate: path(0.0146, 0.0134, 0.0158),
    freezeEventsPer1000AccountMonths: path(14.6, 14.2, 15.1),
    lossRateVaR99: tail(0.16),
  });

  it('gives one verdict per appetite key, in the key order', () => {
    const verdicts = appetiteVerdicts(summary, { lossRateVaR99: 0.15, annualDefaultRate: 0.025, freezeEventsPer1000AccountMonths: { max: 15 } });
    expect(verdicts.map((v) => [v.figure, v.verdict])).toEqual([
      ['lossRateVaR99', 'red'],
      ['annualDefaultRate', 'green'],
      ['freezeEventsPer1000AccountMonths', 'amber'],
    ]);
  });
  it('gives nothing without an appetite', () => {
    expect(appetiteVerdicts(summary, undefined)).toEqual([]);
    expect(appetiteVerdicts(summary, {})).toEqual([]);
  });
  it('does not mistake inherited object properties for figures', () => {
    const verdicts = appetiteVerdicts(summary, { constructor: 1, toString: { min: 0 } });
    expect(verdicts.map((v) => v.verdict)).toEqual(['unknown', 'unknown']);
  });
  it('does not modify its inputs', () => {
    const frozen = Object.freeze({ headline: Object.freeze({ ...summary.headline }) });
    const appetite = Object.freeze({ annualDefaultRate: 0.025 });
    expect(() => appetiteVerdicts(frozen, appetite)).not.toThrow();
  });
});

describe('worstVerdict', () => {
  it('orders red > amber > unknown > green', () => {
    const v = (verdict: 'green' | 'amber' | 'red' | 'unknown') => ({ ...judge('x', undefined, 1), verdict });
    expect(worstVerdict([])).toBe('green');
    expect(worstVerdict([v('green'), v('unknown')])).toBe('unknown');
    expect(worstVerdict([v('green'), v('amber'), v('unknown')])).toBe('amber');
    expect(worstVerdict([v('amber'), v('red')])).toBe('red');
  });
});

describe('appetiteVerdicts on an importance-sampled run', () => {
  it('never calls an ordinary figure green with few effective paths; tail figures are judged as usual', () => {
    const h = { annualDefaultRate: path(0.01, 0.006, 0.014), lossRateVaR99: { ...tail(0.07), ci95: [0.06, 0.08] as [number, number], beyond: 700 } };
    const estimation = { method: 'importance sampling' as const, shift: -2.19, effectiveSampleSize: 8.7, meanWeight: 0.43, intervals: { mean: '', var: '', es: '' } };
    const v = appetiteVerdicts({ headline: h, estimation }, { annualDefaultRate: 0.025, lossRateVaR99: 0.15 });
    expect(v.map((x) => x.verdict)).toEqual(['amber', 'green']);
    expect(v[0]!.reason).toContain('effective sample size of 8.7');
    const plenty = appetiteVerdicts({ headline: h, estimation: { ...estimation, effectiveSampleSize: 300 } }, { annualDefaultRate: 0.025 });
    expect(plenty[0]!.verdict).toBe('green');
  });
});
