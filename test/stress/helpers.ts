/**
 * Small suites for stress tests: scenarios extending a copy of the repo's
 * baseline, sized so a whole suite runs in a second or two.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StressResult } from '../../src/stress/types.js';
import { BASELINE_TEXT, type TmpScenarios, tmpScenarios } from '../helpers/scenario-files.js';

/** 4 paths × 200 borrowers in shards of 100: 8 shards a scenario. */
export const TINY_RUN = '{ paths: 4, borrowersPerPath: 200, shardSize: 100 }';

export interface SuiteFolder extends TmpScenarios {
  suite: string;
}

/**
 * A temporary folder with `base.yaml` (the baseline), `severe.yaml` (a −2 shift
 * for a year) and `suite.yaml` listing both under `appetite`.
 */
export function tinySuite(appetite = '{ annualDefaultRate: 0.5 }', run = TINY_RUN, extra = ''): SuiteFolder {
  const t = tmpScenarios();
  t.write({
    // the baseline without its own report.appetite: the suite's limits are the only ones
    'base.yaml': BASELINE_TEXT.replace(/^report:[\s\S]*$/m, ''),
    'severe.yaml': `extends: base.yaml\nname: severe\nmacro: { shocks: [{ fromDay: 90, toDay: 450, shift: -2 }] }\n`,
    'suite.yaml': `name: tiny\nrun: ${run}\nappetite: ${appetite}\nscenarios:\n  - file: base.yaml\n  - file: severe.yaml\n${extra}`,
  });
  return { ...t, suite: t.path('suite.yaml') };
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function readStress(dir: string): StressResult {
  return readJson<StressResult>(path.join(dir, 'stress.json'));
}

/** The compiled Vega specs embedded in a report page. */
export function embeddedCharts(file: string): Record<string, { data?: { name: string; values?: unknown[] }[] }> {
  const text = readFileSync(file, 'utf8');
  const m = /<script type="application\/json" id="limitlab-charts">([\s\S]*?)<\/script>/.exec(text);
  if (!m) throw new Error(`no chart data in ${file}`);
  return JSON.parse(m[1]!) as Record<string, { data?: { name: string; values?: unknown[] }[] }>;
}

/** A summary.json with the run-specific part (manifest.execution) blanked, as text: equal text means equal bytes elsewhere. */
export function summaryWithoutExecution(file: string): string {
  const s = readJson<{ manifest: { execution: unknown } }>(file);
  s.manifest.execution = null;
  return JSON.stringify(s, null, 2);
}
