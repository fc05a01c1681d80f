/**
 * `limitlab sweep SCENARIO --grid path=v1,v2,... [--grid ...]`: run the
 * cartesian grid of overrides on common random numbers and write one row per
 * grid point.
 *
 *   parse the axes (and --reference, --materiality) → resolve every grid point
 *   (a bad path or value is exit 2 before anything runs) → the reference: the
 *   scenario as given, run as an extra point unless a grid point equals it, or
 *   the point --reference names → population rule → run one after another →
 *   sweep.json, runs/<label>/summary.json and report.html (atomically) → one
 *   line per point on stdout
 *
 * `limitlab sweep --from A/summary.json B/summary.json ...` sweeps finished
 * runs instead (sweepFromRuns below).
 */
import path from 'node:path';
import type { Command } from 'commander';
import { axesOfRuns, pointsOfRuns, samePoint } from '../compare/from-runs.js';
import { MAX_GRID_POINTS, gridPoints, gridSize, parseGridOption, pointLabel } from '../compare/grid.js';
import { compareMessages } from '../messages.js';
import { checkPopulation } from '../compare/population.js';
import { parseMateriality } from '../compare/materiality.js';
import { asGivenLabel, gridValues, referencePoint } from '../compare/reference.js';
import { type ReferenceChoice, buildSweep } from '../compare/sweep.js';
import { formatSweepText } from '../compare/text.js';
import type { GridAxis, Sweep } from '../compare/types.js';
import type { Summary } from '../results/types.js';
import { formatIssue, isScenarioError } from '../scenario/errors.js';
import { displayPath } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { scenarioHash } from '../scenario/hash.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { Scenario } from '../scenario/schema.js';
import { safeFolderName } from '../util/safe-name.js';
import { type Planned, keptSummaryFile, outputFolder, resolveOrPrint, runFolders, runPlanned, writeResult } from './batch.js';
import { ExitCode } from './exit-codes.js';
import { whileLocked } from './out-guard.js';
import type { CliIo } from './io.js';
import { collect, positiveInteger } from './options.js';
import { flagOverrides } from './run.js';
import { pairingProblems, readFinishedRuns, simulationFlags } from './summary-inputs.js';

export const SWEEP_FILE = 'sweep.json';

