/**
 * The published JSON Schema, checked with an independent validator (ajv): it
 * accepts every scenario file of the repo as written (with `extends`), and
 * every resolved scenario; it rejects what the zod schema rejects on shape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIELD_DESCRIPTIONS } from '../../src/scenario/descriptions.js';
import { fieldPatterns, scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { resolveScenario } from '../../src/scenario/resolve.js';
import { FIGURE_NAMES } from '../../src/results/registry.js';
import { REPO_ROOT } from '../helpers/repo.js';
import { BASELINE_FILE } from '../helpers/scenario-files.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(scenarioJsonSchema());

/** Every scenario file under scenarios/; suites (lists of scenarios, for `limitlab stress`) are not scenarios. */
function scenarioFiles(dir = path.join(REPO_ROOT, 'scenarios')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return scenarioFiles(file);
    if (!/\.(ya?ml|json)$/.test(e.name)) return [];
    const top = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return top && 'scenarios' in top ? [] : [file];
  });
}

describe('JSON Schema', () => {
  it('is strict-mode valid for ajv and has a title and description', () => {
    const s = scenarioJsonSchema();
    expect(s['title']).toBe('limitlab scenario');
    expect(typeof s['description']).toBe('string');
  });

  it('accepts the baseline as written', () => {
    const ok = validate(parse(readFileSync(BASELINE_FILE, 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(scenarioFiles().map((f) => [path.relative(REPO_ROOT, f), f]))('accepts %s resolved', async (_, file) => {
    const s = await resolveScenario(file);
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
  });

  it('allows extends at the top, and only there', () => {
    const base = parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, unknown>;
    expect(validate({ ...base, extends: 'parent.yaml' })).toBe(true);
    expect(validate({ ...base, run: { ...(base['run'] as object), extends: 'x' } })).toBe(false);
  });

  it('rejects a typo, a wrong type, an out-of-range value and an unknown appetite figure', () => {
    const base = parse(readFileSync(BASELINE_FILE, 'utf8')) as Record<string, unknown>;
    expect(validate({ ...base, churn: { perYear: 0.1, afterFreezeMultiplier: 1, afterFreezeDays: 90, extra: 1 } })).toBe(false);
    expect(validate({ ...base, seed: 'x' })).toBe(false);
    expect(validate({ ...base, prepayment: { perYear: -1 } })).toBe(false);
    expect(validate({ ...base, report: { appetite: { lossRte: 0.1 } } })).toBe(false);
    expect(validate({ ...base, report: { appetite: { lossRate: 0.1 } } })).toBe(true);
  });

  it('describes every field, and has no description for a field that is gone', () => {
    const patterns = fieldPatterns();
    expect(patterns.filter((p) => FIELD_DESCRIPTIONS[p] === undefined)).toEqual([]);
    expect(Object.keys(FIELD_DESCRIPTIONS).filter((p) => !patterns.includes(p))).toEqual([]);
  });

  it('lists the headline figures as appetite keys', () => {
    const report = (scenarioJsonSchema()['properties'] as Record<string, { properties: Record<string, { propertyNames: unknown }> }>)['report']!;
    expect(report.properties['appetite']!.propertyNames).toEqual({ enum: [...FIGURE_NAMES] });
  });
});

describe('every scenario in scenarios/', () => {
  it.each(scenarioFiles().map((f) => [path.relative(REPO_ROOT, f), f]))('%s resolves and validates', async (_, file) => {
    await expect(resolveScenario(file)).resolves.toBeDefined();
  });
});
