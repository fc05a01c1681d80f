/**
 * The limit-increase request (MODEL.md step 4): identity re-verification,
 * qualification re-review, behaviour analysis, then approval. A pure function of
 * the state at the request time τ and the request's own uniforms.
 */

export const OUTCOME_APPROVED = 0;
export const OUTCOME_DECLINED = 1;
export const OUTCOME_ESCALATED = 2;
export const OUTCOME_IDENTITY_FAILED = 3;

export interface RequestParams {
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
  if (uVerify >= p.passProb) return OUTCOME_IDENTITY_FAILED;
  if (s.score < p.qualificationMinScore || requestDti(s) > p.maxDti) return OUTCOME_DECLINED;
  const busy = s.windowDraws >= p.maxDraws;
  const recentMiss = s.lastMissDay > s.tau - p.behaviourCleanDays;
  if (busy || recentMiss) return uEscalate < p.escalateProb ? OUTCOME_ESCALATED : OUTCOME_DECLINED;
  return OUTCOME_APPROVED;
}
