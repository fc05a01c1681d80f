/**
 * A real scheduler: a one-node Slurm cluster on localhost (deploy/slurm/local-cluster.sh),
 * the docs' sbatch scripts, a 4-task array plus a dependent merge, byte-compared
 * with a single-process run; then a task that fails, is reported, and is
 * resubmitted alone. Skipped (with a message) where Slurm is not installed;
 * mandatory with CI=true or LIMITLAB_REQUIRE_SLURM=1. Needs root (the daemons
 * run as root, as on CI). No timing is asserted: the polls only bound the wait.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.js';
import { runInProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/repo.js';
import { BASELINE_FILE } from '../helpers/scenario-files.js';
import { summaryWithoutExecution } from '../stress/helpers.js';

const required = process.env['CI'] === 'true' || process.env['LIMITLAB_REQUIRE_SLURM'] === '1';
const installed = spawnSync('sh', ['-c', 'command -v sbatch && command -v slurmctld && command -v slurmd && command -v munged'], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
if (!installed && !required) console.warn('slurm.test.ts: skipped, Slurm is not installed (deploy/slurm/local-cluster.sh install; mandatory in CI)');
else if (!isRoot && !required) console.warn('slurm.test.ts: skipped, the local cluster needs root');

const CLUSTER = path.join(REPO_ROOT, 'deploy/slurm/local-cluster.sh');
const SUBMIT = path.join(REPO_ROOT, 'deploy/slurm/submit.sh');
const PARTS_SBATCH = path.join(REPO_ROOT, 'deploy/slurm/parts.sbatch');
const MERGE_SBATCH = path.join(REPO_ROOT, 'deploy/slurm/merge.sbatch');
// The CLI from source; tsx by absolute URL, because the tasks run in the run folder, outside the repository.
const LIMITLAB = `${process.execPath} --import ${pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href} ${path.join(REPO_ROOT, 'src/cli/main.ts')}`;
const SIZE = ['--paths', '4', '--borrowers', '400', '--set', 'run.shardSize=100'];
const WAIT_MS = 300_000;

let tmp: string;
let clusterDir: string;
let env: NodeJS.ProcessEnv;

const sh = (file: string, args: string[]): string => execFileSync(file, args, { env, encoding: 'utf8' });

/** Poll squeue until none of the jobs is queued or running; bounded, so a stuck cluster fails the test instead of hanging it. */
async function waitForJobs(ids: string[]): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const queued = sh('squeue', ['-h', '-o', '%i', '-j', ids.join(',')]).trim();
    if (queued === '') return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Slurm jobs ${ids.join(', ')} still queued after ${WAIT_MS / 1000} s:\n${sh('squeue', [])}`);
}

/** The final state and exit code of each finished job (jobcomp/filetxt: no accounting database here), by "JOB" or "JOB_TASK". */
function finished(): Map<string, { state: string; exit: string }> {
  const file = path.join(clusterDir, 'log', 'jobcomp.txt');
  const out = new Map<string, { state: string; exit: string }>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = Object.fromEntries(line.split(' ').map((kv) => kv.split('=') as [string, string]));
    if (!f['JobId']) continue;
    const id = f['ArrayJobId'] && f['ArrayTaskId'] ? `${f['ArrayJobId']}_${f['ArrayTaskId']}` : f['JobId'];
    out.set(id, { state: f['JobState']!, exit: f['ExitCode']! });
  }
  return out;
}

describe.skipIf(!required && (!installed || !isRoot))('Slurm array job (one-node cluster on localhost)', () => {
  beforeAll(async () => {
    expect(installed, 'Slurm is required here (CI=true or LIMITLAB_REQUIRE_SLURM=1) but sbatch/slurmctld/slurmd/munged are missing').toBe(true);
    tmp = mkdtempSync(path.join(tmpdir(), 'limitlab-slurm-'));
    clusterDir = path.join(tmp, 'cluster');
    env = { ...process.env, NODE_OPTIONS: '' };
    const up = execFileSync(CLUSTER, ['up', clusterDir], { env, encoding: 'utf8' });
    env['SLURM_CONF'] = /SLURM_CONF=(\S+)/.exec(up)![1]!;
    env['LIMITLAB'] = LIMITLAB;
    env['LIMITLAB_ARGS'] = SIZE.join(' ');
    const single = await runInProcess(['run', BASELINE_FILE, ...SIZE, '--workers', '1', '--quiet', '--out', path.join(tmp, 'single')], { engine: runScenario });
    expect(single.code, single.stderr).toBe(0);
  });

  afterAll(() => {
    // Stop the daemons this test started, by their pid files.
    if (clusterDir) execFileSync(CLUSTER, ['down', clusterDir], { env, stdio: 'inherit' });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('a 4-task sbatch --array and a dependent merge equal the single run byte for byte', async () => {
    const out = path.join(tmp, 'array');
    const ids = sh(SUBMIT, [BASELINE_FILE, out, '4']);
    const parts = /parts (\d+)/.exec(ids)![1]!;
    const merge = /merge (\d+)/.exec(ids)![1]!;
    await waitForJobs([parts, merge]);
    const done = finished();
    for (let i = 0; i < 4; i++) expect(done.get(`${parts}_${i}`), `task ${i}`).toMatchObject({ state: 'COMPLETED', exit: '0:0' });
    expect(done.get(merge), readFileSync(path.join(out, `limitlab-merge-${merge}.out`), 'utf8')).toMatchObject({ state: 'COMPLETED' });
    expect(summaryWithoutExecution(path.join(out, 'summary.json'))).toBe(summaryWithoutExecution(path.join(tmp, 'single', 'summary.json')));
    const exec = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8')).manifest.execution;
    expect(exec.parts).toMatchObject({ count: 4, hosts: ['localhost'] });
  });

  it('a failed task is reported, the merge does not run; resubmitting only that index and merging gives the same bytes', async () => {
    const out = path.join(tmp, 'retry');
    // Task 2 cannot write its part: a directory stands where the file goes (as a full or broken disk would).
    mkdirSync(path.join(out, 'parts', 'part-2-of-4'), { recursive: true });
    const ids = sh(SUBMIT, [BASELINE_FILE, out, '4']);
    const parts = /parts (\d+)/.exec(ids)![1]!;
    const merge = /merge (\d+)/.exec(ids)![1]!;
    await waitForJobs([parts]);
    let done = finished();
    expect(done.get(`${parts}_2`)).toMatchObject({ state: 'FAILED', exit: '1:0' });
    for (const i of [0, 1, 3]) expect(done.get(`${parts}_${i}`), `task ${i}`).toMatchObject({ state: 'COMPLETED' });
    expect(readFileSync(path.join(out, `limitlab-part-${parts}_2.out`), 'utf8')).toContain('could not write parts/part-2-of-4');
    // Slurm holds the merge back for good (afterok can no longer be met); it is cancelled, as an operator would.
    // (The reason is updated by the scheduler's next pass: poll for it, bounded.)
    const deadline = Date.now() + 60_000;
    let reason = '';
    while ((reason = sh('squeue', ['-h', '-j', merge, '-o', '%T %r']).trim()) !== 'PENDING DependencyNeverSatisfied' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(reason).toBe('PENDING DependencyNeverSatisfied');
    sh('scancel', [merge]);
    await waitForJobs([merge]);
    expect(existsSync(path.join(out, 'summary.json'))).toBe(false);

    // The merge itself names what is missing.
    const early = spawnSync(LIMITLAB.split(' ')[0]!, [...LIMITLAB.split(' ').slice(1), 'merge', out], { env, encoding: 'utf8' });
    expect(early.status).toBe(2);
    expect(early.stderr).toContain('part-2-of-4');

    // Fix the cause, resubmit index 2 alone (an array of one task), then the merge after it.
    rmSync(path.join(out, 'parts', 'part-2-of-4'), { recursive: true });
    const again = sh('sbatch', ['--parsable', '--array=2', `--chdir=${out}`, `--export=ALL,SCENARIO=${BASELINE_FILE},OUT=${out},PARTS=4`, PARTS_SBATCH]).trim().split(';')[0]!;
    const merge2 = sh('sbatch', ['--parsable', `--dependency=afterok:${again}`, `--chdir=${out}`, `--export=ALL,OUT=${out}`, MERGE_SBATCH]).trim().split(';')[0]!;
    await waitForJobs([again, merge2]);
    done = finished();
    expect(done.get(`${again}_2`)).toMatchObject({ state: 'COMPLETED' });
    expect(done.get(merge2)).toMatchObject({ state: 'COMPLETED' });
    expect(summaryWithoutExecution(path.join(out, 'summary.json'))).toBe(summaryWithoutExecution(path.join(tmp, 'single', 'summary.json')));
  });
});
