/**
 * The package as a consumer gets it: `npm pack` (which builds through
 * `prepare`), the tarball unpacked into a fresh project's node_modules as npm
 * would place it, its dependencies supplied by linking this repository's
 * installed ones (so the test runs offline), then a small consumer is
 * type-checked with tsc against the shipped .d.ts files and run with node: it
 * loads a scenario with overrides, runs it through the API and checks the
 * summary. A consumer that misuses a type must fail to compile, so the types
 * are real and not `any`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.js';

const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
let project: string;

const CONSUMER = `
import { FIGURES, ScenarioError, loadScenario, runScenario, validateScenario, validateSummary, type Scenario, type Summary } from 'limitlab';

const scenario: Scenario = await loadScenario('scenario.yaml', { overrides: ['run.paths=2', 'run.borrowersPerPath=200'] });
let progressCalls = 0;
const summary: Summary = await runScenario(scenario, { workers: 1, onProgress: () => void progressCalls++ });
validateSummary(JSON.parse(JSON.stringify(summary)));
let message = '';
try {
  validateScenario({ ...scenario, seed: -1 }, 'from-code');
} catch (e) {
  if (e instanceof ScenarioError) message = e.issues.map((i) => i.file + ': ' + i.path.join('.')).join('; ');
}
const loss = summary.headline['lossRate'];
process.stdout.write(JSON.stringify({
  paths: summary.manifest.paths,
  borrowers: summary.manifest.borrowersPerPath,
  lossRate: loss?.mean ?? null,
  lossLabel: FIGURES.lossRate.label,
  perPath: summary.perPath['defaultRate']?.length,
  progressCalls,
  message,
}));
`;

const MISUSE = `
import { runScenario, type Summary } from 'limitlab';
const s: Summary = await runScenario({ name: 'x' });
const n: number = s.headline;
`;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'limitlab-pack-'));
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: REPO_ROOT, encoding: 'utf8' });
  const tarball = path.join(project, out.trim().split('\n').pop()!);
  const modules = path.join(project, 'node_modules');
  mkdirSync(modules);
  execFileSync('tar', ['-xzf', tarball, '-C', modules]);
  renameSync(path.join(modules, 'package'), path.join(modules, 'limitlab'));
  // The dependencies, as `npm install` would provide them: this repository's installed copies.
  for (const entry of readdirSync(path.join(REPO_ROOT, 'node_modules'))) {
    if (entry === 'limitlab' || entry.startsWith('.')) continue;
    symlinkSync(path.join(REPO_ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, types: ['node'], skipLibCheck: false, outDir: 'out' },
      files: ['consumer.ts'],
    }),
  );
  writeFileSync(path.join(project, 'consumer.ts'), CONSUMER);
  writeFileSync(path.join(project, 'misuse.ts'), MISUSE);
  copyFileSync(path.join(REPO_ROOT, 'scenarios/baseline.yaml'), path.join(project, 'scenario.yaml'));
}, 300_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships its types and entry point, and no tests or sources', () => {
    const pkg = JSON.parse(readFileSync(path.join(project, 'node_modules/limitlab/package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg['exports']).toMatchObject({ '.': { types: './dist/src/index.d.ts', import: './dist/src/index.js' } });
    const files = readdirSync(path.join(project, 'node_modules/limitlab/dist/src'));
    expect(files).toContain('index.d.ts');
    expect(readdirSync(path.join(project, 'node_modules/limitlab'))).not.toContain('test');
    expect(readdirSync(path.join(project, 'node_modules/limitlab'))).not.toContain('src');
  });

  it('type-checks a consumer with tsc and rejects one that misuses the types', () => {
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    let errors = '';
    try {
      execFileSync(process.execPath, [TSC, '--noEmit', '--strict', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--types', 'node', '--skipLibCheck', 'misuse.ts'], { cwd: project, encoding: 'utf8' });
    } catch (e) {
      errors = String((e as { stdout?: string }).stdout);
    }
    expect(errors).toMatch(/misuse\.ts\(3,/); // the scenario lacks fields
    expect(errors).toMatch(/misuse\.ts\(4,/); // a headline is not a number
  });

  it('runs a small scenario through the API', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['out/consumer.js'], { cwd: project, encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toMatchObject({ paths: 2, borrowers: 200, perPath: 2, lossLabel: 'Loss over the horizon (% of starting balance)' });
    expect(typeof out['lossRate']).toBe('number');
    expect(out['progressCalls']).toBeGreaterThan(0);
    expect(out['message']).toBe('from-code: seed');
  });
});
