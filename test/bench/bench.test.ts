/**
 * The benchmark in quick mode, end to end: it runs, writes bench.json in the
 * shape scripts read, and its figures are positive and consistent with each
 * other. No timing thresholds: speed is judged by people reading the full run.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCli } from '../../bench/cli.js';
import type { BenchResult, GrowthPoint, Spread } from '../../bench/types.js';
import { STEP_UNIFORMS } from '../../src/model/context.js';

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), cwd: process.cwd() };
  return { out, io };
}

function expectSpread(s: Spread): void {
  expect(Object.keys(s).sort()).toEqual(['max', 'median', 'min']);
  for (const v of [s.median, s.min, s.max]) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(0);
  }
  expect(s.min).toBeLessThanOrEqual(s.median);
  expect(s.median).toBeLessThanOrEqual(s.max);
}

function expectSeries(points: GrowthPoint[], varied: keyof GrowthPoint): void {
  expect(points).toHaveLength(3);
  for (const p of points) {
    expect(p.borrowerSteps).toBe(p.paths * p.borrowersPerPath * p.steps);
    expect(p.seconds).toBeGreaterThan(0);
    expect(p.borrowerStepsPerSecond).toBeCloseTo(p.borrowerSteps / p.seconds, 6);
    expect(p.peakRssBytes).toBeGreaterThan(0);
  }
  const values = points.map((p) => p[varied]);
  expect(values[0]).toBeLessThan(values[1]!);
  expect(values[1]).toBeLessThan(values[2]!);
  for (const fixed of (['paths', 'borrowersPerPath', 'steps'] as const).filter((k) => k !== varied)) {
    expect(new Set(points.map((p) => p[fixed])).size).toBe(1);
  }
}

describe('npm run bench -- --quick', () => {
  let dir: string;
  let file: string;
  let result: BenchResult;
  const { out, io } = capture();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'limitlab-bench-'));
    file = path.join(dir, 'bench.json');
    expect(await benchCli(['--quick', '--out', file], io)).toBe(0);
    result = JSON.parse(await readFile(file, 'utf8')) as BenchResult;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes bench.json with exactly the documented top-level shape, and nothing else in its folder', async () => {
    expect(Object.keys(result).sort()).toEqual(
      ['allCores', 'efficiency', 'env', 'growth', 'hiddenStates', 'memory', 'oneWorker', 'prngOnlyStepsPerSecond', 'scaling', 'startupSeconds', 'uniformsPerBorrowerStep'].sort(),
    );
    expect(Object.keys(result.memory).sort()).toEqual(['bytesPer1000Borrowers', 'peakRssBytes']);
    expect(Object.keys(result.growth).sort()).toEqual(['borrowers', 'paths', 'steps']);
    expect(await readdir(dir)).toEqual(['bench.json']); // the temporary file was renamed, not left behind
  });

  it('gives positive throughputs and ratios consistent with them', () => {
    expectSpread(result.oneWorker.borrowerStepsPerSecond);
    expectSpread(result.hiddenStates.v1OneWorker);
    expect(result.hiddenStates.ratio).toBeCloseTo(result.oneWorker.borrowerStepsPerSecond.median / result.hiddenStates.v1OneWorker.median, 12);
    expectSpread(result.allCores.borrowerStepsPerSecond);
    expectSpread(result.prngOnlyStepsPerSecond);
    expect(Number.isInteger(result.allCores.workers) && result.allCores.workers >= 1).toBe(true);
    expect(result.scaling).toBeCloseTo(result.allCores.borrowerStepsPerSecond.median / result.oneWorker.borrowerStepsPerSecond.median, 12);
    expect(result.efficiency).toBeCloseTo(result.oneWorker.borrowerStepsPerSecond.median / result.prngOnlyStepsPerSecond.median, 12);
    expect(result.uniformsPerBorrowerStep).toBe(STEP_UNIFORMS);
    expect(result.startupSeconds).toBeGreaterThan(0);
    expect(result.memory.peakRssBytes).toBeGreaterThan(0);
    expect(Number.isFinite(result.memory.bytesPer1000Borrowers)).toBe(true);
  });

  it('measures growth at three sizes of borrowers, paths and steps, the others fixed', () => {
    expectSeries(result.growth.borrowers, 'borrowersPerPath');
    expectSeries(result.growth.paths, 'paths');
    expectSeries(result.growth.steps, 'steps');
  });

  it('records the environment and the scenario it measured', () => {
    const e = result.env;
    expect(e.node).toBe(process.version);
    expect(e.cores).toBeGreaterThanOrEqual(1);
    expect(e.cpuModel.length).toBeGreaterThan(0);
    expect(e.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(e.quick).toBe(true);
    expect(e.scenario.borrowerSteps).toBe(e.scenario.paths * e.scenario.borrowersPerPath * e.scenario.steps);
  });

  it('prints a table and reports progress on stderr', () => {
    expect(out.stdout).toMatch(/engine, 1 worker/);
    expect(out.stdout).toMatch(/PRNG only/);
    expect(out.stdout).toMatch(/growth/);
    expect(out.stderr).toMatch(/^bench: /m);
  });
});

describe('bench flags', () => {
  it('explains itself on --help and refuses an unknown flag', async () => {
    const help = capture();
    expect(await benchCli(['--help'], help.io)).toBe(0);
    expect(help.out.stderr).toMatch(/--quick/);
    const bad = capture();
    expect(await benchCli(['--fast'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/unknown option --fast/);
  });
});
