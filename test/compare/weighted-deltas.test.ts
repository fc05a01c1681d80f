/** Compare on importance-sampled runs: the paired change is the weighted one, Σ w·(b − a)/n. */
import { describe, expect, it } from 'vitest';
import { figureDeltas } from '../../src/compare/figure-deltas.js';
import { makeSummaryFixture } from '../fixtures/summary-fixture.js';
import type { PathFigureDelta } from '../../src/compare/types.js';

describe('figureDeltas with path weights', () => {
  it('pairs w·x, so the change is the unbiased weighted difference', () => {
    const base = makeSummaryFixture();
    const alt = makeSummaryFixture();
    const n = base.perPath.defaultRate!.length;
    const w = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0.5 : 1.5));
    base.perPath.weight = w;
    alt.perPath.weight = w;
    alt.perPath.defaultRate = base.perPath.defaultRate!.map((v) => (v === null ? null : v + 0.01));
    const d = figureDeltas(base, alt).defaultRate as PathFigureDelta;
    // Σ wᵢ·0.01 / n with mean weight exactly 1
    expect(d.difference).toBeCloseTo(0.01, 14);
    const expectedBase = base.perPath.defaultRate!.reduce<number>((s, v, i) => s + (v ?? 0) * w[i]!, 0) / n;
    expect(d.base).toBeCloseTo(expectedBase, 14);
  });
});
