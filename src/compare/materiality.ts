/**
 * How big a change is next to what it changes: the change relative to the base
 * value, and whether a change that is distinguishable from zero is large enough
 * to matter. Common random numbers resolve changes far smaller than any
 * committee cares about (−0.0022 pp on a 1.47% default rate is clearly not zero
 * and clearly nothing); the materiality threshold says where "nothing" ends.
 */
import { compareMessages } from '../messages.js';
import type { FigureDelta, PathFigureDelta, Verdict } from './types.js';

/** A change below 1% of the base value is immaterial unless the user says otherwise (`--materiality`). */
export const DEFAULT_MATERIALITY = 0.01;

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The change relative to the base value, `difference / |base|` (so the sign is
 * the direction of the change even for a negative base); null when the base is
 * zero or either value is missing.
 *
 * @example
 * relativeChange(-0.000022, 0.0147); // => -0.0014965986394557823
 */
export function relativeChange(difference: number | null, base: number | null): number | null {
  if (!finite(difference) || !finite(base) || base === 0) return null;
  const r = difference / Math.abs(base);
  return Number.isFinite(r) ? r : null;
}

/**
 * The smallest change that is material: `materiality × |base|`. A base of zero
 * gives a threshold of zero (any distinguishable change from nothing matters);
 * no base gives none.
 *
 * @example
 * materialityThreshold(0.0147, 0.01); // => 0.000147
 */
export function materialityThreshold(base: number | null, materiality: number): number | null {
  return finite(base) ? materiality * Math.abs(base) : null;
}

/**
 * What a paired (or unpaired) change amounts to:
 * - `material`: its 95% interval excludes zero and the mean change is at least the threshold;
 * - `immaterial`: its interval excludes zero but the mean change is smaller than the threshold;
 * - `not distinguishable`: its interval includes zero;
 * - `no interval`: no interval could be computed (see the delta's reason).
 */
export function verdictOf(d: Pick<PathFigureDelta, 'difference' | 'distinguishable'>, threshold: number | null): Verdict {
  if (d.distinguishable === null || d.difference === null) return 'no interval';
  if (!d.distinguishable) return 'not distinguishable';
  return threshold !== null && Math.abs(d.difference) < threshold ? 'immaterial' : 'material';
}

/**
 * `--materiality` as a number: a fraction of the base value in [0, 1) (0 makes
 * every distinguishable change material), the default when absent, or the
 * message saying what is wrong ("1" is refused: 1% is written 0.01).
 *
 * @example
 * parseMateriality('0.05'); // => 0.05
 */
export function parseMateriality(text: string | undefined): number | string {
  if (text === undefined) return DEFAULT_MATERIALITY;
  const value = /^\s*[0-9.eE+-]+\s*$/.test(text) ? Number(text) : NaN;
  return Number.isFinite(value) && value >= 0 && value < 1 ? value : compareMessages.materiality(text);
}

/** The delta with its relative change, threshold and verdict filled in for `materiality`. */
export function withMateriality<D extends FigureDelta>(d: D, materiality: number): D {
  const relative = relativeChange(d.difference, d.base);
  if (d.tail) return { ...d, relative };
  const threshold = materialityThreshold(d.base, materiality);
  return { ...d, relative, materialityThreshold: threshold, verdict: verdictOf(d, threshold) };
}
