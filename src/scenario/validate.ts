/**
 * Validation: the strict shape check (zod), then the cross-field rules, with
 * every issue located in the file (or override) its field came from. All
 * issues of a scenario are collected, not just the first.
 */
import type { core } from 'zod';
import { messages } from '../messages.js';
import { isPlainObject } from '../util/plain-object.js';
import { closest } from '../util/suggest.js';
import { type ScenarioIssue } from './errors.js';
import type { FieldPath } from './field-path.js';
import { expectedText, type JsonSchema, knownKeys, scenarioJsonSchema, subschemaAt } from './json-schema.js';
import { crossFieldIssues, getAt, type RuleIssue } from './rules.js';
import { type Scenario, scenarioSchema } from './schema.js';
import type { SourceMap } from './source-map.js';

export type Validation = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

export function validateScenario(value: unknown, sources: SourceMap): Validation {
  // A stress suite given where a scenario belongs: say so, rather than list every missing field.
  if (isPlainObject(value) && Array.isArray(value.scenarios) && !('segments' in value)) {
    return { ok: false, issues: locate([{ path: ['scenarios'], message: messages.suiteNotScenario(), atKey: true }], sources) };
  }
  const parsed = scenarioSchema.safeParse(value);
  const raw: RuleIssue[] = [];
  if (!parsed.success) {
    const schema = scenarioJsonSchema();
    for (const issue of parsed.error.issues) raw.push(...describeIssue(issue, value, schema));
  }
  raw.push(...crossFieldIssues(value));
  if (parsed.success && raw.length === 0) return { ok: true, scenario: parsed.data };
  return { ok: false, issues: locate(dedupe(raw), sources) };
}

/** Turn located rule issues into scenario issues, in file order. */
export function locate(issues: readonly RuleIssue[], sources: SourceMap): ScenarioIssue[] {
  const out = issues.map((i): ScenarioIssue => {
    const loc = sources.locate(i.path, i.atKey ?? false);
    return {
      file: loc.file,
      path: i.path,
      message: i.message,
      ...(loc.position ? { position: loc.position } : {}),
      ...(loc.via ? { via: loc.via } : {}),
    };
  });
  // Stable sort: by file (root first, as met), then position; unpositioned issues keep their order at the end of their file.
  const fileOrder = new Map<string, number>();
  out.forEach((i) => fileOrder.has(i.file) || fileOrder.set(i.file, fileOrder.size));
  return out
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const fa = fileOrder.get(a.issue.file)!;
      const fb = fileOrder.get(b.issue.file)!;
      if (fa !== fb) return fa - fb;
      const pa = a.issue.position;
      const pb = b.issue.position;
      if (pa && pb) return pa.line - pb.line || pa.column - pb.column || a.index - b.index;
      if (pa) return -1;
      if (pb) return 1;
      return a.index - b.index;
    })
    .map((x) => x.issue);
}

function describeIssue(issue: core.$ZodIssue, value: unknown, schema: JsonSchema): RuleIssue[] {
  const path: FieldPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const found = getAt(value, path);
  const expected = expectedText(subschemaAt(schema, path));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(subschemaAt(schema, path));
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: messages.unknownKey(key, closest(key, known)),
        atKey: true,
      }));
    }
    case 'invalid_type':
      if (found === undefined) return [{ path, message: messages.required() }];
      // A number that should be an integer is out of range, not of the wrong kind.
      if (typeof found === 'number' && expected) return [{ path, message: messages.outOfRange(expected, found) }];
      return [{ path, message: messages.wrongType(expected ?? issue.expected, found) }];
    case 'too_small':
    case 'too_big':
      if (issue.code === 'too_small' && issue.origin === 'array') return [{ path, message: messages.tooFewItems(Number(issue.minimum)) }];
      if (issue.origin === 'string') return [{ path, message: messages.emptyString() }];
      return [{ path, message: messages.outOfRange(expected ?? issue.message, found) }];
    case 'invalid_union':
      if (path[0] === 'report' && path[1] === 'appetite') return [{ path, message: messages.appetiteValue(found) }];
      return [{ path, message: messages.invalid(issue.message) }];
    default:
      return [{ path, message: messages.invalid(issue.message) }];
  }
}

function dedupe(issues: RuleIssue[]): RuleIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = JSON.stringify([i.path, i.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
