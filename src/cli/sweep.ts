/**
 * `limitlab sweep SCENARIO --grid path=v1,v2,... [--grid ...]`: run the
 * cartesian grid of overrides on common random numbers and write one row per
 * grid point.
 *
 *   parse the axes (and --reference, --materiality) → resolve every grid point
 *   (a bad path or value is exit 2 before anything runs) → the reference: the
 *   scenario as given, run as an extra point unless a grid point equals it, or
 *   the point --reference names → population rule → run one after another →
 *   sweep.json and report.html (atomically) → one line per point on stdout
 */
import path from 'node:path';
import type { Command } from 'commander';
import { MAX_GRID_POINTS, gridPoints, gridSize, parseGridOption, pointLabel } from '../compare/grid.js';
import { compareMessages } from '../messages.js';
import { checkPopulation } from '../compare/population.js';
import { parseMateriality } from '../compare/materiality.js';
import { asGivenLabel, gridValues, referencePoint } from '../compare/reference.js';
import { type ReferenceChoice, buildSweep } from '../compare/sweep.js';
import { formatSweepText } from '../compare/text.js';
import type { GridAxis } from '../compare/types.js';
import { formatIssue, isScenarioError } from '../scenario/errors.js';
import { displayPath } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { scenarioHash } from '../scenario/hash.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { Scenario } from '../scenario/schema.js';
import { safeFolderName } from '../util/safe-name.js';
import { type Planned, outputFolder, resolveOrPrint, runPlanned, writeResult } from './batch.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { flagOverrides } from './run.js';

export const SWEEP_FILE = 'sweep.json';

export interface SweepFlags {
  grid?: string[];
  out?: string;
  seed?: string;
  paths?: string;
  borrowers?: string;
  workers?: number;
  set?: string[];
  allowDifferentPopulation?: boolean;
  reference?: string;
  materiality?: string;
  json?: boolean;
  quiet?: boolean;
}

/** The --grid options as axes, or the messages saying what is wrong with them. */
export function parseGrid(options: readonly string[]): { axes: GridAxis[] } | { errors: string[] } {
  if (options.length === 0) return { errors: [compareMessages.gridRequired()] };
  const axes: GridAxis[] = [];
  const errors: string[] = [];
  for (const text of options) {
    const axis = parseGridOption(text);
    if (typeof axis === 'string') errors.push(axis);
    else if (axes.some((a) => a.path === axis.path)) errors.push(compareMessages.gridDuplicatePath(axis.path));
    else axes.push(axis);
  }
  if (errors.length === 0 && gridSize(axes) > MAX_GRID_POINTS) errors.push(compareMessages.gridTooLarge(gridSize(axes), MAX_GRID_POINTS));
  return errors.length ? { errors } : { axes };
}