export interface SweepFlags {
  grid?: string[];
  from?: string[];
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

export async function sweepCommand(file: string | undefined, flags: SweepFlags, io: CliIo): Promise<number> {
  // 0. Finished runs (--from) are swept as they are; a scenario's grid is simulated here.
  if (flags.from !== undefined) {
    if (file !== undefined) return refuse([compareMessages.sweepFromAndScenario(file)], io);
    return sweepFromRuns(flags.from, flags, io);
  }
  if (file === undefined) return refuse([compareMessages.sweepNeedsInput()], io);

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
  return whileLocked(out.value, `limitlab sweep ${shown}`, io, async () => {
    const ran = await runPlanned(planned, flags, io);
    if (!ran.ok) return ran.code;

    // 7. Rows, files, summary.
    const summaries = runReference ? ran.value.slice(1) : ran.value;
    const reference: ReferenceChoice = runReference
      ? { source: 'scenario', values, summary: ran.value[0]! }
      : { source: named === undefined ? 'scenario' : 'point', values, point: named ?? asGiven };
    const built = buildSweep(shown, axes, points, summaries, { reference, materiality });
    // sweep.json's runs are the grid points in row order, then the reference when it is not one of them.
    const kept = runReference ? [...summaries, ran.value[0]!] : summaries;
    return writeSweep(built, kept, out.value, flags, io);
  });
}

/**
 * `sweep --from A/summary.json B/summary.json ...`: finished runs as the points
 * of a sweep. The axes are the model fields on which their manifests' resolved
 * scenarios differ (src/compare/from-runs.ts); the reference is the first run
 * or the one `--reference` names; the population and pairing checks are
 * compare's. A set of runs that is not the full cartesian grid of those fields
 * is listed as given, with a note saying so.
 */
async function sweepFromRuns(files: readonly string[], flags: SweepFlags, io: CliIo): Promise<number> {
  // 1. What --from cannot take, then the summaries.
  const simulating = simulationFlags(flags);
  if (simulating.length) return refuse([compareMessages.simulationFlagsWithSummaries(simulating)], io);
  if ((flags.grid ?? []).length > 0) return refuse([compareMessages.sweepFromAndGrid()], io);
  if (files.length < 2) return refuse([compareMessages.sweepFromTooFew(files.length)], io);
  const materiality = parseMateriality(flags.materiality);
  if (typeof materiality === 'string') return refuse([materiality], io);
  const read = await readFinishedRuns(files, io.cwd);
  if ('problems' in read) return refuse(read.problems, io);
  const runs = read.runs;

  // 2. The axes and the points, from the resolved scenarios.
  const scenarios = runs.map((r) => r.summary.manifest.scenario);
  const axes = axesOfRuns(scenarios);
  if (axes.length === 0) return refuse([compareMessages.sweepFromNoAxes(runs.map((r) => r.file))], io);
  const placed = pointsOfRuns(axes, scenarios);
  const twice = samePoint(placed);
  if (twice) return refuse([compareMessages.sweepFromSamePoint(runs[twice[0]]!.file, runs[twice[1]]!.file)], io);

  // 3. The reference: the first run given, or the point --reference names; every run measured against it.
  const named = flags.reference === undefined ? placed.runOf.indexOf(0) : referencePoint(flags.reference, axes, placed.points);
  if (typeof named === 'string') return refuse([named], io);
  const problems = pairingProblems(runs, placed.runOf[named]!, flags.allowDifferentPopulation ?? false);
  if (problems.length) return refuse(problems, io);

  // 4. Where the results go, and the sweep (each run recorded with its own summary file).
  const refName = scenarios[placed.runOf[named]!]!.name;
  const axesName = axes.map((a) => a.path.split('.').pop() ?? a.path).join('-');
  const out = await outputFolder(path.resolve(io.cwd, flags.out ?? path.join('reports', 'sweep', safeFolderName(`${refName}-${axesName}`))), io);
  if (!out.ok) return out.code;
  const ordered = placed.runOf.map((i) => runs[i]!);
  const built = buildSweep(
    ordered.map((r) => r.file).join(', '),
    axes,
    placed.points,
    ordered.map((r) => r.summary),
    { reference: { source: flags.reference === undefined ? 'run' : 'point', values: placed.points[named]!.overrides, point: named }, materiality },
  );
  const notes = placed.complete ? built.notes : [...built.notes, compareMessages.sweepFromPartialNote(runs.length, gridSize(axes))];
  const sweep: Sweep = { ...built, notes, runs: built.runs.map((r, i) => ({ ...r, file: ordered[i]!.file })) };
  return whileLocked(out.value, `limitlab sweep --from ${ordered.map((r) => r.file).join(' ')}`, io, () =>
    writeSweep(sweep, ordered.map((r) => r.summary), out.value, flags, io),
  );
}

function refuse(lines: readonly string[], io: CliIo): number {
  for (const line of lines) io.stderr.write(`${line}\n`);
  return ExitCode.badInput;
}

/** sweep.json with every run's summary under runs/, then the report: the JSON and runs/ whole or not at all. */
function writeSweep(built: Sweep, summaries: readonly Summary[], dir: string, flags: SweepFlags, io: CliIo): Promise<number> {
  if (summaries.length !== built.runs.length) throw new Error(`internal: ${built.runs.length} runs but ${summaries.length} summaries`);
  const folders = runFolders(built.runs.map((r) => r.label));
  const sweep: Sweep = { ...built, runs: built.runs.map((r, i) => ({ ...r, summaryFile: keptSummaryFile(folders[i]!) })) };
  return writeResult(
    {
      jsonFile: path.join(dir, SWEEP_FILE),
      value: sweep,
      reportFile: path.join(dir, 'report.html'),
      runs: summaries.map((summary, i) => ({ folder: folders[i]!, summary })),
      writeReport: async () => {
        const { writeSweepReport } = await import('../report/sweep-report.js');
        await writeSweepReport(sweep, dir);
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
    .description('run a grid of overrides on common random numbers (or sweep finished runs with --from) and write one row per grid point')
    .argument('[scenario]', 'scenario file (YAML or JSON), with --grid')
    .option('--grid <path=v1,v2,...>', 'a field and its values, read as YAML like --set (repeatable: the grid is every combination)', collect)
    .option('--from <summaries...>', 'sweep finished runs instead: their summary.json files; the axes are the fields on which their scenarios differ, the reference the first (or --reference)')
    .option('-o, --out <dir>', 'output folder: sweep.json, report.html, charts/, runs/<label>/summary.json (default: reports/sweep/<scenario>-<fields>/)')
    .option('--seed <n>', 'override seed (not with --from)')
    .option('--paths <n>', 'override run.paths (not with --from)')
    .option('--borrowers <n>', 'override run.borrowersPerPath (not with --from)')
    .option('--workers <n>', 'worker threads (default: one per core; not with --from)', positiveInteger('--workers'))
    .option('--set <path=value>', 'override a field at every grid point (repeatable; not with --from)', collect)
    .option('--reference <path=value,...>', 'measure changes from this grid point (default: the scenario as given, without grid overrides; with --from, the first run)')
    .option('--materiality <fraction>', 'a distinguishable change smaller than this fraction of the reference value is immaterial (default 0.01)')
    .option('--allow-different-population', 'sweep even when the grid varies population parameters (differences then carry extra noise)')
    .option('--json', 'print sweep.json instead of the summary')
    .option('-q, --quiet', 'no progress output')
    .action(async (file: string | undefined, flags: SweepFlags) => done(await sweepCommand(file, flags, io)));
}
