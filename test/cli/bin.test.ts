/**
 * bin/limitlab.js, what `npx limitlab` runs: the compiled CLI in dist/, which
 * `npm ci` builds through the "prepare" script.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.js';

const BIN = path.join(REPO_ROOT, 'bin/limitlab.js');
const built = existsSync(path.join(REPO_ROOT, 'dist/src/cli/main.js'));

const bin = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });

describe('bin/limitlab.js', () => {
  it('is built by npm ci (run `npm run build` if this fails)', () => {
    expect(built).toBe(true);
  });

  it.runIf(built)('runs the compiled CLI with its exit codes', () => {
    expect(bin(['--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: limitlab/) });
    expect(bin(['validate', 'scenarios/baseline.yaml', '--json'])).toMatchObject({ status: 0 });
    expect(bin(['validate', 'scenarios/baseline.yaml', '--no-such-flag']).status).toBe(2);
  });

  // The target is < 1 s (about 0.35 s measured on an idle 2-core machine); the
  // bound is looser because the other test files run in parallel with this one.
  it.runIf(built)('starts fast for validate', () => {
    const t0 = performance.now();
    bin(['validate', 'scenarios/baseline.yaml']);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
