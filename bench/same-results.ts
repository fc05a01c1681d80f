/**
 * The check every hot-loop change must pass: results identical to before. Runs
 * the frozen model-v1 scenarios (bench/v1-scenarios/) and baseline variants
 * in-process (30-, 10- and 1-day steps, a request- and maintenance-heavy book, a
 * draw-heavy one) and writes the JSON of each summary without
 * `manifest.execution` (time, host). Build the parent commit in a scratch
 * folder, then yours:
 *
 *   mkdir /tmp/parent && git archive HEAD | tar -x -C /tmp/parent && ln -s "$PWD/node_modules" /tmp/parent/
 *   (cd /tmp/parent && npx tsx bench/same-results.ts /tmp/before.json)
 *   npx tsx bench/same-results.ts /tmp/after.json && cmp /tmp/before.json /tmp/after.json
 *
 * A pure refactor passes `cmp`. A change that adds figures or scenario fields
 * passes `npx tsx bench/compare-results.ts /tmp/before.json /tmp/after.json`,
 * which checks every value the parent had, bit for bit, and ignores additions.
 */
import { writeFileSync } from 'node:fs';
import { runScenario } from '../src/engine/run.js';
import { resolveScenario } from '../src/scenario/resolve.js';
const small = ['run.paths=4', 'run.borrowersPerPath=1000', 'run.shardSize=300'];
/**
 * The model-v1 scenarios as they were shipped before model v2 (bench/v1-scenarios/,
 * a frozen copy): every v1 figure of these must never change. Each at a small
 * size, then baseline variants that stress other code paths.
 */
const V1 = 'bench/v1-scenarios';
const shipped = [
  'policies/faster-limit-growth.yaml',
  'policies/no-score-floor.yaml',
  'policies/no-verification-hold.yaml',
  'policies/sensitive-risk-model.yaml',
  'policies/stricter-velocity.yaml',
  'stress/maintenance-outage.yaml',
  'stress/moderate-downturn.yaml',
  'stress/request-surge.yaml',
  'stress/severe-downturn.yaml',
];
const variants: [string, string[]][] = [
  [`${V1}/validation/vasicek.yaml`, ['run.paths=20', 'run.borrowersPerPath=2000']],
  ...shipped.map((f): [string, string[]] => [`${V1}/${f}`, small]),

  ...[
    ['run.paths=8', 'run.borrowersPerPath=2000', 'run.shardSize=500'],
    [...small, 'clock.stepDays=1', 'clock.horizonDays=360'],
    [...small, 'clock.stepDays=10', 'clock.horizonDays=360', 'limits.request.perYear=6', 'freeze.maintenance.eventsPerYear=12'],
    [...small, 'credit.drawLimitElasticity=0', 'segments.1.drawsPerYear.mean=60', 'credit.annualMissRateAtRef=0.3'],
  ].map((o): [string, string[]] => [`${V1}/baseline.yaml`, o]),
];

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: npx tsx bench/same-results.ts OUT.json\n');
  process.exitCode = 2;
} else {
  const parts: string[] = [];
  for (const [file, overrides] of variants) {
    const summary = await runScenario(await resolveScenario(file, overrides), { inProcess: true });
    parts.push(JSON.stringify({ ...summary, manifest: { ...summary.manifest, execution: null } }, null, 2));
  }
  writeFileSync(out, `${parts.join('\n')}\n`);
  process.stdout.write(`wrote ${out}\n`);
}
