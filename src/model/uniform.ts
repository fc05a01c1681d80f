/** alea can return exactly 0; inverse-CDF sampling needs (0, 1). */
const SMALLEST = 2 ** -33;
export function toOpenUnit(u: number): number {
  return u > 0 ? u : SMALLEST;
}
