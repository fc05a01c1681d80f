/**
 * Scale-out benchmark (`npm run bench:scale-out`; `--quick` for a smoke run;
 * `-- --paths N` for part 1 at N paths × 10 000 borrowers instead of 100).
 * Nothing here is asserted: it prints figures for people to read.
 *
 * 1. Overhead of parts: one `limitlab run` against 1, 2 and 4 parts run as
 *    separate processes one after another (so they do not compete for the
 *    cores), each with one worker thread, plus the merge. Compared on total CPU
 *    seconds (user + system, every thread of the process), the figure a cluster
 *    bills; wall time is printed too. The merged summary is checked to equal
 *    the single run outside manifest.execution.
 * 2. The merge's cost in parts: the same 1 000 shards written as 100 and as
 *    1 000 parts. The merge proper (read, verify, fold) is timed in this
 *    process; `limitlab merge` (with the report) in a child process: wall
 *    time, CPU and peak resident memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeParts } from '../src/engine/merge.js';
import { encodePart, partPath } from '../src/engine/part-file.js';
import { partShards } from '../src/engine/parts.js';
import { planShards } from '../src/engine/plan.js';
import { simulateShards } from '../src/engine/run.js';
import { resolveScenario } from '../src/scenario/resolve.js';
import { writeFileAtomic } from '../src/util/atomic-write.js';
import { packageInfo } from '../src/util/package-info.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled: dist/bench/scale-out.js → dist/src/cli/main.js; the repository root holds scenarios/.
const CLI = path.resolve(here, '../src/cli/main.js');
const ROOT = path.resolve(here, '../..');
const BASELINE = path.join(ROOT, 'scenarios/baseline.yaml');
// Printed by every child on exit: process-wide CPU (all threads) and peak RSS.
const PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('BENCH '+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,maxRssMB:u.maxRSS/1024})+'\\n')})`;

interface Measured {
  cpu: number;
  wall: number;
  maxRssMB: number;
}

function cli(args: string[]): Measured {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PROBE, CLI, ...args], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`limitlab ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const line = r.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  const probe = JSON.parse(line!.slice(6)) as { cpu: number; maxRssMB: number };
  return { ...probe, wall };
}

function withoutExecution(file: string): string {
  const s = JSON.parse(readFileSync(file, 'utf8')) as { manifest: { execution: unknown } };
  s.manifest.execution = null;
  return JSON.stringify(s);
}

const f = (x: number, d = 2): string => x.toFixed(d);

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const tmp = mkdtempSync(path.join(tmpdir(), 'limitlab-bench-scaleout-'));
  try {
    // 1. Overhead of parts.
    // --paths N: a larger run, to see the parts' fixed cost (start-up, plan, part file) shrink against the simulation.
    const pathsAt = process.argv.indexOf('--paths');
    const paths1 = pathsAt > 0 ? String(Number(process.argv[pathsAt + 1])) : quick ? '4' : '100';
    const size = ['--paths', paths1, '--borrowers', quick ? '2000' : '10000'];
    const common = [BASELINE, ...size, '--workers', '1', '--quiet'];
    console.log(`# parts overhead: baseline ${size.join(' ')} (one worker per process, processes run one after another)`);
    const single = cli(['run', ...common, '--out', path.join(tmp, 'single')]);
    console.log(`single run        cpu ${f(single.cpu)} s  wall ${f(single.wall)} s`);
    // A part with no shards (part 0 of 2·S parts) costs only what every part pays: start-up, plan, the part file.
    const shardCount = planShards(await resolveScenario(BASELINE, [`run.paths=${size[1]}`, `run.borrowersPerPath=${size[3]}`])).length;
    const empty = cli(['run', ...common, '--part', `0/${2 * shardCount}`, '--out', path.join(tmp, 'empty')]);
    console.log(`empty part        cpu ${f(empty.cpu)} s  wall ${f(empty.wall)} s  (the fixed cost of one part; ${shardCount} shards in the plan)`);
    for (const n of [1, 2, 4]) {
      const dir = path.join(tmp, `parts-${n}`);
      let cpu = 0;
      let wall = 0;
      for (let i = 0; i < n; i++) {
        const m = cli(['run', ...common, '--part', `${i}/${n}`, '--out', dir]);
        cpu += m.cpu;
        wall += m.wall;
      }
      const merge = cli(['merge', dir]);
      const same = withoutExecution(path.join(dir, 'summary.json')) === withoutExecution(path.join(tmp, 'single', 'summary.json'));
      const overhead = (100 * (cpu - single.cpu)) / single.cpu;
      const withMerge = (100 * (cpu + merge.cpu - single.cpu)) / single.cpu;
      console.log(
        `${n} part${n > 1 ? 's' : ' '}           cpu ${f(cpu)} s (${overhead >= 0 ? '+' : ''}${f(overhead, 1)}%)  + merge ${f(merge.cpu)} s = ${withMerge >= 0 ? '+' : ''}${f(withMerge, 1)}%  wall of parts ${f(wall)} s  same bytes: ${same}`,
      );
    }

    // 2. The merge's cost: 1 000 shards as 100 and as 1 000 parts.
    const paths = quick ? 10 : 100;
    const scenario = await resolveScenario(BASELINE, [`run.paths=${paths}`, 'run.borrowersPerPath=1000', 'run.shardSize=100']);
    const total = planShards(scenario).length;
    console.log(`\n# merge cost: ${total} shards of 100 borrowers (${paths} paths × 1000), simulated once and written as parts`);
    const all = await simulateShards(scenario, Array.from({ length: total }, (_, i) => i), { workers: 2 });
    console.log(`simulating them   wall ${f(all.elapsedSeconds)} s (2 workers)`);
    for (const n of quick ? [10, 100] : [100, 1000]) {
      const dir = path.join(tmp, `merge-${n}`);
      for (let i = 0; i < n; i++) {
        const shards = partShards(total, { index: i, count: n });
        const text = encodePart(scenario, { index: i, count: n }, packageInfo().version, total, all.layout.size, shards[0] ?? 0, shards.map((s) => all.accumulators[s]!));
        await writeFileAtomic(partPath(dir, { index: i, count: n }), text);
      }
      // The merge proper (list, read, verify, fold), in this process; then the whole command with its report.
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      await mergeParts(dir, { version: packageInfo().version });
      const cpu1 = process.cpuUsage(cpu0);
      const foldMs = performance.now() - t0;
      const m = cli(['merge', dir]);
      console.log(
        `merge ${String(n).padStart(4)} parts  read+verify+fold ${f(foldMs, 0)} ms (cpu ${f((cpu1.user + cpu1.system) / 1000, 0)} ms, ${f(foldMs / n, 2)} ms a part)  |  limitlab merge: wall ${f(m.wall)} s  cpu ${f(m.cpu)} s  peak RSS ${f(m.maxRssMB, 0)} MB`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
