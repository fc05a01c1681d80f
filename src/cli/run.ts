/**
 * `limitlab run SCENARIO`: resolve the scenario, simulate it, write
 * DIR/summary.json atomically and print a short summary.
 *
 *   resolve (extends, --set, --seed/--paths/--borrowers) → validate → the
 *   output folder (not another scenario's without --force; locked) → engine
 *   (progress on stderr, Ctrl-C or SIGTERM aborts) → summary.json → summary on stdout
 *
 * With --part I/N only that part's shards are simulated, into DIR/parts/
 * (src/cli/part.ts); `limitlab merge DIR` folds the parts into the same summary.
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { Override } from '../scenario/overrides.js';
import { runMessages } from '../messages.js';
import type { Summary } from '../results/types.js';
import { outputFolder, resolveOrPrint, runPlanned, writeResult } from './batch.js';
import { defaultOutFolder, lockOrPrint, otherScenarioIn } from './out-guard.js';
import { runPart } from './part.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { formatSummary } from './summary-text.js';

export interface RunFlags {
  out?: string;
  part?: string;
  force?: boolean;
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
  const setsName = (flags.set ?? []).some((s) => /^\s*name\s*=/.test(s));
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? (await defaultOutFolder(file, scenario, setsName, io.cwd))), io);
  if (!out.ok) return out.code;

  // 2b. One part of a scaled-out run: its shards only, into DIR/parts/ (src/cli/part.ts).
  if (flags.part !== undefined) {
    if (flags.force) return usage(runMessages.partNeedsNoForce(), io);
    return runPart(scenario, flags.part, out.value, flags, io);
  }

  // 2c. Never silently over another scenario's results, and one writer at a time.
  const other = flags.force ? undefined : await otherScenarioIn(out.value, scenario, SUMMARY_FILE, io.cwd);
  if (other) return usage(other, io);
  const release = await lockOrPrint(out.value, `limitlab run ${file}`, io);
  if (!release) return ExitCode.badInput;
  try {
    // 3. Simulate (progress on stderr, Ctrl-C or SIGTERM aborts).
    const ran = await runPlanned([{ label: scenario.name, file, scenario }], flags, io);
    if (!ran.ok) return ran.code;
    const summary = ran.value[0]!;

    // 4. The result and the committee report beside it, each written whole or not at all.
    return await writeRunResult(summary, out.value, flags.json, io);
  } finally {
    await release();
  }
}

/** summary.json and report.html (with its charts) into `dir`, then the summary on stdout. */
export function writeRunResult(summary: Summary, dir: string, json: boolean | undefined, io: CliIo): Promise<number> {
  return writeResult(
    {
      jsonFile: path.join(dir, SUMMARY_FILE),
      value: summary,
      jsonView: summary.headline,
      reportFile: path.join(dir, 'report.html'),
      writeReport: async () => {
        // Loaded here, not at startup: the report brings Vega, which `validate` should not pay for.
        const { writeRunReport } = await import('../report/run-report.js');
        await writeRunReport(summary, dir);
      },
      text: (shown) => formatSummary(summary, shown),
    },
    json,
    io,
  );
}

function usage(text: string, io: CliIo): number {
  io.stderr.write(`${text}\n`);
  return ExitCode.badInput;
}

export function registerRun(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('run')
    .description('simulate a scenario and write <out>/summary.json')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('-o, --out <dir>', 'output folder (default: reports/<scenario name>/, or reports/<file name>/ when the name is inherited)')
    .option('--part <I/N>', 'simulate only part I of N (0-based) into <out>/parts/; `auto` or `auto/N` takes I (and N) from the scheduler (see docs/scale-out.md)')
    .option('--force', 'replace the results of a different scenario in the output folder')
    .option('--seed <n>', 'override seed')
    .option('--paths <n>', 'override run.paths')
    .option('--borrowers <n>', 'override run.borrowersPerPath')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field, e.g. --set segments.0.correlation=0.04 (repeatable)', collect)
    .option('--json', 'print the headline figures as JSON instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (file: string, flags: RunFlags) => done(await runCommand(file, flags, io)));
}
