/**
 * The miss screen only ever answers "surely no miss", and is right whenever it
 * does: wherever surelyNoMiss is true, missesFromUniform (the exact decision) is
 * false. Checked over random borrowers under the baseline's parameters and under
 * odd ones (negative slopes, fractional score bounds, hazards near certainty).
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { missHazard, missesFromUniform, type MissParams } from '../../src/model/policies/credit.js';
import { MissScreen } from '../../src/model/policies/miss-screen.js';

interface Case {
  p: MissParams;
  min: number;
  max: number;
  P: number;
}

const cases: Case[] = [
  { p: { annualMissRateAtRef: 0.06, refScore: 650, scoreSlope: 0.9, utilSlope: 1 }, min: 350, max: 950, P: 30 },
  { p: { annualMissRateAtRef: 0.06, refScore: 650, scoreSlope: 0.9, utilSlope: 1 }, min: 350, max: 950, P: 365 },
  { p: { annualMissRateAtRef: 2, refScore: 600, scoreSlope: -3, utilSlope: -0.8 }, min: 300.5, max: 900.25, P: 60 },
  { p: { annualMissRateAtRef: 40, refScore: 650, scoreSlope: 0, utilSlope: 5 }, min: 0, max: 1, P: 30 },
  { p: { annualMissRateAtRef: 0, refScore: 650, scoreSlope: 0.9, utilSlope: 1 }, min: 350, max: 950, P: 30 },
];

describe('MissScreen', () => {
  it.each(cases.map((c, i) => [i, c] as const))('case %i: never screens out a miss', (_, c) => {
    const rng = seedrandom.alea(`miss-screen-${c.min}-${c.P}-${c.p.scoreSlope}`);
    const screen = new MissScreen(c.p, c.min, c.max, c.P);
    let screened = 0;
    let wrong = 0;
    const n = 100000;
    for (let i = 0; i < n; i++) {
      const score = i % 10 === 0 ? (i % 20 === 0 ? c.min : c.max) : c.min + rng() * (c.max - c.min);
      const util = i % 7 === 0 ? rng() * 3 : rng();
      const rho = [0, 0.04, 0.3, 1][i % 4]!;
      const x = (rng() - 0.5) * 8;
      const u = Math.max(2 ** -33, i % 3 === 0 ? rng() * 0.02 : rng());
      const [sr, s1] = [Math.sqrt(rho), Math.sqrt(1 - rho)];
      if (screen.surelyNoMiss(score, util, sr, s1, x, u)) {
        screened++;
        if (missesFromUniform(missHazard(c.p, score, util), c.P, sr, s1, x, u)) wrong++;
      }
    }
    expect(wrong).toBe(0);
    if (c === cases[0]) expect(screened).toBeGreaterThan(0.6 * n); // and it settles most (these inputs are harsher than a real book)
  });
});
