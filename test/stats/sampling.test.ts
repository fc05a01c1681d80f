import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/stats/normal.js';
import { binomialPmf, poissonPmf } from '../../src/stats/pmf.js';
import {
  betaSample, binomialFromUniform, gammaSample, lognormalFromUniform, poissonFromUniform,
} from '../../src/stats/sampling.js';

const LAST_UNIFORM = 1 - 2 ** -53;

/**
 * Pearson's chi-square of observed counts against a pmf. Outcomes 0, 1, … are
 * merged into cells until each expects ≥ 5 draws (the usual validity rule);
 * whatever is left, up to infinity, is one last cell (merged into the previous
 * one if it expects < 5). The statistic is compared with the 0.999 quantile
 * of χ²(cells − 1) by Wilson–Hilferty (error well under 1% of the quantile for
 * df ≥ 10). A fixed seed makes the test deterministic; the 0.999 level makes a
 * false alarm after a reseed rare.
 */
function chiSquarePasses(counts: Map<number, number>, pmf: (k: number) => number, n: number, maxK: number): boolean {
  const observed: number[] = [];
  const expected: number[] = [];
  let obs = 0;
  let exp = 0;
  for (let k = 0; k <= maxK; k++) {
    obs += counts.get(k) ?? 0;
    exp += n * pmf(k);
    if (exp >= 5) {
      observed.push(obs);
      expected.push(exp);
      obs = 0;
      exp = 0;
    }
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const restObs = n - sum(observed);
  const restExp = n - sum(expected);
  if (restExp >= 5) {
    observed.push(restObs);
    expected.push(restExp);
  } else {
    observed[observed.length - 1]! += restObs;
    expected[expected.length - 1]! += restExp;
  }
  let stat = 0;
  for (let i = 0; i < observed.length; i++) stat += (observed[i]! - expected[i]!) ** 2 / expected[i]!;
  const df = observed.length - 1;
  expect(df).toBeGreaterThanOrEqual(5);
  const z = normalQuantile(0.999);
  const critical = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  return stat < critical;
}

function tally(draw: () => number, n: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = draw();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/** f on a grid of 100 001 uniforms from 0 to the last double below 1: integers, never decreasing. */
function expectNonDecreasing(f: (u: number) => number): void {
  let prev = f(0);
  let bad = '';
  for (let i = 1; i <= 100_000 && bad === ''; i++) {
    const u = i === 100_000 ? LAST_UNIFORM : i / 100_000;
    const x = f(u);
    if (!Number.isInteger(x) || x < prev) bad = `at u = ${u}: ${prev} then ${x}`;
    prev = x;
  }
  expect(bad).toBe('');
}

describe('poissonFromUniform', () => {
  // Poisson CDF values F(k; mean) from mpmath (regularised upper incomplete gamma, 40 digits).
  const cdf: [number, number, number][] = [
    [0.5, 0, 0.6065306597126334236], [0.5, 1, 0.90979598956895013541], [0.5, 3, 0.99824837744370917635],
    [3.7, 0, 0.024723526470339386811], [3.7, 2, 0.28543311310006824137], [3.7, 3, 0.49415324415041843146],
    [3.7, 9, 0.99515166261084562336],
    [29.9, 10, 0.000023923352260043437672], [29.9, 29, 0.4829921662849586689], [29.9, 45, 0.99626784394008953006],
    [30.1, 30, 0.54108846276459846278], [30.1, 50, 0.99967914841720356078],
    [45, 20, 0.000023878918525892436821], [45, 44, 0.48017407315919988006], [45, 45, 0.53953484963226691455],
    [45, 70, 0.99979253147109441],
    [500, 430, 0.0007439778886865324765], [500, 500, 0.51189112169875142096], [500, 501, 0.52969378424317435411],
    [500, 570, 0.99899953689196663439],
    [5000, 4800, 0.0022694038783433639512], [5000, 5000, 0.50376116777084666723],
    [5000, 5200, 0.99759281688680536852],
  ];
  it.each(cdf)('inverts the exact CDF: mean %d, jump at k = %d', (mean, k, f) => {
    // X(u) = min{k : u < F(k)}: just below F(k) gives k, just above gives k + 1
    expect(poissonFromUniform(f * (1 - 1e-10), mean)).toBe(k);
    expect(poissonFromUniform(f * (1 + 1e-10), mean)).toBe(k + 1);
  });

  it('is non-decreasing in u, from the first uniform to the last', () => {
    for (const mean of [1e-9, 0.3, 5, 29.9, 30.1, 200, 5000]) expectNonDecreasing((u) => poissonFromUniform(u, mean));
  });

  it('handles the edges', () => {
    expect(poissonFromUniform(0.7, 0)).toBe(0);
    expect(poissonFromUniform(0, 3)).toBe(0);
    // From the mode, lower-tail F under 1e-14 is rounding noise: u = 0 stops where F(k) ≈ 1e-14 (~7.5 sd below)
    expect(poissonFromUniform(0, 1000)).toBeGreaterThan(740);
    expect(poissonFromUniform(0, 1000)).toBeLessThan(780);
    expect(poissonFromUniform(LAST_UNIFORM, 3)).toBeLessThan(30);
    // P(X > 1262) ≈ 1e-16 for mean 1000: the last uniform lands just beyond
    expect(poissonFromUniform(LAST_UNIFORM, 1000)).toBeLessThan(1300);
    expect(() => poissonFromUniform(1, 3)).toThrow(RangeError);
    expect(() => poissonFromUniform(0.5, -1)).toThrow(RangeError);
    expect(() => poissonFromUniform(0.5, Number.NaN)).toThrow(RangeError);
  });

  it.each([3.7, 45, 700])('draws match the pmf (chi-square at the 0.999 level), mean %d', (mean) => {
    const rng = seedrandom.alea(`poisson-${mean}`);
    const n = 100_000;
    const counts = tally(() => poissonFromUniform(rng(), mean), n);
    expect(chiSquarePasses(counts, (k) => poissonPmf(k, mean), n, Math.ceil(mean + 12 * Math.sqrt(mean) + 20))).toBe(true);
  });
});

describe('the chi-square check', () => {
  it('has power: Poisson(45) draws fail against the Poisson(46) pmf', () => {
    const rng = seedrandom.alea('poisson-power');
    const counts = tally(() => poissonFromUniform(rng(), 45), 100_000);
    expect(chiSquarePasses(counts, (k) => poissonPmf(k, 46), 100_000, 150)).toBe(false);
  });
});

describe('binomialFromUniform', () => {
  // Binomial CDF values F(k; n, p) from mpmath (exact sums at 50 digits).
  const cdf: [number, number, number, number][] = [
    [10, 0.3, 0, 0.0282475249], [10, 0.3, 2, 0.3827827864], [10, 0.3, 3, 0.6496107184], [10, 0.3, 9, 0.9999940951],
    [19, 0.05, 0, 0.37735360253530761511], [19, 0.05, 1, 0.75470720507061523023], [19, 0.05, 4, 0.99798722116787871966],
    [1000, 0.6, 560, 0.0055555565550987313792], [1000, 0.6, 600, 0.51201496051433850416],
    [1000, 0.6, 640, 0.99570984645489404247],
    [1000, 0.01, 0, 0.000043171247410658250989], [1000, 0.01, 10, 0.58304080330109820538],
    [1000, 0.01, 25, 0.99998441334947065458],
    // p = the double nearest 0.999999999 (mpmath.mpf(0.999999999)), whose 1 − p is exact in binary
    [20, 0.999999999, 18, 1.8999998697286640386e-16], [20, 0.999999999, 19, 1.9999999244361382619e-8],
  ];
  it.each(cdf)('inverts the exact CDF: n %d, p %d, jump at k = %d', (n, p, k, f) => {
    expect(binomialFromUniform(f * (1 - 1e-9), n, p)).toBe(k);
    expect(binomialFromUniform(f * (1 + 1e-9), n, p)).toBe(k + 1);
  });

  it('is non-decreasing in u and stays within 0..n', () => {
    for (const [n, p] of [[1, 0.5], [10, 0.3], [19, 0.999], [200, 0.2], [1000, 0.6], [1000, 1 - 1e-12]] as const) {
      expectNonDecreasing((u) => binomialFromUniform(u, n, p));
      expect(binomialFromUniform(LAST_UNIFORM, n, p)).toBeLessThanOrEqual(n);
    }
  });

  it('handles the edges', () => {
    expect(binomialFromUniform(0.9, 0, 0.5)).toBe(0);
    expect(binomialFromUniform(0.9, 10, 0)).toBe(0);
    expect(binomialFromUniform(0, 10, 1)).toBe(10);
    expect(() => binomialFromUniform(0.5, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialFromUniform(0.5, 10, 1.5)).toThrow(RangeError);
  });

  it.each([[19, 0.05], [12, 0.5], [1000, 0.6]] as const)('draws match the pmf (chi-square at the 0.999 level), n %d, p %d', (n, p) => {
    const rng = seedrandom.alea(`binomial-${n}-${p}`);
    const draws = 100_000;
    const counts = tally(() => binomialFromUniform(rng(), n, p), draws);
    expect(chiSquarePasses(counts, (k) => binomialPmf(k, n, p), draws, n)).toBe(true);
  });
});

/** Share of draws at or below q: compared with P(X ≤ q) within 4.5 binomial sd. */
function expectShareBelow(xs: Float64Array, q: number, prob: number): void {
  let below = 0;
  for (const x of xs) if (x <= q) below++;
  const sd = Math.sqrt((prob * (1 - prob)) / xs.length);
  expect(Math.abs(below / xs.length - prob)).toBeLessThan(4.5 * sd);
}

function moments(xs: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / (xs.length - 1) };
}

describe('gammaSample', () => {
  const N = 100_000;
  it.each([[0.3, 1], [1, 2], [2.5, 3], [25, 0.1]] as const)('shape %d, scale %d: mean and variance match', (shape, scale) => {
    const rng = seedrandom.alea(`gamma-${shape}`);
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = gammaSample(rng, shape, scale);
    const { mean, variance } = moments(xs);
    const trueVar = shape * scale * scale;
    // se of the mean: √(var/N); se of the sample variance: var·√((2 + 6/shape)/N),
    // from Gamma's excess kurtosis 6/shape. Both within 4.5 se.
    expect(Math.abs(mean - shape * scale)).toBeLessThan(4.5 * Math.sqrt(trueVar / N));
    expect(Math.abs(variance - trueVar)).toBeLessThan(4.5 * trueVar * Math.sqrt((2 + 6 / shape) / N));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it('matches scipy quantiles (share of draws below each within 4.5 binomial sd)', () => {
    // scipy.stats.gamma.ppf(q, a) for q = 0.1, 0.5, 0.9
    const cases = [
      [0.5, [0.00789538704671561, 0.227468211559786, 1.352771727047702]],
      [2.5, [0.8051539934811613, 2.175730095547763, 4.618178449890562]],
    ] as const;
    for (const [shape, qs] of cases) {
      const rng = seedrandom.alea(`gamma-q-${shape}`);
      const xs = new Float64Array(N);
      for (let i = 0; i < N; i++) xs[i] = gammaSample(rng, shape, 1);
      expectShareBelow(xs, qs[0], 0.1);
      expectShareBelow(xs, qs[1], 0.5);
      expectShareBelow(xs, qs[2], 0.9);
    }
  });

  it('is a function of the uniforms alone', () => {
    const a = seedrandom.alea('same');
    const b = seedrandom.alea('same');
    for (let i = 0; i < 100; i++) expect(gammaSample(a, 0.7, 2)).toBe(gammaSample(b, 0.7, 2));
  });

  it('rejects bad parameters', () => {
    const rng = seedrandom.alea('x');
    expect(() => gammaSample(rng, 0, 1)).toThrow(RangeError);
    expect(() => gammaSample(rng, 1, -1)).toThrow(RangeError);
    expect(() => gammaSample(rng, Infinity, 1)).toThrow(RangeError);
  });
});

describe('betaSample', () => {
  it.each([[0.9, 5.1], [1.5, 1.5], [0.2, 0.3]] as const)('Beta(%d, %d): mean and variance match', (a, b) => {
    const N = 100_000;
    const rng = seedrandom.alea(`beta-${a}-${b}`);
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = betaSample(rng, a, b);
    const { mean, variance } = moments(xs);
    const m = a / (a + b);
    const v = (a * b) / ((a + b) ** 2 * (a + b + 1));
    // On [0, 1], (X − μ)² ≤ 1 so Var((X − μ)²) ≤ E(X − μ)² = v: se of the sample variance ≤ √(v/N).
    expect(Math.abs(mean - m)).toBeLessThan(4.5 * Math.sqrt(v / N));
    expect(Math.abs(variance - v)).toBeLessThan(4.5 * Math.sqrt(v / N));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
  });

  it('matches scipy quantiles of Beta(0.9, 5.1) (the baseline drawShare)', () => {
    const N = 100_000;
    const rng = seedrandom.alea('beta-q');
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = betaSample(rng, 0.9, 5.1);
    // scipy.stats.beta.ppf(q, 0.9, 5.1) for q = 0.1, 0.5, 0.9
    expectShareBelow(xs, 0.015165393262830642, 0.1);
    expectShareBelow(xs, 0.11140967131491582, 0.5);
    expectShareBelow(xs, 0.343508651770339, 0.9);
  });

  it('gives a number even when both gammas underflow', () => {
    // Marsaglia–Tsang accepts at once on (0.5, 0.5); the boost uniform 0 sends each log-gamma to −Infinity.
    const cycle = [0.5, 0.5, 0];
    let i = 0;
    const next = (): number => cycle[i++ % 3]!;
    expect(betaSample(next, 0.5, 0.5)).toBe(0.5);
  });
});

describe('lognormalFromUniform', () => {
  it('is median·exp(σ·Φ⁻¹(u))', () => {
    expect(lognormalFromUniform(0.5, 7000, 0.5)).toBe(7000);
    expect(lognormalFromUniform(normalCdf(1), 7000, 0.5)).toBeCloseTo(7000 * Math.exp(0.5), 8);
    expect(lognormalFromUniform(0, 7000, 0.5)).toBe(0);
    expect(lognormalFromUniform(0.3, 7000, 0)).toBe(7000);
    expect(() => lognormalFromUniform(1, 7000, 0.5)).toThrow(RangeError);
    expect(() => lognormalFromUniform(0.5, -1, 0.5)).toThrow(RangeError);
  });
});
