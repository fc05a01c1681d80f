/**
 * Model v2 against its closed forms (MODEL.md "Reference values", v2), each
 * truth computed here from the parameters, not by the engine's own helpers:
 *
 * - distress as a two-state chain at billings: the distressed share after k
 *   billings is π∞ + (π0 − π∞)(1 − p − q)^k;
 * - bust-out with every rule and check off: planners default within the horizon
 *   H with probability 1 − exp(−(H − defaultDpd)/meanSleeperDays), each losing
 *   its whole limit plus the interest capitalised since, at fraud.bustOut.lgd;
 * - takeovers with every rule off: Poisson in open account-days at perYear, each
 *   writing off the room its account had at τ_T (plus an approved increase's room).
 *
 * Tolerances come from the Monte Carlo law of each count (binomial or Poisson
 * across independent borrowers) and are said where they are used. Every
 * scenario is scenarios/baseline.yaml with explicit overrides (test/helpers/v2.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../helpers/scenario.js';
import { EVERY_RULE_OFF, V2_OFF } from '../helpers/v2.js';
import { simulate, type RunAccumulators } from '../../src/engine/run.js';
import { S, STEP_SLOTS, T, segmentScopeBase } from '../../src/results/layout.js';

/** 4.5 standard errors: a two-sided false alarm of 7e-6 per comparison, ~1e-4 over the ~15 made here per run. */
const Z = 4.5;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const total = (run: RunAccumulators, slot: number) => sum(run.paths.map((acc) => acc[slot]!));
const stepTotal = (run: RunAccumulators, t: number, slot: number) =>
  sum(run.paths.map((acc) => acc[run.layout.stepBase + t * STEP_SLOTS + slot]!));

/** With LIMITLAB_VERBOSE set, the observed and closed-form values are printed. */
const say = (line: string) => {
  if (process.env.LIMITLAB_VERBOSE) console.log(line);
};

/** (observed − expected) for a Binomial(n, p) count, in standard errors. */
function binomialZ(observed: number, n: number, p: number): number {
  return (observed - n * p) / Math.sqrt(n * p * (1 - p));
}

