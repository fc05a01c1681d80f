/**
 * Instructions per borrower-step in steady state, counted by valgrind: a
 * figure for A/B-ing the hot loop that does not move with the machine's load
 * (wall and CPU time on a shared 2-core VM scatter by ±20% from run to run;
 * this count repeats to four digits). It is not time — instructions differ in
 * cost — so a change is judged by both: this count, and `npm run bench` run
 * right after the parent's (docs/performance.md, "The phased step").
 *
 *   npx tsc -p tsconfig.build.json
 *   node dist/bench/instructions.js [SCENARIO] [--set path=value ...]
 *
 * Each count is one process under `valgrind --tool=cachegrind` with V8 on one
 * thread (`--single-threaded`: the JIT compiles on the main thread, at the
 * same points every time) and fixed hash and random seeds. One process runs a
 * warm-up and one run, the other the warm-up and five; the difference is four
 * runs of compiled code. Runs are 2 paths × 10 000 borrowers in process (one
 * thread). Needs valgrind (`apt-get install valgrind`); about two minutes.
 * (With three runs and unseeded hashing the count moved by ±30 between
 * sessions; this way it repeats to the unit.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PATHS = 2;
const BORROWERS = 10_000;

async function child(file: string, sets: string[], runs: number): Promise<void> {
  const { resolveScenario } = await import('../src/scenario/resolve.js');
  const { simulate } = await import('../src/engine/run.js');
  const scenario = await resolveScenario(file, [`run.paths=${PATHS}`, `run.borrowersPerPath=${BORROWERS}`, 'run.shardSize=2500', ...sets]);
  for (let i = 0; i < runs; i++) await simulate(scenario, { inProcess: true });
  const steps = Math.round(scenario.clock.horizonDays / scenario.clock.stepDays);
  process.stdout.write(`${steps}\n`);
}

function count(args: string[], runs: number): { instructions: number; steps: number } {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null',
      process.execPath, '--single-threaded', '--hash-seed=1', '--random-seed=1', self, '--child', String(runs), ...args],
    { encoding: 'utf8' },
  );
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`valgrind run failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  return { instructions: Number(m[1]!.replaceAll(',', '')), steps: Number(r.stdout.trim()) };
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const runs = Number(argv[1]);
  const rest = argv.slice(2);
  const sets = rest.flatMap((a, i) => (rest[i - 1] === '--set' ? [a] : []));
  const file = rest.find((a, i) => a !== '--set' && rest[i - 1] !== '--set') ?? 'bench/v1-scenarios/baseline.yaml';
  await child(file, sets, runs);
} else {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    process.stderr.write('instructions: needs valgrind (apt-get install valgrind)\n');
    process.exit(2);
  }
  const one = count(argv, 2);
  const five = count(argv, 6);
  const perStep = (five.instructions - one.instructions) / (4 * PATHS * BORROWERS * one.steps);
  process.stdout.write(`${argv.find((a) => !a.startsWith('--')) ?? 'bench/v1-scenarios/baseline.yaml'}: ${perStep.toFixed(0)} instructions per borrower-step (steady state, one thread)\n`);
}
