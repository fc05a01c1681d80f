import { resolveScenario } from '../../src/scenario/resolve.js';
import type { Scenario } from '../../src/scenario/schema.js';

/** Resolve a scenario file of the repo with `--set`-style overrides. */
export function loadScenario(file: string, overrides: string[] = []): Promise<Scenario> {
  return resolveScenario(file, overrides);
}
