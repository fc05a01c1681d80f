/**
 * The limit-increase request (docs/model.md, "One step of one borrower", step 3): identity re-verification,
 * qualification re-review, behaviour analysis, then approval. A pure function of
 * the state at the request time τ and the request's own uniforms.
 */

import { Cause } from './freeze.js';

export const enum RequestOutcome {
  Approved = 0,
  Declined = 1,
  Escalated = 2,
  IdentityFailed = 3,
}

export interface RequestParams {
  /** identity re-verification runs (off: no hold, no check) */
  verificationEnabled: boolean;
  passProb: number;
  qualificationMinScore: number;
  maxDti: number;
  escalateProb: number;
  maxDraws: number;
  behaviourCleanDays: number;
}

export interface RequestState {
  /** time of the request, in days */
  tau: number;
  score: number;
  balance: number;
  monthlyIncome: number;
  externalDti: number;
  termMonths: number;
  apr: number;
  /** unblocked draw attempts in the current velocity window up to τ */
  windowDraws: number;
  /** day of the last missed payment (−Infinity if none) */
  lastMissDay: number;
  /**
   * probability of passing the identity check: `passProb` for an ordinary
   * account; the model lowers it where a fraudster faces the check
   */
  passProb: number;
}

/** The request's debt-service-to-income after this line's instalment. */
export function requestDti(s: RequestState): number {
  const instalment = s.balance * (1 / s.termMonths + s.apr / 12);
  return s.externalDti + instalment / s.monthlyIncome;
}

/**
 * Decide a request. `uVerify` and `uEscalate` are the request's uniforms;
 * the checks run in the order the product runs them.
 */
export function decideRequest(p: RequestParams, s: RequestState, uVerify: number, uEscalate: number): number {
  if (p.verificationEnabled && uVerify >= s.passProb) return RequestOutcome.IdentityFailed;
  if (s.score < p.qualificationMinScore || requestDti(s) > p.maxDti) return RequestOutcome.Declined;
  const busy = s.windowDraws >= p.maxDraws;
  const recentMiss = s.lastMissDay > s.tau - p.behaviourCleanDays;
  if (busy || recentMiss) return uEscalate < p.escalateProb ? RequestOutcome.Escalated : RequestOutcome.Declined;
  return RequestOutcome.Approved;
}

/**
 * An arrival of the wish to ask becomes a request only on an account that is
 * open and neither frozen nor held at τ (first test), and whose utilisation at
 * τ is at least `minUtilisation` (second test, once the balance at τ is known).
 */
export function mayAsk(open: boolean, heldAtTau: boolean, frozenAtTau: boolean): boolean {
  return open && !heldAtTau && !frozenAtTau;
}

export function usesEnoughToAsk(balanceAtTau: number, limit: number, minUtilisation: number): boolean {
  return !(balanceAtTau < minUtilisation * limit);
}

/** Does an outcome wait for the hold to end (it changes the limit or freezes)? A decline changes nothing. */
export function outcomeTakesEffect(outcome: number): boolean {
  return outcome === RequestOutcome.Approved || outcome === RequestOutcome.Escalated || outcome === RequestOutcome.IdentityFailed;
}

/** The freeze cause an outcome brings when it takes effect: identity for a failed check, riskModel for an escalation, else −1. */
export function outcomeFreezeCause(outcome: number): number {
  if (outcome === RequestOutcome.IdentityFailed) return Cause.Identity;
  if (outcome === RequestOutcome.Escalated) return Cause.RiskModel;
  return -1;
}

/** How long that freeze lasts: `verification.failFreezeDays` after a failed check, `freeze.riskModel.days` after an escalation. */
export function outcomeFreezeDays(outcome: number, failFreezeDays: number, riskModelDays: number): number {
  if (outcome === RequestOutcome.IdentityFailed) return failFreezeDays;
  if (outcome === RequestOutcome.Escalated) return riskModelDays;
  return 0;
}
