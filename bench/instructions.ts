/**
 * Instructions per borrower-step in steady state, counted by valgrind: a
 * figure for A/B-ing the hot loop that does not move with the machine's load
 * (wall and CPU time on a shared 2-core VM scatter by ±20% from run to run;
 * this count repeats to the unit). It is not time — instructions differ in
 * cost — so a change is judged by both: this count, and `npm run bench` run
 * right after the parent's (docs/performance.md, "The phased step").
 *
 *   npx tsc -p tsconfig.build.json
 *   node dist/bench/instructions.js [SCENARIO] [--set path=value ...] [--by-function [N]]
 *
 * Each count is one process under `valgrind --tool=cachegrind` with V8 on one
 * thread (`--single-threaded`: the JIT compiles on the main thread, at the
 * same points every time) and fixed hash and random seeds. One process runs a
 * warm-up and one run, the other the warm-up and five; the difference is four
 * runs of compiled code. Runs are 2 paths × 10 000 borrowers in process (one
 * thread). Needs valgrind (`apt-get install valgrind`); about two minutes.
 * (With three runs and unseeded hashing the count moved by ±30 between
 * sessions; this way it repeats to the unit.)
 *
 * `--by-function` says where the instructions go: the same two processes under
 * callgrind (`--dump-instr=yes`) with node's `--perf-basic-prof`, which writes
 * the address range of every compiled function to /tmp/perf-PID.map; each
 * instruction's count goes to the function whose range holds it (code outside
 * them to its binary: `(node)` is V8's runtime, the GC and Math.exp/log, but
 * valgrind files some of it as unknown, `(other code)`, differently from run to
 * run, so only the compiled functions' figures are to be compared). It prints
 * the N (default 25) largest per borrower-step; about two minutes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PATHS = 2;
const BORROWERS = 10_000;
const NODE_FLAGS = ['--single-threaded', '--hash-seed=1', '--random-seed=1'];
const DEFAULT_SCENARIO = 'bench/v1-scenarios/baseline.yaml';

async function child(file: string, sets: string[], runs: number): Promise<void> {
  const { resolveScenario } = await import('../src/scenario/resolve.js');
  const { simulate } = await import('../src/engine/run.js');
  const scenario = await resolveScenario(file, [`run.paths=${PATHS}`, `run.borrowersPerPath=${BORROWERS}`, 'run.shardSize=2500', ...sets]);
  for (let i = 0; i < runs; i++) await simulate(scenario, { inProcess: true });
  const steps = Math.round(scenario.clock.horizonDays / scenario.clock.stepDays);
  process.stdout.write(`${steps}\n`);
}

interface Args {
  file: string;
  sets: string[];
  /** --by-function: how many functions to print (0: count only) */
  top: number;
}

function parseArgs(argv: string[]): Args {
  const sets: string[] = [];
  let file: string | undefined;
  let top = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--set') sets.push(argv[++i] ?? '');
    else if (a === '--by-function') top = /^\d+$/.test(argv[i + 1] ?? '') ? Number(argv[++i]) : 25;
    else if (!a.startsWith('--')) file = a;
  }
  return { file: file ?? DEFAULT_SCENARIO, sets, top };
}

/** The child's arguments for `runs` runs (warm-up included). */
function childArgs(args: Args, runs: number): string[] {
  return [fileURLToPath(import.meta.url), '--child', String(runs), args.file, ...args.sets.flatMap((s) => ['--set', s])];
}

function count(args: Args, runs: number): { instructions: number; steps: number } {
  const r = spawnSync(
    'valgrind',
    ['--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null',
      process.execPath, ...NODE_FLAGS, ...childArgs(args, runs)],
    { encoding: 'utf8' },
  );
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`valgrind run failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  return { instructions: Number(m[1]!.replaceAll(',', '')), steps: Number(r.stdout.trim()) };
}

/** Instructions by function for one process of `runs` runs, and its steps. */
function profile(args: Args, runs: number, dir: string): { byFunction: Map<string, number>; steps: number } {
  const out = path.join(dir, `callgrind.${runs}.out`);
  const r = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--dump-instr=yes', '--smc-check=all-non-file', `--callgrind-out-file=${out}`,
      // (--perf-basic-prof also turns on V8's log: it goes to the temporary folder, not the working one)
      process.execPath, ...NODE_FLAGS, '--perf-basic-prof', `--logfile=${path.join(dir, `v8.${runs}.log`)}`, '--no-logfile-per-isolate',
      ...childArgs(args, runs)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`valgrind run failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
  // valgrind runs node in its own process, so node's pid is the child's
  const mapFile = `/tmp/perf-${r.pid}.map`;
  const ranges = readPerfMap(mapFile);
  fs.rmSync(mapFile, { force: true });
  return { byFunction: attribute(fs.readFileSync(out, 'utf8'), ranges), steps: Number(r.stdout.trim()) };
}

