/**
 * Telling a finished run's summary.json from a scenario file on the command
 * line, by content: a JSON file whose object carries `schemaVersion` or
 * `manifest` (what every result limitlab writes starts with, and no scenario
 * has) is a result; a JSON file that does not parse is one when it is named
 * summary.json or starts like a result (a truncated copy). Everything else is
 * left to the scenario loader, which reports its own errors. Also what compare
 * and sweep --from share when they read finished runs: the flags they refuse,
 * reading and checking the summaries, the population and pairing checks.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ResultKind, resultKind } from '../compare/file-schema.js';
import { pairingCheck, perPathProblem } from '../compare/pairing.js';
import { checkPopulation } from '../compare/population.js';
import { compareMessages } from '../messages.js';
import { SummaryFileError, readSummaryFile } from '../report/summary-file.js';
import type { Summary } from '../results/types.js';
import { displayPath } from '../scenario/load.js';

export type InputKind = 'scenario' | ResultKind;

const RESULT_START = /^\s*\{\s*"(schemaVersion|kind|manifest)"\s*:/;

/** What an argument is: a scenario, or one of the results limitlab writes. */
export async function inputKind(file: string): Promise<InputKind> {
  return (await readInput(file)).kind;
}

/**
 * An argument read once: what it is and, when it is a JSON file that parsed,
 * its value (so that a caller need not read and parse a large result again).
 */
export async function readInput(file: string): Promise<{ kind: InputKind; value?: unknown }> {
  if (!/\.json$/i.test(file)) return { kind: 'scenario' };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // missing or unreadable: a summary's name is reported as a summary, anything else as a scenario
    return { kind: path.basename(file) === 'summary.json' ? 'summary' : 'scenario' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: path.basename(file) === 'summary.json' || RESULT_START.test(text) ? 'summary' : 'scenario' };
  }
  return { kind: resultKind(value) ?? 'scenario', value };
}

/**
 * The name uniqueLabels reads a run's file stem from: a summary.json's folder
 * (`reports/policy-a/summary.json` → `reports/policy-a`), since every summary
 * has the same file name.
 */
export function labelSource(shown: string): string {
  return path.basename(shown) === 'summary.json' ? path.dirname(shown) : shown;
}

/** The flags that would change a simulation, which finished runs cannot take (compare, sweep --from). */
export function simulationFlags(flags: { seed?: string; paths?: string; borrowers?: string; set?: string[]; workers?: number }): string[] {
  const given: [string, boolean][] = [
    ['--seed', flags.seed !== undefined],
    ['--paths', flags.paths !== undefined],
    ['--borrowers', flags.borrowers !== undefined],
    ['--set', (flags.set ?? []).length > 0],
    ['--workers', flags.workers !== undefined],
  ];
  return given.filter(([, on]) => on).map(([flag]) => flag);
}

/** A finished run read from the command line. */
export interface FinishedRun {
  summary: Summary;
  /** the file as shown to the user */
  file: string;
}

/**
 * Summaries named on the command line, each read and checked against the
 * summary schema and for one value per path; every problem (naming the file
 * and the field) before any is used.
 */
export async function readFinishedRuns(files: readonly string[], cwd: string): Promise<{ runs: FinishedRun[] } | { problems: string[] }> {
  const runs: FinishedRun[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const abs = path.resolve(cwd, f);
    const file = displayPath(abs, cwd);
    try {
      const summary = await readSummaryFile(abs, file);
      const shape = perPathProblem(summary, file);
      if (shape) problems.push(shape);
      else runs.push({ summary, file });
    } catch (e) {
      if (!(e instanceof SummaryFileError)) throw e;
      problems.push(e.message);
    }
  }
  return problems.length ? { problems } : { runs };
}

/**
 * The population rule on the manifests' resolved scenarios and the pairing
 * checks (src/compare/pairing.ts), every run against `reference`: what refuses
 * the runs. `--allow-different-population` waives the population and version
 * differences, never summaries that contradict their own manifests.
 */
export function pairingProblems(runs: readonly FinishedRun[], reference: number, allowDifferent: boolean): string[] {
  const ref = runs[reference]!;
  const problems: string[] = [];
  for (const [i, run] of runs.entries()) {
    if (i === reference) continue;
    const population = checkPopulation(ref.summary.manifest.scenario, run.summary.manifest.scenario);
    const pairing = pairingCheck(ref, run, population.same);
    problems.push(...pairing.fatal);
    if (allowDifferent) continue;
    if (!population.same) problems.push(compareMessages.differentPopulation(run.file, ref.file, population.differingFields));
    problems.push(...pairing.waivable);
  }
  return problems;
}
