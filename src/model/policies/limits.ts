/**
 * Limit policy (docs/model.md, "Borrowers", and steps 3 and 7 of
 * "One step of one borrower"): rounding, the periodic
 * review's cut or raise, and the new limit of an approved increase request.
 * Pure functions of the borrower's state and the scenario's parameters.
 */

/** Every limit, initial or changed, is rounded to the nearest `roundTo`. */
export function roundLimit(limit: number, roundTo: number): number {
  return Math.round(limit / roundTo) * roundTo;
}

/** Limit after an increase by `factor`, capped, rounded; never above the cap. */
export function raisedLimit(limit: number, factor: number, cap: number, roundTo: number): number {
  const raised = roundLimit(Math.min(limit * factor, cap), roundTo);
  return Math.min(Math.max(raised, limit), cap);
}

export const enum ReviewAction {
  None = 0,
  Cut = 1,
  Raise = 2,
}

export interface ReviewParams {
  minScore: number;
  minUtilisation: number;
  increaseFactor: number;
  cutScore: number;
  cutDrop: number;
  cutFactor: number;
}

export interface ReviewInput {
  score: number;
  scoreAtLastReview: number;
  limit: number;
  balance: number;
  current: boolean;
  /** an adverse freeze (riskModel, identity, scoreFloor, delinquency) overlapped the last cleanDays */
  adverseFreezeRecently: boolean;
  /** a miss was billed within the last cleanDays */
  missRecently: boolean;
}

/**
 * The periodic review: a cut when the score is at or below cutScore or fell by at
 * least cutDrop since the last review; otherwise a raise for a clean, active
 * borrower. Returns ReviewAction.None, ReviewAction.Cut or ReviewAction.Raise.
 */
export function reviewDecision(p: ReviewParams, s: ReviewInput): number {
  if (s.score <= p.cutScore || s.scoreAtLastReview - s.score >= p.cutDrop) return ReviewAction.Cut;
  const utilisation = s.limit > 0 ? s.balance / s.limit : 0;
  if (s.current && s.score >= p.minScore && utilisation >= p.minUtilisation && !s.adverseFreezeRecently && !s.missRecently) {
    return ReviewAction.Raise;
  }
  return ReviewAction.None;
}

/** A cut never goes below the balance (the borrower is not pushed over limit) nor above the old limit. */
export function cutLimit(limit: number, balance: number, cutFactor: number, roundTo: number): number {
  const target = roundLimit(Math.max(balance, limit * cutFactor), roundTo);
  return Math.min(limit, Math.max(target, Math.min(balance, limit)));
}

/**
 * Did an adverse freeze overlap (since, now]? Slots 0..count−1 of the freeze
 * intervals are scanned, all but `skipSlot` (maintenance is not adverse).
 */
export function adverseFreezeOverlaps(
  starts: Float64Array, ends: Float64Array, count: number, skipSlot: number, since: number, now: number,
): boolean {
  let adverse = false;
  for (let i = 0; i < count; i++) {
    if (i !== skipSlot && starts[i]! < now && ends[i]! > since) adverse = true;
  }
  return adverse;
}

/**
 * The risk-model rule's line cut (freeze.riskModel.cutLimitToBalance): the limit
 * falls to the balance at the catch, rounded up to roundTo and at least roundTo;
 * never raised.
 */
export function cutToBalance(limit: number, balance: number, roundTo: number): number {
  const target = Math.max(roundTo, Math.ceil(balance / roundTo) * roundTo);
  return Math.min(limit, target);
}
