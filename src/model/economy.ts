/**
 * The path's economy (docs/model.md, "Paths and the economy"): one systemic
 * factor Z_t (AR(1) at the step's autocorrelation, stationary N(0,1)), shifted by
 * the stress shocks into X_t, and the count of system-maintenance events per step.
 * It depends only on (seed, path) and the population parameters, never on the
 * policy, so every scenario sharing them shares its luck; shocks shift the same Z.
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
}

/** Draws per step from the economy stream: one for η_t, one for the maintenance count. */
export const ECONOMY_UNIFORMS_PER_STEP = 2;

export function buildEconomy(scenario: Scenario, clock: Clock, next: () => number): Economy {
  const steps = clock.steps;
  const x = new Float64Array(steps);
  const maintenanceEvents = new Int32Array(steps);
  const phi = Math.pow(scenario.macro.monthlyAutocorrelation, clock.stepDays / 30);
  const innovation = Math.sqrt(1 - phi * phi);
  const maintenanceMean = (scenario.freeze.maintenance.eventsPerYear * clock.stepDays) / 365;
  let z = 0;
  for (let t = 0; t < steps; t++) {
    const eta = normalQuantile(toOpenUnit(next()));
    z = t === 0 ? eta : phi * z + innovation * eta;
    const uMaintenance = next();
    maintenanceEvents[t] = poissonFromUniform(uMaintenance, maintenanceMean);
    x[t] = z + shiftAt(scenario, t * clock.stepDays);
  }
  return { x, maintenanceEvents };
}

/** Sum of the shocks whose [fromDay, toDay) contains `day`. */
export function shiftAt(scenario: Scenario, day: number): number {
  let shift = 0;
  for (const shock of scenario.macro.shocks) {
    if (day >= shock.fromDay && day < shock.toDay) shift += shock.shift;
  }
  return shift;
}
