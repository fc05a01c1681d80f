/**
 * The yardstick: the cost of the random numbers alone. A bare loop drawing
 * `uniformsPerStep` uniforms per borrower-step from seedrandom's alea (the
 * fastest seedrandom generator here), with no model. One stream for the whole
 * loop: seeding is the engine's business, not the yardstick's.
 */
import seedrandom from 'seedrandom';

export interface PrngRun {
  seconds: number;
  /** the sum of every uniform drawn, returned so the loop cannot be optimised away */
  sum: number;
}

export function prngOnly(borrowerSteps: number, uniformsPerStep: number): PrngRun {
  const next = seedrandom.alea('limitlab/bench/prng');
  const started = performance.now();
  let sum = 0;
  for (let i = 0; i < borrowerSteps; i++) {
    for (let j = 0; j < uniformsPerStep; j++) sum += next();
  }
  return { seconds: (performance.now() - started) / 1000, sum };
}
