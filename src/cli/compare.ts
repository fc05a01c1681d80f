/**
 * `limitlab compare BASE ALT [ALT...]`: run every scenario on the same seed and
 * sizes (common random numbers) and report each alternative's change from the
 * base, paired path by path.
 *
 *   resolve each (--set, --seed/--paths/--borrowers apply to all) → population
 *   rule (refuse, exit 2, unless --allow-different-population) → run one after
 *   another (progress on stderr, Ctrl-C aborts) → compare → comparison.json and
 *   report.html (atomically) → the main changes on stdout
 *
 * `limitlab compare A/summary.json B/summary.json [...]` compares finished runs
 * instead (each a `run` or a `merge` of a scaled-out run): read and checked →
 * population rule on their manifests and the pairing checks → the same
 * comparison. Either way every run's summary is kept in OUT/runs/<label>/.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { type RunInput, compareRuns } from '../compare/compare.js';
import type { Comparison } from '../compare/types.js';
import { uniqueLabels } from '../compare/labels.js';
import { parseMateriality } from '../compare/materiality.js';
import { compareMessages } from '../messages.js';
import { checkPopulation } from '../compare/population.js';
import { formatComparisonText } from '../compare/text.js';
import { displayPath } from '../scenario/load.js';
import type { Scenario } from '../scenario/schema.js';
import { safeFolderName } from '../util/safe-name.js';
import { ExitCode } from './exit-codes.js';
import { whileLocked } from './out-guard.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { flagOverrides } from './run.js';
import { type Planned, keptSummaryFile, outputFolder, resolveOrPrint, runFolders, runPlanned, writeResult } from './batch.js';
import { type InputKind, inputKind, labelSource, pairingProblems, readFinishedRuns, simulationFlags } from './summary-inputs.js';

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
  // 0. Finished runs (summary.json files) are compared as they are; scenarios are simulated here.
  const kinds = await Promise.all(files.map((f) => inputKind(path.resolve(io.cwd, f))));
  if (kinds.some((k) => k !== 'scenario')) return compareSummaries(files, kinds, flags, io);

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
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? defaultFolder(labels)), io);
  if (!out.ok) return out.code;

  return whileLocked(out.value, `limitlab compare ${shown.join(' ')}`, io, async () => {
    // 4. Simulate, one after another.
    const ran = await runPlanned(planned, flags, io);
    if (!ran.ok) return ran.code;

    // 5. Compare and write.
    return writeComparison(
      planned.map((p, i) => ({ label: p.label, file: p.file, summary: ran.value[i]! })),
      materiality,
      out.value,
      flags,
      io,
    );
  });
}

/**
 * compare of finished runs: every argument a summary.json (a `run`, or a
 * `merge` of a scaled-out run), read and checked (schema, one value per path),
 * then the population rule on their manifests' resolved scenarios and the
 * pairing checks (src/compare/pairing.ts), then the same comparison as if
 * compare had simulated them.
 */
