/**
 * Every headline figure of two summaries, alternative − base: paired across
 * paths for figures with per-path values, both values and their difference for
 * tail figures (VaR, ES).
 */
import { FIGURE_NAMES } from '../results/registry.js';
import type { Stat, Summary } from '../results/types.js';
import { compareMessages } from '../messages.js';
import { DEFAULT_MATERIALITY, withMateriality } from './materiality.js';
import { pairedDifference, unpairedDifference } from './paired.js';
import type { FigureDelta, TailFigureDelta } from './types.js';

/** Headline figure names of both summaries: limitlab's order, then any others alphabetically. */
export function figureNames(...summaries: readonly Pick<Summary, 'headline'>[]): string[] {
  const present = new Set(summaries.flatMap((s) => Object.keys(s.headline)));
  const known = FIGURE_NAMES.filter((f) => present.has(f));
  const others = [...present].filter((f) => !(FIGURE_NAMES as readonly string[]).includes(f)).sort();
  return [...known, ...others];
}

function tailDelta(a: Stat | undefined, b: Stat | undefined): TailFigureDelta {
  const base = a?.mean ?? null;
  const alternative = b?.mean ?? null;
  const difference = base !== null && alternative !== null && Number.isFinite(alternative - base) ? alternative - base : null;
  return { tail: true, base, alternative, difference, relative: null, reason: compareMessages.tailNoInterval() };
}

const MISSING: Stat = { mean: null, se: null, ci95: null, p05: null, p50: null, p95: null, n: 0, reason: 'not in the summary' };

/**
 * The change of every headline figure from `base` to `alt`. A figure with
 * per-path values in both is paired path by path (unpaired when the path counts
 * differ); one without (a summary written before per-path values were kept) is
 * compared as two independent means. Each change also carries its size
 * relative to the base value and its verdict at `materiality` (a fraction of
 * the base value).
 */
export function figureDeltas(base: Summary, alt: Summary, materiality = DEFAULT_MATERIALITY): Record<string, FigureDelta> {
  const out: Record<string, FigureDelta> = {};
  // Importance sampling: both runs share the paths' weights (the population check holds
  // run.importanceSampling equal), so pairing w·x gives the weighted mean difference.
  const weighted = (values: (number | null)[], s: Summary): (number | null)[] => {
    const w = s.perPath.weight;
    return w ? values.map((v, i) => (v === null ? null : v * w[i]!)) : values;
  };
  for (const name of figureNames(base, alt)) {
    const a = base.headline[name];
    const b = alt.headline[name];
    let d: FigureDelta;
    // (paired and unpaired changes come judged at `materiality`; a tail change only gets its relative size)
    if (a?.tail || b?.tail) d = tailDelta(a, b);
    else if (base.perPath[name] && alt.perPath[name]) d = pairedDifference(weighted(base.perPath[name], base), weighted(alt.perPath[name], alt), materiality);
    else d = unpairedDifference(a ?? MISSING, b ?? MISSING, compareMessages.noPerPath(), materiality);
    out[name] = d.tail ? withMateriality(d, materiality) : d;
  }
  return out;
}
