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
 *
 * A change that adds figures lists them in ADDED (and empties the list once the
 * parent has them): they are dropped from headline, perPath and the segments'
 * headlines before writing, so every figure that existed before must keep its
 * bytes and nothing else is skipped.
 */
import { writeFileSync } from 'node:fs';
import { runScenario } from '../src/engine/run.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import type { Summary } from '../src/results/types.js';

/** Figures the parent commit does not have (issue 10: annualised loss and revenue). */
const ADDED: readonly string[] = ['annualLossRate', 'annualInterestRevenueRate', 'annualRiskAdjustedRevenueRate'];

function withoutAdded(summary: Summary): Summary {
  const drop = <V>(r: Record<string, V>): Record<string, V> =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !ADDED.includes(k)));
  return {
    ...summary,
    headline: drop(summary.headline),
    perPath: drop(summary.perPath),
    segments: summary.segments.map((s) => ({ ...s, headline: drop(s.headline) })),
  };
}

const small = ['run.paths=4', 'run.borrowersPerPath=1000', 'run.shardSize=300'];
/** Every shipped scenario at a small size, then baseline variants that stress other code paths. */
const shipped = [
  'scenarios/policies/faster-limit-growth.yaml',
  'scenarios/policies/no-score-floor.yaml',
  'scenarios/policies/no-verification-hold.yaml',
  'scenarios/policies/sensitive-risk-model.yaml',
  'scenarios/policies/stricter-velocity.yaml',
  'scenarios/stress/maintenance-outage.yaml',
  'scenarios/stress/moderate-downturn.yaml',
  'scenarios/stress/request-surge.yaml',
  'scenarios/stress/severe-downturn.yaml',
];
const variants: [string, string[]][] = [
  ['scenarios/validation/vasicek.yaml', ['run.paths=20', 'run.borrowersPerPath=2000']],
  ...shipped.map((f): [string, string[]] => [f, small]),

  ...[
    ['run.paths=8', 'run.borrowersPerPath=2000', 'run.shardSize=500'],
    [...small, 'clock.stepDays=1', 'clock.horizonDays=360'],
    [...small, 'clock.stepDays=10', 'clock.horizonDays=360', 'limits.request.perYear=6', 'freeze.maintenance.eventsPerYear=12'],
    [...small, 'credit.drawLimitElasticity=0', 'segments.1.drawsPerYear.mean=60', 'credit.annualMissRateAtRef=0.3'],
  ].map((o): [string, string[]] => ['scenarios/baseline.yaml', o]),
];

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: npx tsx bench/same-results.ts OUT.json\n');
  process.exitCode = 2;
} else {
  const parts: string[] = [];
  for (const [file, overrides] of variants) {
    const summary = withoutAdded(await runScenario(await resolveScenario(file, overrides), { inProcess: true }));
    parts.push(JSON.stringify({ ...summary, manifest: { ...summary.manifest, execution: null } }, null, 2));
  }
  writeFileSync(out, `${parts.join('\n')}\n`);
  process.stdout.write(`wrote ${out}\n`);
}
