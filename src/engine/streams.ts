/**
 * Random streams, keyed so that every number a borrower meets depends only on
 * (seed, path, borrower) and the stream's purpose, never on the policy or on
 * which worker ran it. seedrandom's alea is the fastest of its generators here
 * (~140 M/s, STACK.md). seedrandom is CommonJS: use the default import.
 */
import seedrandom from 'seedrandom';

export type Uniform = () => number;

export type StreamKind = 'population' | 'steps' | 'requests';

export function borrowerStream(seed: number, path: number, borrower: number, kind: StreamKind): Uniform {
  return seedrandom.alea(`limitlab/${seed}/${path}/${borrower}/${kind}`);
}

export function economyStream(seed: number, path: number): Uniform {
  return seedrandom.alea(`limitlab/${seed}/${path}/economy`);
}