describe('v2 closed forms: the distress chain at billings', () => {
  // Every policy rule off, no misses (annualMissRateAtRef 0, missMultiplier 1),
  // no macro or score dependence: each borrower's hidden state is an independent
  // two-state Markov chain stepped at billings, so the number distressed after k
  // billings is Binomial(N, π_k) exactly. With churn 0 and no closures or defaults
  // every account stays open, so the `distressed` series counts all of them.
  const initialShare = 0.4;
  const entryPerYear = 0.6;
  const exitPerYear = 3;
  const chain = [
    ...V2_OFF, ...EVERY_RULE_OFF, 'clock.horizonDays=360', 'credit.annualMissRateAtRef=0',
    'distress.enabled=true', `distress.initialShare=${initialShare}`, `distress.entryPerYear=${entryPerYear}`,
    `distress.exitPerYear=${exitPerYear}`, 'distress.missMultiplier=1', 'distress.macroSlope=0', 'distress.scoreSlope=0',
  ];
  const P = 30;
  const p = 1 - Math.exp((-entryPerYear * P) / 365);
  const q = 1 - Math.exp((-exitPerYear * P) / 365);
  const piInf = p / (p + q);
  const share = (k: number) => piInf + (initialShare - piInf) * (1 - p - q) ** k;

  for (const stepDays of [30, 1]) {
    it(`the distressed share after k billings follows π∞ + (π0 − π∞)(1 − p − q)^k (${stepDays}-day steps)`, async () => {
      const sizes = stepDays === 30 ? ['run.paths=4', 'run.borrowersPerPath=10000', 'run.shardSize=5000'] : ['run.paths=2', 'run.borrowersPerPath=2500', 'run.shardSize=2500'];
      const run = await simulate(await loadScenario('scenarios/baseline.yaml', [...chain, ...sizes, `clock.stepDays=${stepDays}`]), { inProcess: true });
      const n = total(run, S.borrowers);
      expect(total(run, S.defaults)).toBe(0);
      // The initial draw: Binomial(N, initialShare).
      const initial = total(run, S.distressEpisodes) - total(run, S.distressEntries);
      expect(Math.abs(binomialZ(initial, n, initialShare))).toBeLessThan(Z);
      const per = P / stepDays;
      const failures: string[] = [];
      let atLastBilling = NaN;
      for (let t = 0; t < run.clock.steps; t++) {
        expect(stepTotal(run, t, T.open)).toBe(n);
        const distressed = stepTotal(run, t, T.distressed);
        if ((t + 1) % per !== 0) {
          // Between billings nothing moves: the count is the one at the last billing (or the start).
          if (t >= per) expect(distressed).toBe(atLastBilling);
          continue;
        }
        atLastBilling = distressed;
        const k = (t + 1) / per;
        const z = binomialZ(distressed, n, share(k));
        say(`distress Δ=${stepDays} k=${k}: ${(distressed / n).toFixed(4)} vs ${share(k).toFixed(4)}, z ${z.toFixed(2)}`);
        if (!(Math.abs(z) < Z)) failures.push(`k=${k}: ${distressed}/${n} vs ${share(k).toFixed(4)}, z ${z.toFixed(2)}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe('v2 closed forms: bust-out with every rule and check off', () => {
  // Planners (share 0.4, so healthy borrowers are in the book too) never default
  // before their onset: there are no misses. Every limit is fixed at L (initial
  // min = max, no review, no requests), so a bust-out's balance at its onset is L
  // and grows by the interest capitalised at each of the defaultDpd/P + 1 billings
  // from its first miss to its default.
  const share = 0.4;
  const meanSleeperDays = 365;
  const defaultDpd = 90;
  const H = 360;
  const L = 5000;
  const lgd = 0.9; // distinct from both segments' lgd, so the loss shows which one was used
  const bustOut = [
    ...V2_OFF, ...EVERY_RULE_OFF, `clock.horizonDays=${H}`, 'credit.annualMissRateAtRef=0', `credit.defaultDpd=${defaultDpd}`,
    'fraud.bustOut.enabled=true', `fraud.bustOut.share=${share}`, `fraud.bustOut.meanSleeperDays=${meanSleeperDays}`, `fraud.bustOut.lgd=${lgd}`,
    `limits.initial.min=${L}`, `limits.initial.max=${L}`,
  ];

  for (const stepDays of [30, 1]) {
    it(`planners default within the horizon with 1 − exp(−(H − defaultDpd)/meanSleeperDays), losing limit plus capitalised interest at its lgd (${stepDays}-day steps)`, async () => {
      const sizes = stepDays === 30 ? ['run.paths=4', 'run.borrowersPerPath=5000', 'run.shardSize=5000'] : ['run.paths=2', 'run.borrowersPerPath=2000', 'run.shardSize=2000'];
      const scenario = await loadScenario('scenarios/baseline.yaml', [...bustOut, ...sizes, `clock.stepDays=${stepDays}`]);
      const run = await simulate(scenario, { inProcess: true });
      const n = total(run, S.borrowers);
      const defaults = total(run, S.defaults);
      // Each borrower independently: a planner (share) whose onset comes early enough.
      const pDefault = share * (1 - Math.exp(-(H - defaultDpd) / meanSleeperDays));
      const pOnset = share * (1 - Math.exp(-H / meanSleeperDays));
      const zDefault = binomialZ(defaults, n, pDefault);
      const zOnset = binomialZ(total(run, S.onsets), n, pOnset);
      say(`bust-out Δ=${stepDays}: defaults ${(defaults / n).toFixed(4)} vs ${pDefault.toFixed(4)} (z ${zDefault.toFixed(2)}), onsets ${(total(run, S.onsets) / n).toFixed(4)} vs ${pOnset.toFixed(4)} (z ${zOnset.toFixed(2)}), N ${n}`);
      expect(Math.abs(zDefault)).toBeLessThan(Z);
      expect(Math.abs(zOnset)).toBeLessThan(Z);
      expect(total(run, S.defaultsBustOut)).toBe(defaults);
      expect(total(run, S.defaultsDistressed)).toBe(0);
      expect(defaults).toBeGreaterThan(0);

      // The loss, segment by segment (each has its own apr), exactly up to rounding:
      // balance at default = L·(1 + apr·P/365)^(defaultDpd/P + 1), loss = lgd × that.
      const billings = defaultDpd / 30 + 1;
      for (const acc of run.paths) {
        expect(acc[S.creditLoss]!).toBe(0);
        expect(acc[S.takeoverLoss]!).toBe(0);
        expect(acc[S.fraudLoss]!).toBeCloseTo(acc[S.loss]!, 6);
        expect(Math.abs(acc[S.fraudLoss]! - lgd * acc[S.defaultedBalance]!)).toBeLessThanOrEqual(1e-12 * acc[S.fraudLoss]!);
        scenario.segments.forEach((seg, i) => {
          const base = segmentScopeBase(run.layout, i);
          const perDefault = L * (1 + (seg.apr * 30) / 365) ** billings;
          const expected = acc[base + S.defaults]! * perDefault;
          expect(Math.abs(acc[base + S.defaultedBalance]! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
          expect(Math.abs(acc[base + S.fraudLoss]! - lgd * expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        });
      }
    });
  }
});

describe('v2 closed forms: account takeovers with every rule off', () => {
  it('the count is Poisson in open account-days at perYear: mean and dispersion across paths', async () => {
    // The owner notices at once and no fraud freeze follows, so no arrival is lost
    // to a running takeover or a freeze, and with every rule off, no misses and no
    // churn every account is open throughout: each path's count is Poisson with
    // mean perYear · openDays / 365 exactly (about 197 here).
    const perYear = 0.1;
    const scenario = await loadScenario('scenarios/baseline.yaml', [
      ...V2_OFF, ...EVERY_RULE_OFF, 'clock.horizonDays=360', 'credit.annualMissRateAtRef=0',
      'run.paths=100', 'run.borrowersPerPath=2000', 'run.shardSize=2000',
      'fraud.takeover.enabled=true', `fraud.takeover.perYear=${perYear}`, 'fraud.takeover.noticeDays=0', 'fraud.takeover.freezeDays=0',
    ]);
    const run = await simulate(scenario, { inProcess: true });
    const counts = run.paths.map((acc) => acc[S.takeovers]!);
    const means = run.paths.map((acc) => (perYear * acc[S.openDays]!) / 365);
    run.paths.forEach((acc) => expect(acc[S.openDays]).toBe(acc[S.borrowers]! * 360));
    // Mean: the total is Poisson(Σ mean); 4.5 standard errors.
    const expected = sum(means);
    const zCount = (sum(counts) - expected) / Math.sqrt(expected);
    expect(Math.abs(zCount)).toBeLessThan(Z);
    // Dispersion: Σ (x − m)²/m over 100 paths is χ²(100) for Poisson counts (normal
    // approximation, m ≈ 197). Its 0.0005 and 0.9995 quantiles by Wilson–Hilferty:
    // 100·(1 − 2/900 ∓ 3.29·sqrt(2/900))³ = 59.8 and 153.2. Counts with twice the
    // Poisson variance (expected 200) or half of it (expected 50) fall outside.
    const dispersion = sum(counts.map((x, i) => (x - means[i]!) ** 2 / means[i]!));
    const df = counts.length;
    const wh = (z: number) => df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
    say(`takeovers: ${sum(counts)} vs ${expected.toFixed(1)} (z ${zCount.toFixed(2)}); Σ(x − m)²/m ${dispersion.toFixed(1)} in [${wh(-3.29).toFixed(1)}, ${wh(3.29).toFixed(1)}]`);
    expect(dispersion).toBeGreaterThan(wh(-3.29));
    expect(dispersion).toBeLessThan(wh(3.29));
    // The step series counts the same takeovers.
    for (const acc of run.paths) {
      let s = 0;
      for (let t = 0; t < run.clock.steps; t++) s += acc[run.layout.stepBase + t * STEP_SLOTS + T.takeovers]!;
      expect(s).toBe(acc[S.takeovers]);
    }
  });

  // A book where the room at τ_T is known: every limit L, no draws, start balances
  // below 1e-3 (initial utilisation of mean 1e-9), and a term so long that the
  // owner's amortisation moves nothing (a 1e-9 share a period). So the room at a
  // takeover is L up to 1e-3, and the fraudster's draws are written off in full.
  const L = 5000;
  const knownRoom = [
    ...V2_OFF, ...EVERY_RULE_OFF, 'clock.horizonDays=360', 'credit.annualMissRateAtRef=0',
    `limits.initial.min=${L}`, `limits.initial.max=${L}`,
    ...[0, 1].flatMap((s) => [
      `segments.${s}.drawsPerYear.mean=0`, `segments.${s}.initialUtilisation.mean=1e-9`,
      `segments.${s}.initialUtilisation.concentration=1000000`, `segments.${s}.termMonths=1e9`,
    ]),
    'fraud.takeover.enabled=true', 'fraud.takeover.perYear=0.5', 'fraud.takeover.noticeDays=10', 'fraud.takeover.freezeDays=7',
  ];
  /** Σ over takeovers of (L − balance at τ_T) lies in [n·L − n·1e-3, n·L]. */
  const tol = (n: number) => n * 1e-3 + 1e-6;

  it('each writes off exactly the room its account had at τ_T (requests off)', async () => {
    const run = await simulate(
      await loadScenario('scenarios/baseline.yaml', [...knownRoom, 'run.paths=4', 'run.borrowersPerPath=2000', 'run.shardSize=2000']),
      { inProcess: true },
    );
    for (const acc of run.paths) {
      const n = acc[S.takeovers]!;
      expect(n).toBeGreaterThan(500);
      expect(acc[S.startBalance]!).toBeLessThan(acc[S.borrowers]! * 1e-3);
      expect(acc[S.takeoverLoss]!).toBeLessThanOrEqual(n * L + 1e-6);
      expect(acc[S.takeoverLoss]!).toBeGreaterThanOrEqual(n * L - tol(n));
      // Only fraudsters drew, and all they drew was written off (at notice, or at the horizon).
      expect(Math.abs(acc[S.fraudDrawn]! - acc[S.takeoverLoss]!)).toBeLessThanOrEqual(1e-9 * n * L);
      expect(acc[S.fraudDrawn]!).toBe(acc[S.drawn]!);
      expect(acc[S.fraudLoss]!).toBe(acc[S.takeoverLoss]!);
      expect(acc[S.loss]!).toBe(acc[S.takeoverLoss]!);
      expect(acc[S.creditLoss]!).toBe(0);
      expect(acc[S.takeoversStopped]!).toBe(0);
    }
  });

  // The fraudster asks for more (requestProb 1) and every check passes: identity
  // never catches it, qualification and behaviour never decline, no wish requests.
  // With a zero-day hold the outcome takes effect at τ_T itself, so no takeover's
  // approval falls past the horizon. The cap is 1.3·L: the first approval raises
  // the limit to the cap and the fraudster drains the new 0.3·L at once; a later
  // takeover of the same account finds the limit at the cap (room 1.3·L, the
  // approval adds none). Either way each takeover writes off 1.3·L.
  const checksPass = [
    ...knownRoom, 'run.paths=4', 'run.borrowersPerPath=2000', 'run.shardSize=2000',
    'limits.request.enabled=true', 'limits.request.perYear=0', 'fraud.takeover.requestProb=1',
    'limits.request.verification.enabled=true', 'limits.request.verification.holdDays=0',
    'limits.request.qualification.minScore=-1000', 'limits.request.qualification.maxDti=1e9',
    'freeze.riskModel.velocity.maxDraws=1000', 'limits.request.behaviour.cleanDays=0',
    'limits.request.increaseFactor=1.3', `limits.cap=${1.3 * L}`,
  ];

  it('... plus the approved increase\'s room when the checks pass', async () => {
    const run = await simulate(
      await loadScenario('scenarios/baseline.yaml', [...checksPass, 'limits.request.verification.takeoverCatchProb=0']),
      { inProcess: true },
    );
    for (const acc of run.paths) {
      const n = acc[S.takeovers]!;
      expect(n).toBeGreaterThan(500);
      expect(acc[S.requests]!).toBe(n);
      expect(acc[S.outcomes]!).toBe(n); // approved
      expect(acc[S.takeoverLoss]!).toBeLessThanOrEqual(1.3 * L * n + 1e-6);
      expect(acc[S.takeoverLoss]!).toBeGreaterThanOrEqual(1.3 * L * n - tol(n));
      expect(acc[S.takeoversStopped]!).toBe(0);
    }
  });

  it('... and only the room at τ_T when the identity check catches every fraudster, which stops the takeover', async () => {
    // takeoverCatchProb 1: the check fails at τ_T, the identity freeze starts and
    // the takeover ends there (stopped by the lender); the limit is never raised.
    const run = await simulate(
      await loadScenario('scenarios/baseline.yaml', [...checksPass, 'limits.request.verification.takeoverCatchProb=1']),
      { inProcess: true },
    );
    for (const acc of run.paths) {
      const n = acc[S.takeovers]!;
      expect(n).toBeGreaterThan(500);
      expect(acc[S.takeoverLoss]!).toBeLessThanOrEqual(n * L + 1e-6);
      expect(acc[S.takeoverLoss]!).toBeGreaterThanOrEqual(n * L - tol(n));
      expect(acc[S.outcomes + 3]!).toBe(n); // identityFailed
      expect(acc[S.takeoversStopped]!).toBe(n);
      expect(acc[S.freezeEvents + 3]!).toBe(n); // each stop is an identity freeze event
    }
  });
});
