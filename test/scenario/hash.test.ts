import { describe, expect, it } from 'vitest';
import { canonicalJson, scenarioHash } from '../../src/scenario/hash.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { BASELINE_FILE } from '../helpers/scenario-files.js';

/** The same object with keys in reverse order at every level. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]));
  }
  return v;
}

describe('scenarioHash', () => {
  it('is sha256 hex of JSON with keys sorted at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    // sha256('{"a":1}'), from `printf '{"a":1}' | sha256sum`
    expect(scenarioHash({ a: 1 } as unknown as Scenario)).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });

  it('does not depend on key order', async () => {
    const s = await resolveScenario(BASELINE_FILE);
    const r = reversed(s) as Scenario;
    expect(JSON.stringify(r)).not.toBe(JSON.stringify(s));
    expect(scenarioHash(r)).toBe(scenarioHash(s));
  });

  it('changes with any value, and with list order', async () => {
    const s = await resolveScenario(BASELINE_FILE);
    const t = await resolveScenario(BASELINE_FILE, ['segments.0.correlation=0.041']);
    expect(scenarioHash(t)).not.toBe(scenarioHash(s));
    const swapped = { ...s, segments: [...s.segments].reverse() };
    expect(scenarioHash(swapped)).not.toBe(scenarioHash(s));
  });

  it('leaves out undefined fields, as JSON does', () => {
    const a = { name: 'x' } as unknown as Scenario;
    const b = { name: 'x', description: undefined } as unknown as Scenario;
    expect(scenarioHash(a)).toBe(scenarioHash(b));
  });
});
