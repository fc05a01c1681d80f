/** What a run records so that it can be identified and re-run. */
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import type { Scenario } from '../scenario/schema.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Manifest } from '../results/types.js';
import type { Clock } from '../model/clock.js';
import { STEP_UNIFORMS } from '../model/context.js';
import { shardsPerPath } from './plan.js';

const require = createRequire(import.meta.url);
const RECORDED_PACKAGES = ['seedrandom', 'piscina', 'simple-statistics', 'vega', 'vega-lite', 'zod', 'yaml'];

function packageVersion(name: string): string {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function toolVersion(): string {
  return (require('../../package.json') as { version: string }).version;
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
