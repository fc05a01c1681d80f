/**
 * summary.json as a contract: a real run's summary and the test fixtures
 * validate against the zod definition and, independently, against the
 * published JSON Schema with ajv; a broken one is rejected naming the field;
 * the schema takes its figures from the registry.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run.js';
import { FIGURES, FIGURE_NAMES, PATH_FIGURES } from '../../src/results/registry.js';
import { summaryJsonSchema, summaryProblem } from '../../src/results/summary-schema.js';
import type { Summary } from '../../src/results/types.js';
import { HOSTILE_OPTIONS, makeSummaryFixture } from '../fixtures/summary-fixture.js';
import { loadScenario } from '../helpers/scenario.js';
import { runInProcess } from '../helpers/cli.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(summaryJsonSchema());
const asJson = (s: unknown): unknown => JSON.parse(JSON.stringify(s));

let run: Summary | undefined;
async function realSummary(): Promise<Summary> {
  run ??= await runScenario(await loadScenario('scenarios/baseline.yaml', ['run.paths=3', 'run.borrowersPerPath=300']), { inProcess: true });
  return run;
}

describe('summary.json schema', () => {
  it('accepts a real run, with every registry figure, by zod and by ajv', async () => {
    const s = await realSummary();
    expect(summaryProblem(asJson(s))).toBeNull();
    expect(validate(asJson(s)), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(s.headline).sort()).toEqual([...FIGURE_NAMES].sort());
  });

  it('accepts the test fixtures', () => {
    for (const s of [makeSummaryFixture(), makeSummaryFixture(HOSTILE_OPTIONS)]) {
      expect(summaryProblem(asJson(s))).toBeNull();
      expect(validate(asJson(s)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects a broken summary, naming the field', async () => {
    const s = asJson(await realSummary()) as Record<string, any>;
    s['headline']['lossRate']['mean'] = 'high';
    expect(summaryProblem(s)).toMatch(/^field headline\.lossRate\.mean: /);
    expect(validate(s)).toBe(false);
    const t = asJson(await realSummary()) as Record<string, any>;
    delete t['timeSeries']['frozen']['identity'];
    expect(summaryProblem(t)).toMatch(/^field timeSeries\.frozen\.identity: /);
    expect(summaryProblem({ ...t, schemaVersion: 2 })).toBe('expected schemaVersion 1, found 2');
  });

  it('takes its figures and their descriptions from the registry', () => {
    const props = summaryJsonSchema()['properties'] as Record<string, { properties: Record<string, { description?: string }> }>;
    expect(Object.keys(props['headline']!.properties)).toEqual(FIGURE_NAMES);
    expect(Object.keys(props['perPath']!.properties)).toEqual(PATH_FIGURES);
    expect(props['headline']!.properties['annualLossRate']!.description).toContain(FIGURES.annualLossRate.label);
  });

  it('is printed by limitlab schema --summary; two schema flags at once are refused', async () => {
    const r = await runInProcess(['schema', '--summary']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(summaryJsonSchema());
    const both = await runInProcess(['schema', '--summary', '--suite']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/choose one of/);
  });
});
