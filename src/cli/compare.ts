/**
 * `limitlab compare BASE ALT [ALT...]`: run every scenario on the same seed and
 * sizes (common random numbers) and report each alternative's change from the
 * base, paired path by path.
 *
 *   resolve each (--set, --seed/--paths/--borrowers apply to all) → population
 *   rule (refuse, exit 2, unless --allow-different-population) → run one after
 *   another (progress on stderr, Ctrl-C aborts) → compare → comparison.json and
 *   report.html (atomically) → the main changes on stdout
 */
import path from 'node:path';
import type { Command } from 'commander';
import { compareRuns } from '../compare/compare.js';
import { uniqueLabels } from '../compare/labels.js';
import { parseMateriality } from '../compare/materiality.js';
import { compareMessages } from '../messages.js';
import { checkPopulation } from '../compare/population.js';
import { formatComparisonText } from '../compare/text.js';
import { displayPath } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { safeFolderName } from '../util/safe-name.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { flagOverrides } from './run.js';
import { type Planned, outputFolder, resolveOrPrint, runPlanned, writeResult } from './batch.js';

export const COMPARISON_FILE = 'comparison.json';

export interface CompareFlags {
  out?: string;
  seed?: string;
  paths?: string;
  borrowers?: string;
  workers?: number;
  set?: string[];
  allowDifferentPopulation?: boolean;
  materiality?: string;
  json?: boolean;
  quiet?: boolean;
}

export async function compareCommand(files: readonly string[], flags: CompareFlags, io: CliIo): Promise<number> {
  // 1. Every scenario, with the same overrides; all errors before anything runs.
  const overrides = [...(flags.set ?? []), ...flagOverrides(flags)];
  const scenarios: Scenario[] = [];
  const materiality = parseMateriality(flags.materiality);
  let bad = typeof materiality === 'string';
  if (typeof materiality === 'string') io.stderr.write(`${materiality}\n`);
  for (const file of files) {
    const s = await resolveOrPrint(file, overrides, io);
    if (s) scenarios.push(s);
    else bad = true;
  }
  if (bad || typeof materiality === 'string') return ExitCode.badInput;
  const shown = files.map((f) => displayPath(path.resolve(io.cwd, f), io.cwd));
  const labels = uniqueLabels(scenarios.map((s) => s.name), shown);
  const planned: Planned[] = scenarios.map((scenario, i) => ({ label: labels[i]!, file: shown[i]!, scenario }));

  // 2. Common random numbers need one population; a difference is refused unless allowed.
  const base = planned[0]!;
  if (!flags.allowDifferentPopulation) {
    let refused = false;
    for (const alt of planned.slice(1)) {
      const check = checkPopulation(base.scenario, alt.scenario);
      if (!check.same) {
        io.stderr.write(`${compareMessages.differentPopulation(alt.file, base.file, check.differingFields)}\n`);
        refused = true;
      }
    }
    if (refused) return ExitCode.badInput;
  }

  // 3. Where the results go.
  const defaultDir = path.join('reports', 'compare', safeFolderName(`${labels[0]}-vs-${labels.slice(1).join('-')}`));
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? defaultDir), io);
  if (!out.ok) return out.code;

  // 4. Simulate, one after another.
  const ran = await runPlanned(planned, flags, io);
  if (!ran.ok) return ran.code;

  // 5. Compare and write, each file whole or not at all.
  const runs = planned.map((p, i) => ({ label: p.label, file: p.file, summary: ran.value[i]! }));
  const comparison = compareRuns(runs[0]!, runs.slice(1), materiality);
  const jsonFile = path.join(out.value, COMPARISON_FILE);
  const reportFile = path.join(out.value, 'report.html');
  return writeResult(
    {
      jsonFile,
      value: comparison,
      reportFile,
      writeReport: async () => {
        // Loaded here, not at startup: the report brings Vega.
        const { writeCompareReport } = await import('../report/compare-report.js');
        await writeCompareReport(comparison, out.value);
      },
      text: (json) => formatComparisonText(comparison, { json }),
    },
    flags.json,
    io,
  );
}

export function registerCompare(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('compare')
    .description('run a base scenario and alternatives on common random numbers and report each change from the base')
    .argument('<base>', 'base scenario file (YAML or JSON)')
    .argument('<alternatives...>', 'alternative scenario files')
    .option('-o, --out <dir>', 'output folder (default: reports/compare/<base>-vs-<alternatives>/)')
    .option('--seed <n>', 'override seed (all scenarios)')
    .option('--paths <n>', 'override run.paths (all scenarios)')
    .option('--borrowers <n>', 'override run.borrowersPerPath (all scenarios)')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field in every scenario (repeatable)', collect)
    .option('--materiality <fraction>', 'a distinguishable change smaller than this fraction of the base value is immaterial (default 0.01)')
    .option('--allow-different-population', 'compare even when population parameters differ (the differences then carry extra noise)')
    .option('--json', 'print comparison.json instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (baseFile: string, alternatives: string[], flags: CompareFlags) => done(await compareCommand([baseFile, ...alternatives], flags, io)));
}
