/**
 * Accumulators on disk, bit for bit: a Float64Array's bytes (the machine's byte
 * order, little-endian on every platform Node supports), and a sha256 digest
 * so that a file of the right size with a flipped byte is caught. Used by the
 * stress shard store and by scale-out part files.
 */
import { createHash } from 'node:crypto';

export function f64Bytes(acc: Float64Array): Uint8Array {
  return new Uint8Array(acc.buffer, acc.byteOffset, acc.byteLength);
}

/** A copy: Buffer memory may be pooled and unaligned for a Float64Array view. */
export function bytesToF64(bytes: Uint8Array): Float64Array {
  if (bytes.byteLength % 8 !== 0) throw new Error(`${bytes.byteLength} bytes is not a whole number of float64 values`);
  const acc = new Float64Array(bytes.byteLength / 8);
  new Uint8Array(acc.buffer).set(bytes);
  return acc;
}

export const SHA256_BYTES = 32;

export function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** `sha256:<hex>` */
export function sha256Label(data: string | Uint8Array): string {
  return `sha256:${sha256(data).toString('hex')}`;
}
