/**
 * The generated parts of the docs are current: docs/scenarios.md's field tables
 * (from the scenario schema's descriptions) and appetite list, docs/summary.md's
 * field and figure tables (from the summary schema and the figure registry).
 * Run `npm run docs` when this fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { coveredFields, GENERATED_DOCS, regenerate, REPO_ROOT } from '../../scripts/docs.js';
import { resolvedScenarioJsonSchema } from '../../src/scenario/json-schema.js';

const read = (doc: string): string => readFileSync(path.join(REPO_ROOT, doc), 'utf8');

describe('generated docs', () => {
  it.each(GENERATED_DOCS)('%s is current (npm run docs)', (doc) => {
    const text = read(doc);
    expect(text).toContain('<!-- /');
    expect(regenerate(text)).toBe(text);
  });

  it('docs/scenarios.md has a table for every top-level scenario field, each in one table', () => {
    const covered = coveredFields(read('docs/scenarios.md'));
    const fields = Object.keys(resolvedScenarioJsonSchema()['properties'] as object);
    expect(fields.filter((f) => !covered.includes(f))).toEqual([]);
    expect(covered.filter((f, i) => covered.indexOf(f) !== i)).toEqual([]);
  });

  it('changes a table when a description changes (the check can fail)', () => {
    const text = read('docs/scenarios.md');
    const stale = text.replace('| Borrowers simulated on each path. |', '| Borrowers on each path. |');
    expect(stale).not.toBe(text);
    expect(regenerate(stale)).toBe(text);
  });
});
