/**
 * The randomness the model consumes, as interfaces: the engine's streams
 * (engine/streams.ts) implement them, and tests can script them.
 */

/** One uniform in [0, 1) per call. */
export type Uniform = () => number;

/** A borrower's step stream: the step's fixed count of uniforms, in one call. */
export interface UniformBlock {
  /** the next `n` uniforms into `out[0..n)` */
  fill(out: Float64Array, n: number): void;
}