interface Range {
  start: number;
  end: number;
  name: string;
}

/** node's perf map: "START SIZE NAME" per compiled function, hex numbers. */
function readPerfMap(file: string): Range[] {
  const ranges: Range[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
    if (!m) continue;
    const start = parseInt(m[1]!, 16);
    // "JS:*drawPhase file:///…/dist/src/model/phases/draws.js:11:26" -> "drawPhase src/model/phases/draws.js"
    const name = m[3]!.replace(/^JS:[*~^+]?/, '').replace(/file:\/\/\S*?\/dist\//, '').replace(/:\d+:\d+$/, '');
    ranges.push({ start, end: start + parseInt(m[2]!, 16), name });
  }
  return ranges.sort((x, y) => x.start - y.start);
}

function rangeAt(ranges: Range[], addr: number): Range | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start <= addr) lo = mid + 1;
    else hi = mid - 1;
  }
  const r = ranges[hi];
  return r && addr < r.end ? r : undefined;
}

/**
 * Self instructions by function from a callgrind file written with
 * --dump-instr=yes: cost lines are "ADDR LINE COUNT", the address absolute
 * (0x…) or relative to the previous one (+n, -n, *); the cost line after a
 * `calls=` line is the callee's inclusive cost and is skipped.
 */
function attribute(text: string, ranges: Range[]): Map<string, number> {
  const costs = new Map<string, number>();
  const objects = new Map<string, string>();
  let object = '';
  let last = 0;
  let skip = false;
  for (const line of text.split('\n')) {
    const c = line.charCodeAt(0);
    if (line.startsWith('ob=')) {
      const m = /^ob=\((\d+)\)(?: (.*))?$/.exec(line);
      if (m?.[2] !== undefined) objects.set(m[1]!, m[2]);
      object = m ? (objects.get(m[1]!) ?? '') : '';
    } else if (line.startsWith('calls=')) skip = true;
    else if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 42) {
      const parts = line.split(' ');
      const pos = parts[0]!;
      if (pos.startsWith('0x')) last = parseInt(pos, 16);
      else if (pos[0] === '+') last += Number(pos.slice(1));
      else if (pos[0] === '-') last -= Number(pos.slice(1));
      if (skip) {
        skip = false;
        continue;
      }
      const n = parts.length >= 3 ? Number(parts[parts.length - 1]) : 0;
      // (by address first: valgrind does not always file V8's code pages under "???")
      const jit = rangeAt(ranges, last);
      const name = jit ? jit.name : object === '' || object.includes('???') ? '(other code)' : `(${path.basename(object)})`;
      costs.set(name, (costs.get(name) ?? 0) + n);
    }
  }
  return costs;
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const runs = Number(argv[1]);
  const rest = parseArgs(argv.slice(2));
  await child(rest.file, rest.sets, runs);
} else {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    process.stderr.write('instructions: needs valgrind (apt-get install valgrind)\n');
    process.exit(2);
  }
  const args = parseArgs(argv);
  if (args.top === 0) {
    const one = count(args, 2);
    const five = count(args, 6);
    const perStep = (five.instructions - one.instructions) / (4 * PATHS * BORROWERS * one.steps);
    process.stdout.write(`${args.file}: ${perStep.toFixed(0)} instructions per borrower-step (steady state, one thread)\n`);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limitlab-instructions-'));
    try {
      const one = profile(args, 2, dir);
      const five = profile(args, 6, dir);
      const per = 4 * PATHS * BORROWERS * one.steps;
      const rows = [...new Set([...one.byFunction.keys(), ...five.byFunction.keys()])]
        .map((name) => ({ name, n: ((five.byFunction.get(name) ?? 0) - (one.byFunction.get(name) ?? 0)) / per }))
        .sort((x, y) => Math.abs(y.n) - Math.abs(x.n));
      const total = rows.reduce((sum, r) => sum + r.n, 0);
      process.stdout.write(`${args.file}: instructions per borrower-step by function (self, steady state, one thread)\n`);
      for (const r of rows.slice(0, args.top)) process.stdout.write(`${r.n.toFixed(1).padStart(9)}  ${r.name}\n`);
      process.stdout.write(`${total.toFixed(1).padStart(9)}  total\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
