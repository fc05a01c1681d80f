/**
 * Reading a summary.json back for a report (`limitlab report`, and later compare
 * and stress). Checks the shape a report relies on, so a wrong file fails with a
 * message naming the file and the field rather than deep inside a chart.
 */
import { readFile } from 'node:fs/promises';
import type { Summary } from '../results/types.js';
import { summaryMessages } from '../messages.js';

export class SummaryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SummaryFileError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields a report reads, with the kind each must be. */
const REQUIRED: readonly [string, 'object' | 'array' | 'number' | 'string'][] = [
  ['manifest', 'object'],
  ['manifest.scenario', 'object'],
  ['manifest.scenario.name', 'string'],
  ['manifest.scenarioHash', 'string'],
  ['manifest.paths', 'number'],
  ['manifest.borrowersPerPath', 'number'],
  ['manifest.stepDays', 'number'],
  ['manifest.horizonDays', 'number'],
  ['manifest.execution', 'object'],
  ['headline', 'object'],
  ['byCause', 'object'],
  ['freezeEventsPerBorrower', 'array'],
  ['requests', 'object'],
  ['requests.outcomes', 'object'],
  ['requests.preIncreaseRestriction', 'object'],
  ['requests.preIncreaseRestrictionByCause', 'object'],
  ['reviews', 'object'],
  ['segments', 'array'],
  ['timeSeries', 'object'],
  ['timeSeries.day', 'array'],
  ['lossDistribution', 'object'],
  ['conservation', 'object'],
];

function kindOf(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Why `value` is not a summary a report can read, or null when it is. */
export function summaryShapeProblem(value: unknown): string | null {
  if (!isObject(value)) return `expected a JSON object, found ${kindOf(value)}`;
  if (value.schemaVersion !== 1) return `expected schemaVersion 1, found ${JSON.stringify(value.schemaVersion) ?? 'none'}`;
  for (const [field, kind] of REQUIRED) {
    let v: unknown = value;
    for (const part of field.split('.')) v = isObject(v) ? v[part] : undefined;
    const ok = kind === 'array' ? Array.isArray(v) : kind === 'object' ? isObject(v) : typeof v === kind;
    if (!ok) return `field ${field} must be ${kind === 'array' ? 'a list' : kind === 'object' ? 'an object' : `a ${kind}`}, found ${kindOf(v)}`;
  }
  return null;
}

/** Reads and checks a summary.json; throws SummaryFileError with a message naming `shownAs` (default: the path). */
export async function readSummaryFile(file: string, shownAs = file): Promise<Summary> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SummaryFileError(summaryMessages.notFound(shownAs));
    if (code === 'EISDIR') throw new SummaryFileError(summaryMessages.isDirectory(shownAs));
    throw new SummaryFileError(summaryMessages.unreadable(shownAs, (e as Error).message));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new SummaryFileError(summaryMessages.jsonSyntax(shownAs, (e as Error).message));
  }
  const problem = summaryShapeProblem(value);
  if (problem) throw new SummaryFileError(summaryMessages.notSummary(shownAs, problem));
  return value as Summary;
}
