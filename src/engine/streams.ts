/**
 * Random streams, keyed so that every number a borrower meets depends only on
 * (seed, path, borrower) and the stream's purpose, never on the policy, on the
 * shard size or on which worker ran it.
 *
 * The generator is seedrandom's alea (the fastest of its generators here,
 * ~140 M/s, STACK.md). What differs is the seeding: seedrandom seeds alea by
 * hashing a string (Mash), which measured 4.4 µs per stream — three streams per
 * borrower cost more than 24 monthly steps of the model. A borrower's streams
 * therefore get alea's state (three 32-bit fractions and a carry) straight from
 * an integer hash of their key, and are reseeded in place without allocating.
 * `AleaStream.fromState` and test/engine/streams.test.ts show the recurrence is
 * seedrandom's, output for output. The path's economy, drawn once per shard,
 * uses seedrandom itself.
 */
import seedrandom from 'seedrandom';
import type { Uniform, UniformBlock } from '../model/random.js';

export type { Uniform };

export const STREAM_POPULATION = 1;
export const STREAM_STEPS = 2;
export const STREAM_REQUESTS = 3;
/** Model v2: the hidden state (start and distress transitions), takeover arrivals, and the wish process's thinning. */
export const STREAM_HIDDEN = 4;
export const STREAM_TAKEOVERS = 5;
export const STREAM_WISHES = 6;

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Bob Jenkins' / Chris Wellons' lowbias32 finaliser: a strong 32-bit mixer. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** seedrandom's alea recurrence with an explicit, resettable state. */
export class AleaStream implements UniformBlock {
  s0 = 0;
  s1 = 0;
  s2 = 0;
  c = 1;

  /** The next uniform in [0, 1). A bound arrow so it can be passed as a `() => number`. */
  readonly next: Uniform = () => {
    const t = 2091639 * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    return (this.s2 = t - (this.c = t | 0));
  };

  /**
   * The next `n` uniforms into `out[0..n)`, the same numbers `n` calls of
   * `next` give. The state lives in locals for the loop (registers, not four
   * field loads and stores a draw): a borrower-step's STEP_UNIFORMS come from here.
   */
  fill(out: Float64Array, n: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let c = this.c;
    let i = 0;
    // Three draws a pass: after three the state's rotation is back where it
    // started, so each draw writes its own variable in place (the same
    // arithmetic as `next`, in the same order). A loop pass costs more than a
    // draw (the stack check, which makes V8 reload the array's map, length
    // and base; docs/performance.md). 2^-32 is a literal: the module constant
    // would be loaded and checked for every uniform.
    for (; i + 3 <= n; i += 3) {
      let t = 2091639 * s0 + c * 2.3283064365386963e-10;
      out[i] = s0 = t - (c = t | 0);
      t = 2091639 * s1 + c * 2.3283064365386963e-10;
      out[i + 1] = s1 = t - (c = t | 0);
      t = 2091639 * s2 + c * 2.3283064365386963e-10;
      out[i + 2] = s2 = t - (c = t | 0);
    }
    for (; i < n; i++) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      out[i] = s2 = t - (c = t | 0);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.c = c;
  }

  /** Set the state from the key (seed, path, borrower, kind). */
  reseed(seed: number, path: number, borrower: number, kind: number): this {
    const seedLo = seed >>> 0;
    const seedHi = Math.floor(seed / 4294967296) >>> 0;
    let h = mix32(seedLo ^ 0x9e3779b9);
    h = mix32(h ^ seedHi);
    h = mix32(h ^ path);
    h = mix32(h ^ borrower);
    h = mix32(h ^ Math.imul(kind, 0x85ebca6b));
    const a = mix32(h ^ 0x68e31da4);
    const b = mix32(a ^ 0xb5297a4d);
    const c = mix32(b ^ 0x1b56c4e9);
    this.s0 = a * TWO_POW_MINUS_32;
    this.s1 = b * TWO_POW_MINUS_32;
    this.s2 = c * TWO_POW_MINUS_32;
    this.c = 1;
    return this;
  }

  /** A stream continuing from a seedrandom alea state (`seedrandom.alea(s, { state: true }).state()`). */
  static fromState(state: { c: number; s0: number; s1: number; s2: number }): AleaStream {
    const s = new AleaStream();
    s.c = state.c;
    s.s0 = state.s0;
    s.s1 = state.s1;
    s.s2 = state.s2;
    return s;
  }
}

/** The path's economy stream (seedrandom's alea, seeded by its string key). */
export function economyStream(seed: number, path: number): Uniform {
  return seedrandom.alea(`limitlab/${seed}/${path}/economy`);
}
