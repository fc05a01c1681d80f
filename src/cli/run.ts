/**
 * `limitlab run SCENARIO`: resolve the scenario, simulate it, write
 * DIR/summary.json atomically and print a short summary.
 *
 *   resolve (extends, --set, --seed/--paths/--borrowers) → validate → engine
 *   (progress on stderr, Ctrl-C aborts) → summary.json → summary on stdout
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { Override } from '../scenario/overrides.js';
import { safeFolderName } from '../util/safe-name.js';
import { outputFolder, resolveOrPrint, runPlanned, writeResult } from './batch.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { formatSummary } from './summary-text.js';

export interface RunFlags {
  out?: string;
  seed?: string;
  paths?: string;
  borrowers?: string;
  workers?: number;
  set?: string[];
  json?: boolean;
  quiet?: boolean;
}

export const SUMMARY_FILE = 'summary.json';

/** --seed, --paths and --borrowers are overrides like --set, applied after it, and validated like any field. */
export function flagOverrides(flags: RunFlags): Override[] {
  const out: Override[] = [];
  const add = (flag: string, field: string, raw: string | undefined): void => {
    if (raw !== undefined) out.push({ path: field, value: raw, source: `${flag} ${raw}` });
  };
  add('--seed', 'seed', flags.seed);
  add('--paths', 'run.paths', flags.paths);
  add('--borrowers', 'run.borrowersPerPath', flags.borrowers);
  return out;
}

export async function runCommand(file: string, flags: RunFlags, io: CliIo): Promise<number> {
  // 1. The scenario, exactly as `validate --json` would print it.
  const scenario = await resolveOrPrint(file, [...(flags.set ?? []), ...flagOverrides(flags)], io);
  if (!scenario) return ExitCode.badInput;

  // 2. Where the result goes; a file in the way is the user's to fix before a long run.
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? path.join('reports', safeFolderName(scenario.name))), io);
  if (!out.ok) return out.code;

  // 3. Simulate (progress on stderr, Ctrl-C aborts).
  const ran = await runPlanned([{ label: scenario.name, file, scenario }], flags, io);
  if (!ran.ok) return ran.code;
  const summary = ran.value[0]!;

  // 4. The result and the committee report beside it, each written whole or not at all.
  const summaryPath = path.join(out.value, SUMMARY_FILE);
  const reportPath = path.join(out.value, 'report.html');
  return writeResult(
    {
      jsonFile: summaryPath,
      value: summary,
      jsonView: summary.headline,
      reportFile: reportPath,
      writeReport: async () => {
        // Loaded here, not at startup: the report brings Vega, which `validate` should not pay for.
        const { writeRunReport } = await import('../report/run-report.js');
        await writeRunReport(summary, out.value);
      },
      text: (shown) => formatSummary(summary, shown),
    },
    flags.json,
    io,
  );
}

export function registerRun(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('run')
    .description('simulate a scenario and write <out>/summary.json')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-o, --out <dir>', 'output folder (default: reports/<scenario name>/)')
    .option('--seed <n>', 'override seed')
    .option('--paths <n>', 'override run.paths')
    .option('--borrowers <n>', 'override run.borrowersPerPath')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field, e.g. --set segments.0.correlation=0.04 (repeatable)', collect)
    .option('--json', 'print the headline figures as JSON instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (file: string, flags: RunFlags) => done(await runCommand(file, flags, io)));
}
