/** A sweep's reference: naming a grid point with --reference, and the scenario as given. */
import { describe, expect, it } from 'vitest';
import { gridPoints, parseGridOption } from '../../src/compare/grid.js';
import { asGivenLabel, gridValues, referencePoint, valueAt } from '../../src/compare/reference.js';
import type { GridAxis, PathFigureDelta } from '../../src/compare/types.js';
import { sweepFixture } from './fixture.js';

const axis = (text: string) => parseGridOption(text) as GridAxis;
const draws = axis('freeze.riskModel.velocity.maxDraws=2,3,6');
const hold = axis('limits.request.verification.holdDays=0,2');
const grid = [draws, hold];
const points = gridPoints(grid);

describe('--reference', () => {
  it('names a grid point by whole paths or last parts, in any order', () => {
    expect(referencePoint('maxDraws=3,holdDays=2', grid, points)).toBe(3);
    expect(referencePoint('limits.request.verification.holdDays=0, freeze.riskModel.velocity.maxDraws=6', grid, points)).toBe(4);
    expect(points[3]!.overrides).toEqual({ 'freeze.riskModel.velocity.maxDraws': 3, 'limits.request.verification.holdDays': 2 });
  });

  it('reads values as YAML, as --grid does', () => {
    const flag = axis('freeze.scoreFloor.enabled=true,false');
    expect(referencePoint('enabled=false', [flag], gridPoints([flag]))).toBe(1);
    const list = axis('x.y=[1, 2],[3]');
    expect(referencePoint('y=[3]', [list], gridPoints([list]))).toBe(1);
  });

  it.each([
    ['maxDraws=4,holdDays=2', /maxDraws=4: not a value of the grid \(2, 3, 6\)/],
    ['maxDraws=3', /missing: limits\.request\.verification\.holdDays/],
    ['maxDraws=3,maxDraws=2,holdDays=0', /names freeze\.riskModel\.velocity\.maxDraws twice/],
    ['days=3,holdDays=0', /days: not a --grid field/],
    ['3', /expects path=value/],
    ['=3', /expects path=value/],
  ])('refuses %j', (text, message) => {
    expect(referencePoint(text, grid, points)).toMatch(message);
  });

  it('asks for the whole path where two axes end alike', () => {
    const a = axis('a.days=1,2');
    const b = axis('b.days=3,4');
    expect(referencePoint('days=1,b.days=3', [a, b], gridPoints([a, b]))).toMatch(/more than one --grid field ends so/);
  });
});

describe('the scenario as given', () => {
  it('is named after its own values of the grid fields', () => {
    const scenario = { freeze: { riskModel: { velocity: { maxDraws: 4 } } }, limits: { request: { verification: { holdDays: 2 } } }, segments: [{ correlation: 0.04 }] };
    expect(valueAt(scenario, 'segments.0.correlation')).toBe(0.04);
    expect(valueAt(scenario, 'freeze.nope.x')).toBeUndefined();
    const values = gridValues(scenario, grid);
    expect(values).toEqual({ 'freeze.riskModel.velocity.maxDraws': 4, 'limits.request.verification.holdDays': 2 });
    expect(asGivenLabel(grid, values)).toBe('as given (maxDraws=4, holdDays=2)');
    expect(asGivenLabel([draws], {})).toBe('as given (maxDraws=unset)');
  });

  it('is the reference of every row when it is run on its own: each change is the row minus it', () => {
    const s = sweepFixture([2, 3, 6]);
    expect(s.reference).toMatchObject({ source: 'scenario', point: null, run: 3, label: 'as given (maxDraws=4)' });
    const given = s.runs[3]!;
    for (const row of s.rows) {
      const d = row.differenceFromReference['lossRate'] as PathFigureDelta;
      expect(d.base).toBe(given.headline['lossRate']!.mean);
      // the fixture has a value on every path, so the mean paired change is the difference of the means
      expect(d.difference!).toBeCloseTo(row.figures['lossRate']!.mean! - given.headline['lossRate']!.mean!, 14);
    }
  });

  it('a named grid point is its own reference, with zero changes from itself', () => {
    const s = sweepFixture([2, 3, 6], { reference: 1 });
    expect(s.reference).toMatchObject({ source: 'point', point: 1, run: 1, label: 'maxDraws=3' });
    expect(s.runs).toHaveLength(3);
    expect((s.rows[1]!.differenceFromReference['lossRate'] as PathFigureDelta).difference).toBe(0);
  });
});
