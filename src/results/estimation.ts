/**
 * What summary.json says about how its figures were estimated: plain Monte
 * Carlo or importance sampling of the economy, the shift, the effective
 * sample size and the interval methods (docs/tail-risk.md).
 */
import type { Scenario } from '../scenario/schema.js';
import type { Clock } from '../model/clock.js';
import { samplingShift } from '../model/economy.js';
import { type Histogram, histogram } from './stat.js';
import type { Estimation } from './types.js';
import { effectiveSampleSize } from './weighted.js';

const MEAN_INTERVAL = 'mean ± 1.96·se (Student-t quantile below 30 paths: rough)';

/**
 * The estimation block of a summary.
 *
 * @param scenario the resolved scenario
 * @param clock its clock
 * @param paths the number of paths
 * @param weights the paths' likelihood ratios, or undefined for plain Monte Carlo
 * @returns the block
 */
export function estimation(scenario: Scenario, clock: Clock, paths: number, weights: readonly number[] | undefined): Estimation {
  if (!weights) {
    return {
      method: 'plain',
      shift: 0,
      effectiveSampleSize: paths,
      meanWeight: 1,
      intervals: {
        mean: MEAN_INTERVAL,
        var: 'order statistics: exact and distribution-free (null when too few paths bound it)',
        es: 'asymptotic: ES ± 1.96·sd((X − VaR)⁺)/(√n·(1 − α)); none below 10 paths at or beyond the VaR',
      },
    };
  }
  return {
    method: 'importance sampling',
    shift: samplingShift(scenario, clock),
    effectiveSampleSize: effectiveSampleSize(weights),
    meanWeight: weights.reduce((a, w) => a + w, 0) / Math.max(1, weights.length),
    intervals: {
      mean: `weighted (1/n)·Σ w·x, not self-normalised; ${MEAN_INTERVAL}`,
      var: 'weighted tail-side quantile; interval by inverting the test of P(X > x) = 1 − α (normal, ± 1.96·se); none below 10 paths beyond',
      es: 'weighted mean beyond the VaR; asymptotic: ES ± 1.96·sd(w·(X − VaR)⁺)/(√n·(1 − α)); none below 10 paths at or beyond the VaR',
    },
  };
}

/**
 * The histogram of {@link histogram} with each bin's probability under the
 * unshifted model, (1/n)·Σ w over the bin's paths, next to the raw counts.
 *
 * @param values the path values in path order, null where a path gives none
 * @param weights the paths' weights, aligned with values
 * @param bins the most bins wanted
 * @returns bins, raw counts and weighted probabilities
 */
export function weightedHistogram(
  values: ReadonlyArray<number | null>,
  weights: readonly number[],
  bins: number,
): Histogram & { probability: number[] } {
  const h = histogram(values, bins);
  const n = values.length;
  const probability = new Array<number>(h.count.length).fill(0);
  values.forEach((x, i) => {
    if (x === null || !Number.isFinite(x) || h.binStart.length === 0) return;
    let b = 0;
    while (b < h.binEnd.length - 1 && x >= h.binEnd[b]!) b++;
    probability[b]! += weights[i]! / n;
  });
  return { ...h, probability };
}
