/**
 * A sweep, from the summaries of its grid points to sweep.json: one flat row per
 * point (its overrides and every headline figure), each also compared with the
 * reference point (the first) path by path, since grid points share their
 * random numbers. Pure: running and writing belong to the command.
 */
import type { Summary } from '../results/types.js';
import { runRecord } from './compare.js';
import { figureDeltas } from './figure-deltas.js';
import { pointLabel } from './grid.js';
import { compareMessages } from '../messages.js';
import { checkPopulation } from './population.js';
import type { GridAxis, GridPoint, Sweep } from './types.js';

export const SWEEP_REFERENCE = 0;

export function buildSweep(file: string, axes: readonly GridAxis[], points: readonly GridPoint[], summaries: readonly Summary[]): Sweep {
  if (points.length !== summaries.length) throw new Error(`internal: ${points.length} grid points but ${summaries.length} summaries`);
  if (points.length === 0) throw new Error('internal: a sweep needs at least one grid point');
  const reference = summaries[SWEEP_REFERENCE]!;
  const labels = points.map((p) => pointLabel(p, axes));
  const different = summaries
    .map((s, i) => ({ i, check: checkPopulation(reference.manifest.scenario, s.manifest.scenario) }))
    .filter((x) => !x.check.same)
    .map((x) => labels[x.i]!);
  return {
    schemaVersion: 1,
    kind: 'sweep',
    file,
    grid: axes.map((a) => ({ path: a.path, values: a.values })),
    reference: SWEEP_REFERENCE,
    differentPopulation: different.length > 0,
    notes: different.length ? [compareMessages.differentPopulationNote(different)] : [],
    rows: points.map((p, i) => ({
      point: p.index,
      label: labels[i]!,
      overrides: p.overrides,
      scenarioHash: summaries[i]!.manifest.scenarioHash,
      figures: summaries[i]!.headline,
      differenceFromReference: figureDeltas(reference, summaries[i]!),
    })),
    runs: summaries.map((summary, i) => runRecord({ label: labels[i]!, file, summary })),
  };
}
