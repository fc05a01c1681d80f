/**
 * Relative changes and materiality: a change the paired interval resolves but
 * too small to matter is "immaterial", not starred like a real effect. The
 * truths here are arithmetic on the inputs (a change over its base value), not
 * the code's own output.
 */
import { describe, expect, it } from 'vitest';
import { formatChange, formatRelative } from '../../src/compare/format.js';
import { DEFAULT_MATERIALITY, materialityThreshold, parseMateriality, relativeChange, verdictOf, withMateriality } from '../../src/compare/materiality.js';
import { pairedDifference } from '../../src/compare/paired.js';
import { compareRuns } from '../../src/compare/compare.js';
import type { PathFigureDelta } from '../../src/compare/types.js';
import { makeSummaryFixture } from '../fixtures/summary-fixture.js';
import { formatSweepText } from '../../src/compare/text.js';
import { shiftedSummary, sweepFixture } from './fixture.js';

describe('relative change and threshold', () => {
  it('divide the change by the size of the base value, so the sign is the direction even below zero', () => {
    expect(relativeChange(-0.000022, 0.0147)).toBeCloseTo(-0.000022 / 0.0147, 15);
    expect(relativeChange(0.5, -2)).toBe(0.25);
    expect(relativeChange(0.1, 0)).toBeNull();
    expect(relativeChange(null, 1)).toBeNull();
    expect(materialityThreshold(-2, 0.01)).toBe(0.02);
    expect(materialityThreshold(0, 0.01)).toBe(0);
    expect(materialityThreshold(null, 0.01)).toBeNull();
  });

  it('judge a change: material only when the interval excludes zero and the change reaches the threshold', () => {
    expect(verdictOf({ difference: 0.02, distinguishable: true }, 0.01)).toBe('material');
    expect(verdictOf({ difference: -0.01, distinguishable: true }, 0.01)).toBe('material');
    expect(verdictOf({ difference: -0.005, distinguishable: true }, 0.01)).toBe('immaterial');
    expect(verdictOf({ difference: 0.5, distinguishable: false }, 0.01)).toBe('not distinguishable');
    expect(verdictOf({ difference: 0.5, distinguishable: null }, 0.01)).toBe('no interval');
    // from a base of zero any distinguishable change matters
    expect(verdictOf({ difference: 1e-9, distinguishable: true }, 0)).toBe('material');
  });

  it('a paired change of a tenth of a percent of its base is distinguishable but immaterial at the default 1%, material at 0.05%', () => {
    // base 1.47% on every path; the alternative 0.0022 pp lower, ± a little path noise
    const base = Array.from({ length: 40 }, (_, p) => 0.0147 + 0.002 * Math.sin(p));
    const alt = base.map((v, p) => v - 0.000022 + 1e-6 * Math.cos(3 * p));
    const d = pairedDifference(base, alt);
    expect(d.distinguishable).toBe(true);
    expect(d.relative!).toBeCloseTo(d.difference! / d.base!, 15);
    expect(d.materialityThreshold!).toBeCloseTo(DEFAULT_MATERIALITY * d.base!, 15);
    expect(d.verdict).toBe('immaterial');
    expect(pairedDifference(base, alt, 0.0005).verdict).toBe('material');
    expect(pairedDifference(base, alt, 0).verdict).toBe('material');
    expect(formatChange(d, 'share')).toBe('−0.0022 pp (−0.15%)');
  });

  it('re-judging keeps the change and its interval', () => {
    const d = pairedDifference([1, 2, 3, 4], [1.1, 2.2, 3.1, 4.3]);
    const strict = withMateriality(d, 0.5);
    expect({ ...strict, verdict: d.verdict, materialityThreshold: d.materialityThreshold }).toEqual(d);
    expect(strict.verdict).toBe('immaterial');
  });
});

describe('comparison.json', () => {
  it('records the materiality and judges every figure with it', () => {
    const base = makeSummaryFixture();
    const alt = shiftedSummary(0.003, 'slightly-different');
    const loose = compareRuns({ label: 'b', file: 'b.yaml', summary: base }, [{ label: 'a', file: 'a.yaml', summary: alt }]);
    const strict = compareRuns({ label: 'b', file: 'b.yaml', summary: base }, [{ label: 'a', file: 'a.yaml', summary: alt }], 0.001);
    expect(loose.materiality).toBe(0.01);
    expect(strict.materiality).toBe(0.001);
    const l = loose.alternatives[0]!.figures['lossRate'] as PathFigureDelta;
    const s = strict.alternatives[0]!.figures['lossRate'] as PathFigureDelta;
    // the fixture moves every per-path value by 0.3% (± 1% path noise): resolved, but below 1% of the base
    expect(l.distinguishable).toBe(true);
    expect(l.verdict).toBe('immaterial');
    expect(s.verdict).toBe('material');
    expect(Math.abs(l.relative! - (l.alternative! - l.base!) / l.base!)).toBeLessThan(1e-12);
    const tail = loose.alternatives[0]!.figures['lossRateVaR99']!;
    expect(tail.tail && tail.relative).toBeCloseTo((tail.alternative! - tail.base!) / tail.base!, 12);
  });
});

describe('flags and formatting', () => {
  it('--materiality takes a fraction in [0, 1) and refuses what looks like a percentage', () => {
    expect(parseMateriality(undefined)).toBe(0.01);
    expect(parseMateriality('0.05')).toBe(0.05);
    expect(parseMateriality('0')).toBe(0);
    for (const bad of ['1', '5', '-0.01', 'abc', '', '1%', 'NaN']) expect(parseMateriality(bad), bad).toMatch(/--materiality must be a fraction/);
  });

  it('prints relative changes with two significant digits', () => {
    expect(formatRelative(-0.0015)).toBe('−0.15%');
    expect(formatRelative(0.043)).toBe('+4.3%');
    expect(formatRelative(0.25)).toBe('+25%');
    expect(formatRelative(-0.000031)).toBe('−0.0031%');
    expect(formatRelative(0)).toBe('0.00%');
    expect(formatRelative(null)).toBe('—');
  });
});

describe('sweep text', () => {
  it('shows each change with its interval and relative size, marks material and immaterial ones, and adds good-customer freezes when present', () => {
    const plain = formatSweepText(sweepFixture([2, 3, 6]), { json: 's.json' });
    expect(plain).not.toContain('good-customer');
    expect(plain).toMatch(/^ {2}as given \(maxDraws=4\) .* reference +reference +reference$/m);
    // grid point 0 has an effect of 0 against the reference's 0.045: about −4.3% on every figure, material
    expect(plain).toMatch(/^ {2}maxDraws=2 .*\(−4\.\d%\)\*/m);
    const v2 = formatSweepText(sweepFixture([2, 3, 6], { v2: true }), { json: 's.json' });
    expect(v2).toContain('Δ good-customer freezes ± 95% (relative)');
    // a materiality of 50% makes the same changes immaterial
    const strict = sweepFixture([2, 3, 6]);
    for (const row of strict.rows) for (const [k, d] of Object.entries(row.differenceFromReference)) row.differenceFromReference[k] = withMateriality(d, 0.5);
    expect(formatSweepText({ ...strict, materiality: 0.5 }, { json: 's.json' })).toMatch(/^ {2}maxDraws=2 .*\(−4\.\d%\)°/m);
  });
});
