/** The real engine on this thread (no worker pool): small runs in CLI tests stay fast and deterministic. */
import type { RunScenario } from '../../src/engine/api.js';
import { runScenario } from '../../src/engine/run.js';

export const inProcessEngine: RunScenario = (scenario, options) => runScenario(scenario, { ...options, inProcess: true });

/** Sizes for CLI tests: small, but large enough for a standard error (16 paths of 500 borrowers over a year). */
export const SMALL = ['--paths', '16', '--borrowers', '500', '--set', 'clock.horizonDays=360', '--quiet'];
