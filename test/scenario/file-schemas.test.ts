/**
 * The schemas an editor uses (`limitlab schema`, `--suite`), tried as a new user
 * would: every file in scenarios/, as written, against its published file
 * schema with ajv (what editors' YAML support runs), which must also reject
 * what the loader rejects on shape.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { resolvedScenarioJsonSchema, scenarioFileJsonSchema } from '../../src/scenario/json-schema.js';
import { suiteJsonSchema } from '../../src/stress/suite-json-schema.js';
import { REPO_ROOT } from '../helpers/repo.js';
import { BASELINE_FILE } from '../helpers/scenario-files.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const fileSchema = ajv.compile(scenarioFileJsonSchema());
const resolvedSchema = ajv.compile(resolvedScenarioJsonSchema());
const suite = ajv.compile(suiteJsonSchema());

function files(dir = path.join(REPO_ROOT, 'scenarios')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? files(file) : /\.(ya?ml|json)$/.test(e.name) ? [file] : [];
  });
}
const read = (file: string): Record<string, unknown> => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const isSuite = (v: Record<string, unknown>): boolean => 'scenarios' in v;
const all = files().map((f) => [path.relative(REPO_ROOT, f), f] as const);

describe('every file in scenarios/ against its file schema', () => {
  it('finds the scenario files and the suite', () => {
    expect(all.filter(([, f]) => isSuite(read(f))).length).toBeGreaterThanOrEqual(1);
    expect(all.filter(([, f]) => !isSuite(read(f))).length).toBeGreaterThanOrEqual(10);
  });

  it.each(all)('%s validates', (_, file) => {
    const value = read(file);
    const check = isSuite(value) ? suite : fileSchema;
    expect(check(value), JSON.stringify(check.errors)).toBe(true);
  });
});

describe('the scenario file schema', () => {
  const base = read(BASELINE_FILE);

  it('requires every field of a file without extends, and none of one with extends', () => {
    const { seed: _seed, ...noSeed } = base;
    expect(fileSchema(noSeed)).toBe(false);
    expect(JSON.stringify(fileSchema.errors)).toContain('seed');
    expect(fileSchema({ extends: 'baseline.yaml', run: { paths: 10 } })).toBe(true);
    expect(fileSchema({ extends: 'baseline.yaml', run: { paths: 10, borrowersPerPath: 5 } })).toBe(true);
  });

  it('stays closed to unknown keys and typed, with or without extends', () => {
    expect(fileSchema({ extends: 'baseline.yaml', run: { pahts: 10 } })).toBe(false);
    expect(fileSchema({ extends: 'baseline.yaml', seeds: 1 })).toBe(false);
    expect(fileSchema({ extends: 'baseline.yaml', run: { paths: 'ten' } })).toBe(false);
    expect(fileSchema({ ...base, churn: { ...(base['churn'] as object), extra: 1 } })).toBe(false);
    expect(fileSchema({ extends: 'baseline.yaml', report: { appetite: { lossRte: 0.1 } } })).toBe(false);
  });

  it('requires list items in full: a list replaces the parent\'s', () => {
    const segment = (base['segments'] as Record<string, unknown>[])[0]!;
    const { share: _share, ...partialSegment } = segment;
    expect(fileSchema({ extends: 'baseline.yaml', segments: [segment] })).toBe(true);
    expect(fileSchema({ extends: 'baseline.yaml', segments: [partialSegment] })).toBe(false);
  });

  it('the resolved schema has no extends', () => {
    expect(resolvedSchema(base)).toBe(true);
    expect(resolvedSchema({ ...base, extends: 'x.yaml' })).toBe(false);
  });
});

describe('the suite schema', () => {
  const value = read(path.join(REPO_ROOT, 'scenarios/stress/suite.yaml'));
  it('rejects a misspelt field, an unknown figure and an empty list', () => {
    expect(suite({ ...value, scenario: [] })).toBe(false);
    expect(suite({ ...value, appetite: { lossRte: 0.1 } })).toBe(false);
    expect(suite({ ...value, scenarios: [] })).toBe(false);
    expect(suite({ ...value, scenarios: [{ file: 'a.yaml', apetite: {} }] })).toBe(false);
  });
});
