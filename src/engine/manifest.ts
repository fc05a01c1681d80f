/** What a run records so that it can be identified and re-run. */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { packageInfo } from '../util/package-info.js';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Manifest } from '../results/types.js';
import type { Clock } from '../model/clock.js';
import { STEP_UNIFORMS } from '../model/context.js';
import { shardsPerPath } from './plan.js';

const require = createRequire(import.meta.url);
const RECORDED_PACKAGES = ['seedrandom', 'piscina', 'simple-statistics', 'vega', 'vega-lite', 'zod', 'yaml'];

/**
 * A dependency's version. Packages whose `exports` hide package.json (vega,
 * piscina) are found by resolving their entry and walking up to the folder
 * whose package.json carries their name.
 */
function packageVersion(name: string): string {
  try {
    let dir = path.dirname(require.resolve(name));
    for (;;) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      }
      const up = path.dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  } catch {
    return 'unknown';
  }
}

export function toolVersion(): string {
  return packageInfo().version;
}

export function makeManifest(scenario: Scenario, clock: Clock, execution: Manifest['execution']): Manifest {
  return {
    tool: 'limitlab',
    version: toolVersion(),
    node: process.version,
    packages: Object.fromEntries(RECORDED_PACKAGES.map((p) => [p, packageVersion(p)])),
    scenario,
    scenarioHash: scenarioHash(scenario),
    seed: scenario.seed,
    paths: scenario.run.paths,
    borrowersPerPath: scenario.run.borrowersPerPath,
    shardSize: scenario.run.shardSize,
    shards: scenario.run.paths * shardsPerPath(scenario),
    steps: clock.steps,
    stepDays: clock.stepDays,
    horizonDays: clock.horizonDays,
    uniformsPerBorrowerStep: STEP_UNIFORMS,
    execution,
  };
}

export function executionInfo(elapsedSeconds: number, workers: number): Manifest['execution'] {
  return { elapsedSeconds, workers, date: new Date().toISOString(), host: hostname() };
}
