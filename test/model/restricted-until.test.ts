/**
 * BorrowerState.restrictedUntil stays an upper bound on every interval's end
 * through any sequence of the writes the step makes, so the hot loop's shortcut
 * (no interval arithmetic when a step starts at or after it) changes nothing.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  BorrowerState, causeAt, liftUntimed, setSlot, setTimed, unionMeasure, Slot, SlotCount,
} from '../../src/model/borrower.js';

describe('restrictedUntil', () => {
  it('bounds every end, and where it says nothing is restricted the slow answers agree', () => {
    const rng = seedrandom.alea('restricted-until');
    const st = new BorrowerState(4);
    const s1 = new Float64Array(SlotCount.All);
    const s2 = new Float64Array(SlotCount.All);
    let shortcuts = 0;
    for (let borrower = 0; borrower < 2000; borrower++) {
      st.reset();
      for (let step = 0; step < 48; step++) {
        const a = step * 30;
        const b = a + 30;
        const op = rng();
        const slot = Math.floor(rng() * SlotCount.Freeze);
        if (op < 0.05) setSlot(st, slot < 2 ? slot : Slot.Hold, a + Math.floor(rng() * 30), slot < 2 ? Infinity : b + Math.floor(rng() * 5));
        else if (op < 0.1) setTimed(st, 2 + (slot % 4), b, b + 1 + Math.floor(rng() * 40), a);
        else if (op < 0.15 && st.end[slot % 2] === Infinity) liftUntimed(st, slot % 2, b);
        for (let i = 0; i < SlotCount.All; i++) expect(st.end[i]!).toBeLessThanOrEqual(st.restrictedUntil);
        if (st.restrictedUntil <= a) {
          shortcuts++;
          expect(unionMeasure(st.start, st.end, SlotCount.All, a, b, s1, s2)).toBe(0);
          expect(causeAt(st, b)).toBe(-1);
        }
      }
    }
    expect(shortcuts).toBeGreaterThan(10000);
  });
});
