/**
 * The simulation calendar (docs/model.md, "Time"): steps of Δ days, billing periods of
 * P = max(30, Δ) days, and the per-step probability of a yearly rate.
 */
import type { Scenario } from '../scenario/schema.js';

export interface Clock {
  /** Δ, days per step */
  stepDays: number;
  /** P, days per billing period */
  billingDays: number;
  steps: number;
  horizonDays: number;
  /** a step ends a billing period every `billingEvery` steps */
  billingEvery: number;
}

export function makeClock(scenario: Scenario): Clock {
  const stepDays = scenario.clock.stepDays;
  const billingDays = Math.max(30, stepDays);
  const steps = Math.round(scenario.clock.horizonDays / stepDays);
  return {
    stepDays,
    billingDays,
    steps,
    horizonDays: steps * stepDays,
    billingEvery: Math.max(1, Math.round(billingDays / stepDays)),
  };
}

/** Is step t (covering [tΔ, (t+1)Δ)) the last step of a billing period? */
export function isBillingStep(clock: Clock, t: number): boolean {
  return (t + 1) % clock.billingEvery === 0;
}

/** Probability that an event of a yearly rate happens within `days`. */
export function rateToProb(perYear: number, days: number): number {
  return -Math.expm1((-perYear * days) / 365);
}
