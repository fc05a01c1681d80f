/**
 * Cross-field rules: what the schema cannot say about one field alone. Mostly
 * docs/model.md, "Time": every window and period must be a whole number of steps,
 * so a scenario means the same at any step size and nothing is silently
 * approximated.
 *
 * Runs on the raw (possibly shape-invalid) scenario, so that a file with a typo
 * still gets every other problem reported; a rule whose inputs are missing or
 * malformed is skipped (the schema reports those).
 */
import { messages } from '../messages.js';
import { FIGURE_NAMES, isFigureName } from '../results/registry.js';
import { isPlainObject } from '../util/plain-object.js';
import { closest } from '../util/suggest.js';
import type { FieldPath } from './field-path.js';

export interface RuleIssue {
  path: FieldPath;
  message: string;
  /** point at the key rather than the value */
  atKey?: boolean;
}

/** Shares may be off by this much from 1 (they are usually decimal fractions). */
export const SHARE_TOLERANCE = 1e-9;

/** The billing period P = max(30, Δ) (docs/model.md, "Time"). */
export function billingPeriod(stepDays: number): number {
  return Math.max(30, stepDays);
}

export function crossFieldIssues(scenario: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const at = (path: FieldPath): unknown => getAt(scenario, path);
  const num = (path: FieldPath): number | undefined => {
    const v = at(path);
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const add = (path: FieldPath, message: string): void => {
    issues.push({ path, message });
  };

  // 1. The step and everything measured in steps.
  const step = num(['clock', 'stepDays']);
  if (step !== undefined && Number.isInteger(step) && step >= 1) {
    const horizon = num(['clock', 'horizonDays']);
    const singleStep = horizon === step;
    if (!singleStep && 30 % step !== 0 && step % 30 !== 0) add(['clock', 'stepDays'], messages.stepNotCalendar(step));

    const multipleOfStep = (path: FieldPath): boolean => {
      const v = num(path);
      if (v === undefined || v < 0 || v % step === 0) return true;
      add(path, messages.notMultipleOfStep(v, step));
      return false;
    };
    multipleOfStep(['clock', 'horizonDays']);
    multipleOfStep(['freeze', 'riskModel', 'velocity', 'windowDays']);
    multipleOfStep(['limits', 'review', 'everyDays']);
    const dpd = num(['credit', 'defaultDpd']);
    if (multipleOfStep(['credit', 'defaultDpd']) && dpd !== undefined && dpd >= 0) {
      const period = billingPeriod(step);
      if (dpd % period !== 0) add(['credit', 'defaultDpd'], messages.notMultipleOfBilling(dpd, period));
    }

    const shocks = at(['macro', 'shocks']);
    if (Array.isArray(shocks)) {
      shocks.forEach((_, i) => {
        const base = ['macro', 'shocks', i];
        const okFrom = multipleOfStep([...base, 'fromDay']);
        const okTo = multipleOfStep([...base, 'toDay']);
        const from = num([...base, 'fromDay']);
        const to = num([...base, 'toDay']);
        if (okFrom && okTo && from !== undefined && to !== undefined && from >= to) {
          add([...base, 'fromDay'], messages.shockOrder(from, to));
        } else if (okFrom && from !== undefined && horizon !== undefined && from >= horizon) {
          // a shock that starts after the horizon would silently stress nothing
          add([...base, 'fromDay'], messages.shockAfterHorizon(from, horizon));
        }
      });
    }
  }

  // 2. Segments: shares that add up, names that tell them apart.
  const segments = at(['segments']);
  if (Array.isArray(segments) && segments.length > 0) {
    const shares = segments.map((_, i) => num(['segments', i, 'share']));
    if (shares.every((s): s is number => s !== undefined && s >= 0 && s <= 1)) {
      const sum = shares.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) add(['segments'], messages.sharesSum(round(sum)));
    }
    const firstIndex = new Map<string, number>();
    segments.forEach((_, i) => {
      const name = at(['segments', i, 'name']);
      if (typeof name !== 'string') return;
      const first = firstIndex.get(name);
      if (first === undefined) firstIndex.set(name, i);
      else add(['segments', i, 'name'], messages.duplicateSegment(name, first));
    });
  }

  // 3. Ranges given as two fields.
  const scoreMin = num(['score', 'min']);
  const scoreMax = num(['score', 'max']);
  if (scoreMin !== undefined && scoreMax !== undefined && !(scoreMin < scoreMax)) {
    add(['score', 'max'], messages.scoreRange(scoreMin, scoreMax));
  }
  const floor = num(['freeze', 'scoreFloor', 'min']);
  if (floor !== undefined && scoreMin !== undefined && scoreMax !== undefined && scoreMin < scoreMax && !(floor >= scoreMin && floor <= scoreMax)) {
    // outside the score range the floor either never fires or always does: use `enabled` for that
    add(['freeze', 'scoreFloor', 'min'], messages.floorOutsideScores(scoreMin, scoreMax, floor));
  }
  const limitMin = num(['limits', 'initial', 'min']);
  const limitMax = num(['limits', 'initial', 'max']);
  if (limitMin !== undefined && limitMax !== undefined && !(limitMin <= limitMax)) {
    add(['limits', 'initial', 'max'], messages.initialLimitRange(limitMin, limitMax));
  }
  // An initial limit above the cap would be a limit no policy can reach; almost surely a typo.
  const cap = num(['limits', 'cap']);
  if (limitMax !== undefined && cap !== undefined && !(limitMax <= cap)) {
    add(['limits', 'initial', 'max'], messages.initialAboveCap(cap, limitMax));
  }

  // 4. Appetite limits must name figures the summary has, or they would never be checked.
  const appetite = at(['report', 'appetite']);
  if (isPlainObject(appetite)) {
    for (const key of Object.keys(appetite)) {
      if (!isFigureName(key)) {
        issues.push({
          path: ['report', 'appetite', key],
          message: messages.unknownFigure(key, closest(key, FIGURE_NAMES)),
          atKey: true,
        });
      }
    }
  }

  return issues;
}

/** The value at a path, or undefined where the path leaves the scenario. */
export function getAt(value: unknown, path: FieldPath): unknown {
  let cur = value;
  for (const part of path) {
    if (Array.isArray(cur) && typeof part === 'number') cur = cur[part];
    else if (isPlainObject(cur) && typeof part === 'string' && Object.prototype.hasOwnProperty.call(cur, part)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** Enough digits to show a sum, without float noise. */
function round(x: number): number {
  return Number(x.toPrecision(12));
}