async function compareSummaries(files: readonly string[], kinds: readonly InputKind[], flags: CompareFlags, io: CliIo): Promise<number> {
  const shown = files.map((f) => displayPath(path.resolve(io.cwd, f), io.cwd));
  const refuse = (lines: readonly string[]): number => {
    for (const line of lines) io.stderr.write(`${line}\n`);
    return ExitCode.badInput;
  };

  // 1. Flags that would simulate, other kinds of file, and the materiality: refused before reading anything else.
  const simulating = simulationFlags(flags);
  if (simulating.length) return refuse([compareMessages.simulationFlagsWithSummaries(simulating)]);
  const others = kinds.flatMap((k, i) => (k === 'comparison' || k === 'sweep' ? [compareMessages.notARunSummary(shown[i]!, k)] : []));
  if (others.length) return refuse(others);
  const materiality = parseMateriality(flags.materiality);
  if (typeof materiality === 'string') return refuse([materiality]);

  // 2. Every summary, checked; all problems before anything is compared. A scenario among them is refused.
  const read = await readFinishedRuns(files.filter((_, i) => kinds[i] !== 'scenario'), io.cwd);
  if ('problems' in read) return refuse(read.problems);
  const scenarioAt = kinds.indexOf('scenario');
  if (scenarioAt >= 0) {
    const { summary, file } = read.runs[0]!;
    const m = summary.manifest;
    const rerun = `limitlab run ${shown[scenarioAt]} --seed ${m.seed} --paths ${m.paths} --borrowers ${m.borrowersPerPath}`;
    return refuse([compareMessages.mixedInputs(file, shown[scenarioAt]!, rerun)]);
  }
  const runs = read.runs;

  // 3. The population rule on the manifests, then what pairing path by path needs beyond it.
  const problems = pairingProblems(runs, 0, flags.allowDifferentPopulation ?? false);
  if (problems.length) return refuse(problems);

  // 4. Labels as for scenarios (the name in each manifest; a summary's folder tells equal names apart), the folder, the result.
  const labels = uniqueLabels(runs.map((r) => r.summary.manifest.scenario.name), runs.map((r) => labelSource(r.file)));
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? defaultFolder(labels)), io);
  if (!out.ok) return out.code;
  return whileLocked(out.value, `limitlab compare ${shown.join(' ')}`, io, () =>
    writeComparison(
      runs.map((r, i) => ({ label: labels[i]!, file: r.file, summary: r.summary })),
      materiality,
      out.value,
      flags,
      io,
    ),
  );
}

function defaultFolder(labels: readonly string[]): string {
  return path.join('reports', 'compare', safeFolderName(`${labels[0]}-vs-${labels.slice(1).join('-')}`));
}

/** comparison.json with every run's summary under runs/, then the report: the JSON and runs/ whole or not at all. */
function writeComparison(inputs: readonly RunInput[], materiality: number, dir: string, flags: CompareFlags, io: CliIo): Promise<number> {
  const folders = runFolders(inputs.map((r) => r.label));
  const compared = compareRuns(inputs[0]!, inputs.slice(1), materiality);
  const comparison: Comparison = { ...compared, runs: compared.runs.map((r, i) => ({ ...r, summaryFile: keptSummaryFile(folders[i]!) })) };
  return writeResult(
    {
      jsonFile: path.join(dir, COMPARISON_FILE),
      value: comparison,
      reportFile: path.join(dir, 'report.html'),
      runs: inputs.map((r, i) => ({ folder: folders[i]!, summary: r.summary })),
      writeReport: async () => {
        // Loaded here, not at startup: the report brings Vega.
        const { writeCompareReport } = await import('../report/compare-report.js');
        await writeCompareReport(comparison, dir);
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
    .description('run a base scenario and alternatives on common random numbers (or pair finished runs\' summary.json files) and report each change from the base')
    .argument('<base>', 'base scenario file (YAML or JSON), or a finished run\'s summary.json')
    .argument('<alternatives...>', 'alternative scenario files, or summary.json files (all scenarios or all summaries)')
    .option('-o, --out <dir>', 'output folder: comparison.json, report.html, charts/, runs/<label>/summary.json (default: reports/compare/<base>-vs-<alternatives>/)')
    .option('--seed <n>', 'override seed (all scenarios; not with summaries)')
    .option('--paths <n>', 'override run.paths (all scenarios; not with summaries)')
    .option('--borrowers <n>', 'override run.borrowersPerPath (all scenarios; not with summaries)')
    .option('--workers <n>', 'worker threads (default: one per core; not with summaries)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field in every scenario (repeatable; not with summaries)', collect)
    .option('--materiality <fraction>', 'a distinguishable change smaller than this fraction of the base value is immaterial (default 0.01)')
    .option('--allow-different-population', 'compare even when population parameters (or, for summaries, limitlab versions) differ (the differences then carry extra noise)')
    .option('--json', 'print comparison.json instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (baseFile: string, alternatives: string[], flags: CompareFlags) => done(await compareCommand([baseFile, ...alternatives], flags, io)));
}
