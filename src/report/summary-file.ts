/**
 * Reading a summary.json back: for a report (`limitlab report`), and as a
 * finished run for `compare` and `sweep --from`. Checks it against the summary.json schema
 * (results/summary-schema.ts), so a wrong file fails with a message naming the
 * file and the field rather than deep inside a chart.
 */
import { readFile } from 'node:fs/promises';
import type { Summary } from '../results/types.js';
import { summaryMessages } from '../messages.js';
import { summaryProblem } from '../results/summary-schema.js';

export class SummaryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SummaryFileError';
  }
}

/** Why `value` is not a summary a report can read (naming the field), or null when it is. */
export function summaryShapeProblem(value: unknown): string | null {
  return summaryProblem(value);
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
