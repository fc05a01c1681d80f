/**
 * The path's economy (docs/model.md, "Paths and the economy"): one systemic
 * factor Z_t (AR(1) at the step's autocorrelation, stationary N(0,1)), shifted by
 * the stress shocks into X_t, and the count of system-maintenance events per step.
 * It depends only on (seed, path) and the population parameters, never on the
 * policy, so every scenario sharing them shares its luck; shocks shift the same Z.
 *
 * Importance sampling (`run.importanceSampling`, docs/tail-risk.md) draws the
 * innovations from a shifted law so that every Z_t has mean `shift` instead of
 * 0, from the same uniforms; the path then carries its likelihood ratio
 * dP/dQ as a weight. Borrowers' streams are untouched.
 */
import type { Scenario } from '../scenario/schema.js';
import type { Clock } from './clock.js';
import { normalQuantile } from '../stats/normal.js';
import { poissonFromUniform } from '../stats/sampling.js';
import { toOpenUnit } from './uniform.js';

export interface Economy {
  /** X_t = Z_t + shifts, per step */
  x: Float64Array;
  /** maintenance events per step */
  maintenanceEvents: Int32Array;
  /** the path's likelihood ratio dP/dQ (1 without importance sampling) */
  weight: number;
}

/** Draws per step from the economy stream: one for η_t, one for the maintenance count. */
export const ECONOMY_UNIFORMS_PER_STEP = 2;

/** The tail level `shift: auto` aims at. */
export const AUTO_SHIFT_LEVEL = 0.999;

/** The factor's autocorrelation over one step. */
function stepAutocorrelation(scenario: Scenario, clock: Clock): number {
  return Math.pow(scenario.macro.monthlyAutocorrelation, clock.stepDays / 30);
}

/**
 * Standard deviation of the horizon's mean factor Z̄ = (1/T)·Σ Z_t of a
 * stationary AR(1) with unit variance: Var Z̄ = (1/T²)·Σ_s Σ_t φ^|s−t|.
 */
export function meanFactorSd(phi: number, steps: number): number {
  let sum = steps;
  let power = 1;
  for (let lag = 1; lag < steps; lag++) {
    power *= phi;
    sum += 2 * (steps - lag) * power;
  }
  return Math.sqrt(sum) / steps;
}

/**
 * The shift of `shift: auto`: the Glasserman–Li one-factor mode for the 99.9%
 * loss. In the large-pool limit the loss falls as the horizon's mean factor Z̄
 * rises, so the 99.9% loss is reached at Z̄ = sd(Z̄)·Φ⁻¹(0.001), and the mode of
 * Z̄ given a loss beyond it sits there: every Z_t's mean is moved to that point.
 * The law of the economy is known, so the "pilot" is exact (no simulation); it
 * depends only on population parameters, so two scenarios that share their
 * luck share their shift and compare path by path.
 *
 * @see P. Glasserman and J. Li (2005), "Importance sampling for portfolio credit
 *   risk", Management Science 51, 1643–1656, section 4.
 */
export function autoShift(scenario: Scenario, clock: Clock): number {
  return meanFactorSd(stepAutocorrelation(scenario, clock), clock.steps) * normalQuantile(1 - AUTO_SHIFT_LEVEL);
}

/** The mean of every Z_t under the sampling law (0 without importance sampling). */
export function samplingShift(scenario: Scenario, clock: Clock): number {
  const is = scenario.run.importanceSampling;
  if (!is || !is.enabled) return 0;
  return is.shift === 'auto' ? autoShift(scenario, clock) : is.shift;
}

export function buildEconomy(scenario: Scenario, clock: Clock, next: () => number): Economy {
  const steps = clock.steps;
  const x = new Float64Array(steps);
  const maintenanceEvents = new Int32Array(steps);
  const phi = stepAutocorrelation(scenario, clock);
  const innovation = Math.sqrt(1 - phi * phi);
  const maintenanceMean = (scenario.freeze.maintenance.eventsPerYear * clock.stepDays) / 365;
  // Shifted innovations keep E[Z_t] = shift at every t: μ_0 = shift and
  // φ·shift + √(1−φ²)·μ = shift gives μ = shift·√((1−φ)/(1+φ)).
  const shift = samplingShift(scenario, clock);
  const laterShift = shift * Math.sqrt((1 - phi) / (1 + phi));
  let z = 0;
  let logWeight = 0;
  for (let t = 0; t < steps; t++) {
    const mu = t === 0 ? shift : laterShift;
    const epsilon = normalQuantile(toOpenUnit(next()));
    const eta = epsilon + mu;
    // log φ(η)/φ(η − μ) = −μ·ε − μ²/2
    if (mu !== 0) logWeight -= mu * epsilon + (mu * mu) / 2;
    z = t === 0 ? eta : phi * z + innovation * eta;
    const uMaintenance = next();
    maintenanceEvents[t] = poissonFromUniform(uMaintenance, maintenanceMean);
    x[t] = z + shiftAt(scenario, t * clock.stepDays);
  }
  return { x, maintenanceEvents, weight: Math.exp(logWeight) };
}

/** Sum of the shocks whose [fromDay, toDay) contains `day`. */
export function shiftAt(scenario: Scenario, day: number): number {
  let shift = 0;
  for (const shock of scenario.macro.shocks) {
    if (day >= shock.fromDay && day < shock.toDay) shift += shock.shift;
  }
  return shift;
}
