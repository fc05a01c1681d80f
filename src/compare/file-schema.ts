/**
 * comparison.json and sweep.json as read back (`limitlab report comparison.json`,
 * `limitlab report sweep.json`): a compact check of every field the reports
 * read, so a hand-edited or truncated file fails with a message naming the
 * file's field rather than deep inside a chart. The shapes themselves are
 * ./types.ts; the compile-time checks at the end keep the two in step.
 */
import { z } from 'zod';
import { manifestSchema, statSchema, summarySchema } from '../results/summary-schema.js';
import { isPlainObject } from '../util/plain-object.js';
import type { Comparison, Sweep } from './types.js';

const nullableNumber = z.number().nullable();

const pathDelta = z.object({
  tail: z.literal(false).optional(),
  base: nullableNumber,
  alternative: nullableNumber,
  method: z.enum(['paired', 'unpaired']),
  difference: nullableNumber,
  se: nullableNumber,
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  n: z.number().int().min(0),
  distinguishable: z.boolean().nullable(),
  varianceReduction: nullableNumber,
  varianceReductionReason: z.string().optional(),
  reason: z.string().optional(),
  relative: nullableNumber,
  materialityThreshold: nullableNumber,
  verdict: z.enum(['material', 'immaterial', 'not distinguishable', 'no interval']),
});

const tailDelta = z.object({
  tail: z.literal(true),
  base: nullableNumber,
  alternative: nullableNumber,
  difference: nullableNumber,
  relative: nullableNumber,
  reason: z.string(),
});

const figureDeltas = z.record(z.string(), z.union([tailDelta, pathDelta]));

const runRecord = z.object({
  label: z.string(),
  file: z.string(),
  summaryFile: z.string().optional(),
  manifest: manifestSchema,
  headline: z.record(z.string(), statSchema),
  timeSeries: summarySchema.shape.timeSeries,
});

const materiality = z.number().min(0).max(1);

export const comparisonSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('comparison'),
  base: z.string(),
  materiality,
  differentPopulation: z.boolean(),
  notes: z.array(z.string()),
  alternatives: z
    .array(
      z.object({
        label: z.string(),
        population: z.object({ same: z.boolean(), differingFields: z.array(z.string()) }),
        figures: figureDeltas,
      }),
    )
    .min(1),
  runs: z.array(runRecord).min(2),
});

export const sweepSchema = z.object({
  schemaVersion: z.literal(2),
  kind: z.literal('sweep'),
  file: z.string(),
  grid: z.array(z.object({ path: z.string(), values: z.array(z.unknown()) })),
  reference: z.object({
    source: z.enum(['scenario', 'point', 'run']),
    label: z.string(),
    point: z.number().int().min(0).nullable(),
    run: z.number().int().min(0),
    scenarioHash: z.string(),
    values: z.record(z.string(), z.unknown()),
  }),
  materiality,
  differentPopulation: z.boolean(),
  notes: z.array(z.string()),
  rows: z
    .array(
      z.object({
        point: z.number().int().min(0),
        label: z.string(),
        overrides: z.record(z.string(), z.unknown()),
        scenarioHash: z.string(),
        figures: z.record(z.string(), statSchema),
        differenceFromReference: figureDeltas,
      }),
    )
    .min(1),
  runs: z.array(runRecord).min(1),
});

/** The kinds of JSON file limitlab writes and `limitlab report` reads. */
export type ResultKind = 'summary' | 'comparison' | 'sweep';

/** Which kind of result a parsed JSON file says it is: its `kind` field (a summary has none). */
export function resultKind(value: unknown): ResultKind | undefined {
  if (!isPlainObject(value)) return undefined;
  if (value['kind'] === 'comparison') return 'comparison';
  if (value['kind'] === 'sweep') return 'sweep';
  return Object.hasOwn(value, 'manifest') || Object.hasOwn(value, 'schemaVersion') ? 'summary' : undefined;
}

type Issue = z.core.$ZodIssue;

/** The issue to show: inside a union (a figure's change), the branch that came closest (fewest issues), with its full path. */
function innermost(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const branch = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
  const first = branch[0];
  return first ? innermost({ ...first, path: [...issue.path, ...first.path] } as Issue) : issue;
}

function fieldOf(issue: Issue): string {
  return issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

function problemOf(schema: z.ZodType, version: number, value: unknown): string | null {
  if (!isPlainObject(value)) return `expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}`;
  if (value['schemaVersion'] !== version) return `expected schemaVersion ${version}, found ${JSON.stringify(value['schemaVersion']) ?? 'none'}`;
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = innermost(r.error.issues[0]!);
  const field = fieldOf(issue);
  return field === '' ? issue.message : `field ${field}: ${issue.message}`;
}

/**
 * Why `value` is not a comparison.json of this version, naming the field, or null when it is.
 *
 * @example
 * comparisonProblem({ schemaVersion: 1, kind: 'comparison' }); // => 'field base: Invalid input: expected string, received undefined'
 */
export function comparisonProblem(value: unknown): string | null {
  const problem = problemOf(comparisonSchema, 1, value);
  if (problem) return problem;
  const c = value as Comparison;
  if (c.runs.length !== c.alternatives.length + 1) return `field runs: expected ${c.alternatives.length + 1} runs (the base and each alternative), found ${c.runs.length}`;
  return null;
}

/** Why `value` is not a sweep.json of this version, naming the field, or null when it is. */
export function sweepProblem(value: unknown): string | null {
  const problem = problemOf(sweepSchema, 2, value);
  if (problem) return problem;
  const s = value as Sweep;
  if (s.reference.run >= s.runs.length) return `field reference.run: ${s.reference.run} is not a run (sweep.json has ${s.runs.length})`;
  return null;
}

// The schemas read what the types describe (a compile error here means one of them changed without the other).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const comparisonInSync: Same<Omit<z.infer<typeof comparisonSchema>, 'alternatives' | 'runs'>, Omit<Comparison, 'alternatives' | 'runs'>> = true;
const readsComparison: (c: z.infer<typeof comparisonSchema>) => Comparison = (c) => c;
const readsSweep: (s: z.infer<typeof sweepSchema>) => Sweep = (s) => s;
void comparisonInSync;
void readsComparison;
void readsSweep;