export async function sweepCommand(file: string, flags: SweepFlags, io: CliIo): Promise<number> {
  // 1. The grid.
  const grid = parseGrid(flags.grid ?? []);
  if ('errors' in grid) {
    for (const e of grid.errors) io.stderr.write(`${e}\n`);
    return ExitCode.badInput;
  }
  const { axes } = grid;
  const points = gridPoints(axes);
  const materiality = parseMateriality(flags.materiality);
  const named = flags.reference === undefined ? undefined : referencePoint(flags.reference, axes, points);
  for (const problem of [materiality, named]) if (typeof problem === 'string') io.stderr.write(`${problem}\n`);
  if (typeof materiality === 'string' || typeof named === 'string') return ExitCode.badInput;

  // 2. The scenario, then every grid point: each value is validated in every combination before anything runs.
  //    Issues name the whole --grid option, so one bad path is reported once, not once per point.
  const common: (string | Override)[] = [...(flags.set ?? []), ...flagOverrides(flags)];
  const base = await resolveOrPrint(file, common, io);
  if (!base) return ExitCode.badInput;
  const shown = displayPath(path.resolve(io.cwd, file), io.cwd);
  const scenarios: Scenario[] = [];
  const problems = new Set<string>();
  for (const p of points) {
    const own: Override[] = axes.map((a) => ({ path: a.path, value: p.texts[a.path]!, source: `--grid ${a.path}=${a.texts.join(',')}` }));
    try {
      scenarios.push(await resolveScenario(file, [...common, ...own], { cwd: io.cwd }));
    } catch (e) {
      if (!isScenarioError(e)) throw e;
      for (const issue of e.issues) problems.add(formatIssue(issue));
    }
  }
  if (problems.size > 0) {
    for (const line of problems) io.stderr.write(`${line}\n`);
    return ExitCode.badInput;
  }

  // 3. The reference: a named grid point, or the scenario as given — run on its own unless it is a grid point.
  const baseHash = scenarioHash(base);
  const asGiven = scenarios.findIndex((s) => scenarioHash(s) === baseHash);
  const runReference = named === undefined && asGiven < 0;

  // 4. Grid points (and the reference) share their random numbers only if the grid leaves the population alone.
  const compared = runReference ? [base, ...scenarios] : scenarios;
  const differing = [...new Set(compared.flatMap((s) => checkPopulation(compared[0]!, s).differingFields))];
  if (differing.length > 0 && !flags.allowDifferentPopulation) {
    io.stderr.write(`${compareMessages.sweepDifferentPopulation(differing)}\n`);
    return ExitCode.badInput;
  }

  // 5. Where the results go.
  const axesName = axes.map((a) => a.path.split('.').pop() ?? a.path).join('-');
  const defaultDir = path.join('reports', 'sweep', safeFolderName(`${base.name}-${axesName}`));
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? defaultDir), io);
  if (!out.ok) return out.code;

  // 6. Simulate the reference (when it is not a grid point), then every point, one after another.
  const values = named === undefined ? gridValues(base, axes) : points[named]!.overrides;
  const planned: Planned[] = [
    ...(runReference ? [{ label: asGivenLabel(axes, values), file: shown, scenario: base }] : []),
    ...points.map((p, i) => ({ label: pointLabel(p, axes), file: shown, scenario: scenarios[i]! })),
  ];
  const ran = await runPlanned(planned, flags, io);
  if (!ran.ok) return ran.code;

  // 7. Rows, files, summary.
  const summaries = runReference ? ran.value.slice(1) : ran.value;
  const reference: ReferenceChoice = runReference
    ? { source: 'scenario', values, summary: ran.value[0]! }
    : { source: named === undefined ? 'scenario' : 'point', values, point: named ?? asGiven };
  const sweep = buildSweep(shown, axes, points, summaries, { reference, materiality });
  const jsonFile = path.join(out.value, SWEEP_FILE);
  const reportFile = path.join(out.value, 'report.html');
  return writeResult(
    {
      jsonFile,
      value: sweep,
      reportFile,
      writeReport: async () => {
        const { writeSweepReport } = await import('../report/sweep-report.js');
        await writeSweepReport(sweep, out.value);
      },
      text: (json) => formatSweepText(sweep, { json }),
    },
    flags.json,
    io,
  );
}

export function registerSweep(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('sweep')
    .description('run a grid of overrides on common random numbers and write one row per grid point')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--grid <path=v1,v2,...>', 'a field and its values, read as YAML like --set (repeatable: the grid is every combination)', collect)
    .option('-o, --out <dir>', 'output folder (default: reports/sweep/<scenario>-<fields>/)')
    .option('--seed <n>', 'override seed')
    .option('--paths <n>', 'override run.paths')
    .option('--borrowers <n>', 'override run.borrowersPerPath')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field at every grid point (repeatable)', collect)
    .option('--reference <path=value,...>', 'measure changes from this grid point (default: the scenario as given, without grid overrides)')
    .option('--materiality <fraction>', 'a distinguishable change smaller than this fraction of the reference value is immaterial (default 0.01)')
    .option('--allow-different-population', 'sweep even when the grid varies population parameters (differences then carry extra noise)')
    .option('--json', 'print sweep.json instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (file: string, flags: SweepFlags) => done(await sweepCommand(file, flags, io)));
}
