/**
 * A sweep, from the summaries of its grid points to sweep.json: one flat row per
 * point (its overrides and every headline figure), each also compared path by
 * path with the reference, since grid points share their random numbers. The
 * reference is the scenario as given (no grid override; run as an extra point
 * unless it is one of the grid points) or a grid point the user names. Pure:
 * running and writing belong to the command.
 */
import type { Summary } from '../results/types.js';
import { runRecord } from './compare.js';
import { figureDeltas } from './figure-deltas.js';
import { pointLabel } from './grid.js';
import { DEFAULT_MATERIALITY } from './materiality.js';
import { compareMessages } from '../messages.js';
import { checkPopulation } from './population.js';
import { asGivenLabel } from './reference.js';
import type { GridAxis, GridPoint, Sweep, SweepReference } from './types.js';

/**
 * What the changes are measured from: the scenario as given (`summary` when it
 * was run on its own, `point` when it is a grid point) or a grid point.
 */
export type ReferenceChoice =
  | { source: 'scenario'; values: Record<string, unknown>; summary: Summary; point?: undefined }
  | { source: 'scenario' | 'point' | 'run'; values: Record<string, unknown>; point: number; summary?: undefined };

export interface SweepOptions {
  reference: ReferenceChoice;
  /** a fraction of the reference's value; default 1% */
  materiality?: number;
}

export function buildSweep(file: string, axes: readonly GridAxis[], points: readonly GridPoint[], summaries: readonly Summary[], options: SweepOptions): Sweep {
  if (points.length !== summaries.length) throw new Error(`internal: ${points.length} grid points but ${summaries.length} summaries`);
  if (points.length === 0) throw new Error('internal: a sweep needs at least one grid point');
  const choice = options.reference;
  const materiality = options.materiality ?? DEFAULT_MATERIALITY;
  const labels = points.map((p) => pointLabel(p, axes));
  let refSummary: Summary;
  let reference: SweepReference;
  if (choice.point !== undefined) {
    refSummary = summaries[choice.point] ?? fail(`internal: no grid point ${choice.point}`);
    reference = { source: choice.source, label: labels[choice.point]!, point: choice.point, run: choice.point, scenarioHash: refSummary.manifest.scenarioHash, values: choice.values };
  } else {
    refSummary = choice.summary;
    reference = { source: 'scenario', label: asGivenLabel(axes, choice.values), point: null, run: summaries.length, scenarioHash: refSummary.manifest.scenarioHash, values: choice.values };
  }
  const extra = reference.point === null ? [{ label: reference.label, summary: refSummary }] : [];
  const different = [...summaries.map((s, i) => ({ label: labels[i]!, summary: s })), ...extra]
    .filter((x) => !checkPopulation(refSummary.manifest.scenario, x.summary.manifest.scenario).same)
    .map((x) => x.label);
  return {
    schemaVersion: 2,
    kind: 'sweep',
    file,
    grid: axes.map((a) => ({ path: a.path, values: a.values })),
    reference,
    materiality,
    differentPopulation: different.length > 0,
    notes: different.length ? [compareMessages.differentPopulationNote(different)] : [],
    rows: points.map((p, i) => ({
      point: p.index,
      label: labels[i]!,
      overrides: p.overrides,
      scenarioHash: summaries[i]!.manifest.scenarioHash,
      figures: summaries[i]!.headline,
      differenceFromReference: figureDeltas(refSummary, summaries[i]!, materiality),
    })),
    runs: [...summaries.map((summary, i) => ({ label: labels[i]!, summary })), ...extra].map((r) => runRecord({ label: r.label, file, summary: r.summary })),
  };
}

function fail(message: string): never {
  throw new Error(message);
}
