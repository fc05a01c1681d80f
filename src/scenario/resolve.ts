/**
 * Scenario resolution, the first stage of the pipeline:
 *
 *   file ─load→ merged `extends` chain ─overrides→ raw scenario ─validate→ Scenario
 *
 * The result is what the engine runs and what `limitlab validate --json` prints:
 * no `extends`, every field checked, keys in schema order.
 */
import { ScenarioError, type ScenarioIssue } from './errors.js';
import { loadScenarioFile } from './load.js';
import { applyOverrides, type Override, parseSetOption } from './overrides.js';
import type { Scenario } from './schema.js';
import { validateScenario } from './validate.js';
import { messages } from '../messages.js';

export { scenarioHash } from './hash.js';

export interface ResolveOptions {
  /** base for a relative `file`; default the process's working directory */
  cwd?: string;
}

/**
 * Load, merge, override and validate a scenario. `overrides` are `--set`
 * texts (`segments.0.correlation=0.04`) or Overrides naming their own source.
 * Throws a ScenarioError listing every issue found.
 */
export async function resolveScenario(
  file: string,
  overrides: readonly (string | Override)[] = [],
  options: ResolveOptions = {},
): Promise<Scenario> {
  const loaded = await loadScenarioFile(file, options.cwd);

  const parsed: Override[] = [];
  const bad: ScenarioIssue[] = [];
  for (const o of overrides) {
    if (typeof o !== 'string') parsed.push(o);
    else {
      const p = parseSetOption(o);
      if (p) parsed.push(p);
      else bad.push({ file: loaded.file, path: [], message: messages.overrideNoEquals(o) });
    }
  }

  const problems = applyOverrides(loaded.value, parsed, loaded.sources);
  const overrideIssues = problems.map(
    (p): ScenarioIssue => ({ file: loaded.file, path: p.path, message: p.message, via: p.source }),
  );

  const result = validateScenario(loaded.value, loaded.sources);
  const issues = [...bad, ...overrideIssues, ...(result.ok ? [] : result.issues)];
  if (issues.length > 0 || !result.ok) throw new ScenarioError(issues);
  return result.scenario;
}

