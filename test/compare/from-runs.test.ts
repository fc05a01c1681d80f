/** The axes and points of a sweep of finished runs, and the folders compare and sweep keep runs in. */
import { describe, expect, it } from 'vitest';
import { axesOfRuns, pointsOfRuns, samePoint } from '../../src/compare/from-runs.js';
import { runFolders } from '../../src/cli/batch.js';

const run = (name: string, x: number, y: unknown, more: Record<string, unknown> = {}) => ({ name, description: `run ${name}`, run: { paths: 4, shardSize: 100 }, a: { x }, b: { y }, ...more });

describe('axesOfRuns', () => {
  it('is every model field that differs from the first run, numbers ascending, not name, description or run.shardSize', () => {
    const axes = axesOfRuns([run('p', 3, 'q'), { ...run('q', 1, 'q'), run: { paths: 4, shardSize: 50 } }, run('r', 2, 'z')]);
    expect(axes.map((a) => [a.path, a.values, a.texts])).toEqual([
      ['a.x', [1, 2, 3], ['1', '2', '3']],
      ['b.y', ['q', 'z'], ['q', 'z']],
    ]);
  });

  it('takes a list whose length differs as one field, containing the fields inside it', () => {
    const axes = axesOfRuns([run('p', 1, [1, 2]), run('q', 1, [1, 3]), run('r', 1, [1])]);
    expect(axes.map((a) => [a.path, a.values])).toEqual([['b.y', [[1, 2], [1, 3], [1]]]]);
  });

  it('names a field some runs leave unset', () => {
    const axes = axesOfRuns([run('p', 1, 'q'), run('q', 1, 'q', { c: { on: true } })]);
    expect(axes.map((a) => [a.path, a.values, a.texts])).toEqual([['c', [null, { on: true }], ['unset', '{"on":true}']]]);
  });

  it('finds no axis in runs that differ only in name, description and shard size', () => {
    expect(axesOfRuns([run('p', 1, 'q'), { ...run('q', 1, 'q'), run: { paths: 4, shardSize: 7 } }])).toEqual([]);
  });
});

describe('pointsOfRuns', () => {
  const runs = [run('a', 2, 'z'), run('b', 1, 'q'), run('c', 2, 'q'), run('d', 1, 'z')];
  it('puts a full grid in grid order, first axis slowest', () => {
    const axes = axesOfRuns(runs);
    const p = pointsOfRuns(axes, runs);
    expect(p.complete).toBe(true);
    // a.x ascending; b.y's strings in the order first met (z in run a, then q)
    expect(p.runOf).toEqual([3, 1, 0, 2]);
    expect(p.points.map((x) => x.overrides)).toEqual([
      { 'a.x': 1, 'b.y': 'z' },
      { 'a.x': 1, 'b.y': 'q' },
      { 'a.x': 2, 'b.y': 'z' },
      { 'a.x': 2, 'b.y': 'q' },
    ]);
    expect(p.points.map((x) => x.index)).toEqual([0, 1, 2, 3]);
  });

  it('keeps runs that are not a full grid in the order given', () => {
    const some = runs.slice(0, 3);
    const p = pointsOfRuns(axesOfRuns(some), some);
    expect(p.complete).toBe(false);
    expect(p.runOf).toEqual([0, 1, 2]);
  });

  it('finds two runs at one point', () => {
    const twice = [...runs, run('e', 2, 'q')];
    expect(samePoint(pointsOfRuns(axesOfRuns(twice), twice))).toEqual([2, 4]);
    expect(samePoint(pointsOfRuns(axesOfRuns(runs), runs))).toBeUndefined();
  });
});

describe('runFolders', () => {
  it('makes every label a safe folder name, unique even when two labels clean to the same name', () => {
    expect(runFolders(['baseline', 'No hold: v2', 'No hold v2', 'no-hold-v2', 'as given (maxDraws=4)'])).toEqual([
      'baseline',
      'No-hold-v2',
      'No-hold-v2-2',
      'no-hold-v2-3',
      'as-given-maxDraws-4',
    ]);
  });
});

describe('the examples in the docs', () => {
  it('axesOfRuns, runFolders and comparisonProblem', async () => {
    expect(axesOfRuns([{ name: 'a', x: { y: 1 } }, { name: 'b', x: { y: 2 } }]).map((a) => [a.path, a.values])).toEqual([['x.y', [1, 2]]]);
    expect(runFolders(['baseline', 'maxDraws=3, holdDays=0'])).toEqual(['baseline', 'maxDraws-3-holdDays-0']);
    const { comparisonProblem } = await import('../../src/compare/file-schema.js');
    expect(comparisonProblem({ schemaVersion: 1, kind: 'comparison' })).toBe('field base: Invalid input: expected string, received undefined');
  });
});
