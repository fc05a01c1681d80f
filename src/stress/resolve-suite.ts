/**
 * From a suite file to the scenarios it runs, each exactly as it will be
 * simulated:
 *
 *   suite file ─load+validate→ entries ─resolve each (extends, suite sizes,
 *   --paths/--borrowers)→ scenarios ─appetite (scenario < suite < entry)→
 *   ─checks (unique names and folders, common random numbers)→ hashes
 *
 * Every problem is collected and thrown as one ScenarioError (exit 2).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { SUITE_POPULATION_FIELDS, checkPopulation } from '../compare/population.js';
import type { Appetite } from '../results/appetite.js';
import { canonicalJson, scenarioHash } from '../scenario/hash.js';
import { isScenarioError, ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import { displayPath } from '../scenario/load.js';
import type { Override } from '../scenario/overrides.js';
import { resolveScenario } from '../scenario/resolve.js';
import type { Scenario } from '../scenario/schema.js';
import { safeFolderName } from '../util/safe-name.js';
import { stressMessages } from '../messages.js';
import { loadSuiteFile } from './suite-file.js';
import type { LimitSource, ResolvedSuite, SuiteMember } from './types.js';

/** The command's size flags, as typed (validated like any scenario field). */
export interface SizeFlags {
  paths?: string;
  borrowers?: string;
  seed?: string;
}

export async function resolveSuite(file: string, flags: SizeFlags = {}, cwd = process.cwd()): Promise<ResolvedSuite> {
  const loaded = await loadSuiteFile(file, cwd);
  const { suite } = loaded;
  const issues: ScenarioIssue[] = [];

  // 1. Sizes: the suite's for all, then the flags; each reaches the scenario as an override naming its source.
  const overrides: Override[] = [];
  const size = (field: string, value: number | string | undefined, source: string): void => {
    if (value !== undefined) overrides.push({ path: field, value: String(value), source });
  };
  size('run.paths', suite.run?.paths, `${loaded.file} run.paths`);
  size('run.borrowersPerPath', suite.run?.borrowersPerPath, `${loaded.file} run.borrowersPerPath`);
  size('run.shardSize', suite.run?.shardSize, `${loaded.file} run.shardSize`);
  size('run.paths', flags.paths, `--paths ${flags.paths}`);
  size('run.borrowersPerPath', flags.borrowers, `--borrowers ${flags.borrowers}`);
  size('seed', flags.seed, `--seed ${flags.seed}`);

  // 2. Each scenario, resolved on its own; a file that cannot be read is reported at its suite entry.
  const resolved: (SuiteMember | undefined)[] = [];
  for (const [i, entry] of suite.scenarios.entries()) {
    const scenarioFile = path.resolve(path.dirname(loaded.abs), entry.file);
    let scenario: Scenario;
    try {
      scenario = await resolveScenario(scenarioFile, overrides, { cwd });
    } catch (e) {
      if (!isScenarioError(e)) throw e;
      const only = e.issues.length === 1 ? e.issues[0]! : undefined;
      if (only && only.path.length === 0 && !only.position) {
        issues.push(loaded.issueAt(['scenarios', i, 'file'], `cannot load ${entry.file}: ${only.message}`));
      } else issues.push(...e.issues);
      resolved.push(undefined);
      continue;
    }
    const { appetite, sources } = effectiveAppetite(scenario.report?.appetite, suite.appetite, entry.appetite);
    const withLimits: Scenario = Object.keys(appetite).length > 0 ? { ...scenario, report: { ...scenario.report, appetite } } : scenario;
    resolved.push({
      name: withLimits.name,
      folder: safeFolderName(withLimits.name),
      file: displayPath(scenarioFile, cwd),
      scenario: withLimits,
      hash: scenarioHash(withLimits),
      limitSources: sources,
    });
  }

  // 3. One suite: unique names and folders, and one population (common random numbers).
  const names = new Map<string, number>();
  const folders = new Map<string, number>();
  let first: SuiteMember | undefined;
  resolved.forEach((m, i) => {
    if (!m) return;
    const at = ['scenarios', i, 'file'] as const;
    const sameName = names.get(m.name);
    const sameFolder = folders.get(m.folder);
    if (sameName !== undefined) issues.push(loaded.issueAt(at, stressMessages.duplicateScenario(m.name, sameName)));
    else if (sameFolder !== undefined) issues.push(loaded.issueAt(at, stressMessages.duplicateFolder(m.folder, sameFolder)));
    names.set(m.name, names.get(m.name) ?? i);
    folders.set(m.folder, folders.get(m.folder) ?? i);
    if (!first) first = m;
    else {
      const population = checkPopulation(first.scenario, m.scenario, SUITE_POPULATION_FIELDS);
      if (!population.same) issues.push(loaded.issueAt(at, stressMessages.differentPopulation(first.name, population.differingFields)));
    }
  });
  if (issues.length > 0) throw new ScenarioError(issues);

  const members = resolved as SuiteMember[];
  const identity = { name: suite.name, description: suite.description ?? null, scenarios: members.map((m) => ({ name: m.name, hash: m.hash })) };
  return {
    name: suite.name,
    ...(suite.description !== undefined ? { description: suite.description } : {}),
    file: loaded.file,
    members,
    hash: createHash('sha256').update(canonicalJson(identity)).digest('hex'),
  };
}

/**
 * The limits that gate a scenario: its own `report.appetite`, overridden figure
 * by figure by the suite's, then by the suite entry's; with where each came from.
 */
export function effectiveAppetite(
  own: Appetite | undefined,
  suite: Appetite | undefined,
  entry: Appetite | undefined,
): { appetite: Appetite; sources: Record<string, LimitSource> } {
  const appetite: Appetite = {};
  const sources: Record<string, LimitSource> = {};
  const layer = (limits: Appetite | undefined, source: LimitSource): void => {
    for (const [figure, limit] of Object.entries(limits ?? {})) {
      appetite[figure] = limit;
      sources[figure] = source;
    }
  };
  layer(own, 'scenario');
  layer(suite, 'suite');
  layer(entry, 'suite entry');
  return { appetite, sources };
}
