/**
 * The check every hot-loop optimisation must pass: results byte-identical to
 * before. Runs small baseline variants in-process (30-, 10- and 1-day steps, a
 * request- and maintenance-heavy book, a draw-heavy one) and writes the JSON of
 * each summary without `manifest.execution` (time, host), so that two builds can
 * be compared with `cmp` - the parent commit in a scratch folder, then yours:
 *
 *   mkdir /tmp/parent && git archive HEAD | tar -x -C /tmp/parent && ln -s "$PWD/node_modules" /tmp/parent/
 *   (cd /tmp/parent && npx tsx bench/same-results.ts /tmp/before.json)
 *   npx tsx bench/same-results.ts /tmp/after.json && cmp /tmp/before.json /tmp/after.json
 */
import { writeFileSync } from 'node:fs';
import { runScenario } from '../src/engine/run.js';
import { resolveScenario } from '../src/scenario/resolve.js';

const small = ['run.paths=4', 'run.borrowersPerPath=1000', 'run.shardSize=300'];
const variants: string[][] = [
  ['run.paths=8', 'run.borrowersPerPath=2000', 'run.shardSize=500'],
  [...small, 'clock.stepDays=1', 'clock.horizonDays=360'],
  [...small, 'clock.stepDays=10', 'clock.horizonDays=360', 'limits.request.perYear=6', 'freeze.maintenance.eventsPerYear=12'],
  [...small, 'credit.drawLimitElasticity=0', 'segments.1.drawsPerYear.mean=60', 'credit.annualMissRateAtRef=0.3'],
];

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: npx tsx bench/same-results.ts OUT.json\n');
  process.exitCode = 2;
} else {
  const parts: string[] = [];
  for (const overrides of variants) {
    const summary = await runScenario(await resolveScenario('scenarios/baseline.yaml', overrides), { inProcess: true });
    parts.push(JSON.stringify({ ...summary, manifest: { ...summary.manifest, execution: null } }, null, 2));
  }
  writeFileSync(out, `${parts.join('\n')}\n`);
  process.stdout.write(`wrote ${out}\n`);
}
