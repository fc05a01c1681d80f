/**
 * Whether two finished runs (summaries read back, not simulated here) can be
 * paired path by path as `compare` pairs the runs it simulates. The population
 * rule (./population.ts) reads their manifests; what it cannot see is checked
 * here: each summary's per-path arrays have one value per path, the two were
 * drawn by the same engine (version, uniforms per borrower-step), and
 * importance-sampled runs carry the same paths' weights (figure-deltas.ts
 * pairs w·x, which is the weighted change only when both sides share w).
 * Pure: the command prints what these return.
 */
import { compareMessages } from '../messages.js';
import type { Summary } from '../results/types.js';

/** Why one summary's per-path values cannot be paired (an array that is not one value per path), or null. */
export function perPathProblem(summary: Summary, file: string): string | null {
  const paths = summary.manifest.paths;
  for (const [name, values] of Object.entries(summary.perPath)) {
    if (values && values.length !== paths) return compareMessages.perPathLength(file, `perPath.${name}`, values.length, 'manifest.paths', paths);
  }
  const steps = summary.timeSeries.day.length;
  if (steps !== summary.manifest.steps) return compareMessages.perPathLength(file, 'timeSeries.day', steps, 'manifest.steps', summary.manifest.steps);
  return null;
}

export interface PairingCheck {
  /** problems --allow-different-population waives, as for a population difference (engine version, uniforms per step) */
  waivable: string[];
  /** problems nothing waives: the summaries contradict their manifests */
  fatal: string[];
}

/**
 * What stands between `alt` and `base` being paired path by path, beyond the
 * population parameters, given whether those agree (`samePopulation`, the
 * caller's checkPopulation): files are as shown to the user. A summary paired
 * with itself gives neither.
 */
export function pairingCheck(base: { summary: Summary; file: string }, alt: { summary: Summary; file: string }, samePopulation: boolean): PairingCheck {
  const a = base.summary.manifest;
  const b = alt.summary.manifest;
  const waivable: string[] = [];
  const fatal: string[] = [];
  if (a.version !== b.version) waivable.push(compareMessages.versionsDiffer(alt.file, base.file, b.version, a.version));
  else if (a.uniformsPerBorrowerStep !== b.uniformsPerBorrowerStep) {
    waivable.push(compareMessages.stepUniformsDiffer(alt.file, base.file, a.uniformsPerBorrowerStep, b.uniformsPerBorrowerStep));
  }
  // Same seed, paths and importance sampling: the weights are a function of these alone, so they must agree.
  if (samePopulation) {
    const wa = base.summary.perPath['weight'];
    const wb = alt.summary.perPath['weight'];
    if (!wa !== !wb) {
      const [has, lacks] = wa ? [base.file, alt.file] : [alt.file, base.file];
      fatal.push(compareMessages.weightsDiffer(alt.file, base.file, `${has} has per-path weights (perPath.weight) and ${lacks} none`));
    } else if (wa && wb) {
      const at = wa.findIndex((w, i) => !Object.is(w, wb[i]));
      if (at >= 0) fatal.push(compareMessages.weightsDiffer(alt.file, base.file, `perPath.weight differs at path ${at} (${wa[at]} and ${wb[at]})`));
    }
  }
  return { waivable, fatal };
}
