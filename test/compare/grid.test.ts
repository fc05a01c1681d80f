/** --grid parsing, the cartesian grid and point names. */
import { describe, expect, it } from 'vitest';
import { gridPoints, gridSize, parseGridOption, pointLabel } from '../../src/compare/grid.js';
import type { GridAxis } from '../../src/compare/types.js';

const axis = (text: string): GridAxis => {
  const a = parseGridOption(text);
  if (typeof a === 'string') throw new Error(a);
  return a;
};

describe('parseGridOption', () => {
  it('reads values as YAML, like --set', () => {
    expect(axis('freeze.riskModel.velocity.maxDraws=2,3, 4').values).toEqual([2, 3, 4]);
    expect(axis('freeze.scoreFloor.enabled=true,false').values).toEqual([true, false]);
    expect(axis('name=a,b').values).toEqual(['a', 'b']);
  });

  it('does not split inside brackets or quotes', () => {
    const a = axis('macro.shocks=[],[{ fromDay: 0, toDay: 90, shift: -1 }]');
    expect(a.values).toEqual([[], [{ fromDay: 0, toDay: 90, shift: -1 }]]);
    expect(axis('description="a, b",c').values).toEqual(['a, b', 'c']);
  });

  it('says what is wrong', () => {
    expect(parseGridOption('maxDraws')).toMatch(/expects path=v1,v2/);
    expect(parseGridOption('=1,2')).toMatch(/path is empty/);
    expect(parseGridOption('a=1,,2')).toMatch(/non-empty/);
    expect(parseGridOption('a=')).toMatch(/non-empty/);
    expect(parseGridOption('a=[1,2')).toMatch(/brackets do not balance/);
    expect(parseGridOption('a=1,1.0')).toMatch(/given twice/);
  });
});

describe('gridPoints', () => {
  it('visits every combination once, the first axis slowest', () => {
    const axes = [axis('a=1,2'), axis('b=x,y,z')];
    const points = gridPoints(axes);
    expect(gridSize(axes)).toBe(6);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(points.map((p) => p.overrides)).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: 'z' },
      { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'z' },
    ]);
  });

  it('names points by the last part of each path, the whole path where two end alike', () => {
    const axes = [axis('freeze.riskModel.days=7,14'), axis('freeze.maintenance.days=1')];
    expect(pointLabel(gridPoints(axes)[1]!, axes)).toBe('freeze.riskModel.days=14, freeze.maintenance.days=1');
    const one = [axis('freeze.riskModel.velocity.maxDraws=3')];
    expect(pointLabel(gridPoints(one)[0]!, one)).toBe('maxDraws=3');
  });
});
