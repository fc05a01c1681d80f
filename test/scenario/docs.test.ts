/** docs/scenarios.md is the scenario reference: it must cover every field of the schema. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_DESCRIPTIONS } from '../../src/scenario/descriptions.js';
import { fieldPatterns } from '../../src/scenario/json-schema.js';
import { FIGURE_NAMES } from '../../src/results/registry.js';
import { REPO_ROOT } from '../helpers/repo.js';

const doc = readFileSync(path.join(REPO_ROOT, 'docs/scenarios.md'), 'utf8');

describe('docs/scenarios.md', () => {
  it('has a row for every field, with the description the JSON Schema carries', () => {
    const missing = fieldPatterns().filter((p) => {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${p}\` |`));
      return row === undefined || !row.includes(FIELD_DESCRIPTIONS[p]!.replace('reports/<name>/', '`reports/<name>/`').replace('{ max } and { min }', '`{ max }` and `{ min }`'));
    });
    expect(missing).toEqual([]);
  });

  it('lists every headline figure accepted in report.appetite', () => {
    expect(FIGURE_NAMES.filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
  });
});
