/**
 * A comparison, from summaries to comparison.json:
 *
 *   base + alternatives (summaries of runs on one seed and one size)
 *     → population check per alternative (docs/model.md, "Randomness and the engine's guarantees")
 *     → every headline figure, alternative − base, paired across paths,
 *       relative to the base and judged material or not
 *     → notes the reader must see (extra noise, unpaired runs)
 *
 * Pure: running the scenarios and writing files belong to the command.
 */
import type { Summary } from '../results/types.js';
import { figureDeltas } from './figure-deltas.js';
import { DEFAULT_MATERIALITY } from './materiality.js';
import { compareMessages } from '../messages.js';
import { checkPopulation } from './population.js';
import type { AlternativeComparison, Comparison, RunRecord } from './types.js';

export interface RunInput {
  label: string;
  /** the scenario file as shown to the user */
  file: string;
  summary: Summary;
}

export function runRecord(run: RunInput): RunRecord {
  const s = run.summary;
  return { label: run.label, file: run.file, manifest: s.manifest, headline: s.headline, timeSeries: s.timeSeries };
}

/**
 * Compare each alternative with the base; the result is comparison.json.
 * `materiality` (a fraction of the base value, default 1%) separates material
 * changes from distinguishable but immaterial ones.
 */
export function compareRuns(base: RunInput, alternatives: readonly RunInput[], materiality = DEFAULT_MATERIALITY): Comparison {
  const compared: AlternativeComparison[] = alternatives.map((alt) => ({
    label: alt.label,
    population: checkPopulation(base.summary.manifest.scenario, alt.summary.manifest.scenario),
    figures: figureDeltas(base.summary, alt.summary, materiality),
  }));
  const different = compared.filter((c) => !c.population.same).map((c) => c.label);
  const unpaired = compared
    .filter((c) => Object.values(c.figures).some((d) => !d.tail && d.method === 'unpaired'))
    .map((c) => c.label);
  const notes: string[] = [];
  if (different.length) notes.push(compareMessages.differentPopulationNote(different));
  if (unpaired.length) notes.push(compareMessages.unpairedNote(unpaired));
  return {
    schemaVersion: 1,
    kind: 'comparison',
    base: base.label,
    materiality,
    differentPopulation: different.length > 0,
    notes,
    alternatives: compared,
    runs: [base, ...alternatives].map(runRecord),
  };
}
