/**
 * Reading a suite file: YAML (or JSON) → the strict shape check → headline
 * figure names, with every issue located at FILE:line:col and its field path,
 * exactly as scenario errors are (they print the same way, and exit 2).
 */
import path from 'node:path';
import { type Document, isMap, isScalar } from 'yaml';
import type { core } from 'zod';
import { z } from 'zod';
import { kindOf, messages, stressMessages } from '../messages.js';
import { FIGURE_NAMES, isFigureName } from '../results/registry.js';
import { type Position, ScenarioError, type ScenarioIssue } from '../scenario/errors.js';
import type { FieldPath } from '../scenario/field-path.js';
import { expectedText, type JsonSchema, knownKeys, subschemaAt } from '../scenario/json-schema.js';
import { displayPath } from '../scenario/load.js';
import { readYamlFile, yamlSyntaxError } from '../scenario/yaml-file.js';
import { isPlainObject } from '../util/plain-object.js';
import { closest } from '../util/suggest.js';
import { type SuiteFile, suiteSchema } from './suite-schema.js';

export interface LoadedSuite {
  suite: SuiteFile;
  /** absolute path of the suite file */
  abs: string;
  /** as shown to the user */
  file: string;
  /** locates a field of the suite for later errors (scenario entries that fail to resolve) */
  issueAt: (path: FieldPath, message: string) => ScenarioIssue;
}

/** Load and validate a suite file. Throws ScenarioError listing every issue. */
export async function loadSuiteFile(file: string, cwd = process.cwd()): Promise<LoadedSuite> {
  const abs = path.resolve(cwd, file);
  const shown = displayPath(abs, cwd);
  const yaml = await readYamlFile(abs, shown);
  const { doc, pos, fail } = yaml;
  if (doc.errors.length > 0) throw yamlSyntaxError(yaml, shown);
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (value === null || value === undefined) return fail(stressMessages.suiteEmpty());
  if (!isPlainObject(value)) return fail(stressMessages.suiteNotMapping(kindOf(value)), pos(doc.contents?.range?.[0]));

  const issueAt = (fieldPath: FieldPath, message: string, atKey = false): ScenarioIssue => {
    const position = locate(doc, fieldPath, atKey, pos);
    return { file: shown, path: fieldPath, message, ...(position ? { position } : {}) };
  };

  // A scenario given where a suite belongs: say so, rather than list every unknown field.
  if ('segments' in value && !('scenarios' in value)) throw new ScenarioError([issueAt(['segments'], stressMessages.scenarioNotSuite(), true)]);
  const issues = [...shapeIssues(value), ...figureIssues(value)].map((i) => issueAt(i.path, i.message, i.atKey ?? false));
  if (issues.length > 0) throw new ScenarioError(sortByPosition(issues));
  return { suite: suiteSchema.parse(value), abs, file: shown, issueAt: (p, m) => issueAt(p, m) };
}

interface RawIssue {
  path: FieldPath;
  message: string;
  atKey?: boolean;
}

let jsonSchema: JsonSchema | undefined;

function shapeIssues(value: unknown): RawIssue[] {
  const parsed = suiteSchema.safeParse(value);
  if (parsed.success) return [];
  jsonSchema ??= z.toJSONSchema(suiteSchema) as JsonSchema;
  return parsed.error.issues.flatMap((issue) => describe(issue, value, jsonSchema!));
}

function describe(issue: core.$ZodIssue, value: unknown, schema: JsonSchema): RawIssue[] {
  const fieldPath: FieldPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const found = getAt(value, fieldPath);
  const expected = expectedText(subschemaAt(schema, fieldPath));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(subschemaAt(schema, fieldPath));
      return issue.keys.map((key) => ({ path: [...fieldPath, key], message: messages.unknownKey(key, closest(key, known)), atKey: true }));
    }
    case 'invalid_type':
      if (found === undefined) return [{ path: fieldPath, message: messages.required() }];
      if (typeof found === 'number' && expected) return [{ path: fieldPath, message: messages.outOfRange(expected, found) }];
      return [{ path: fieldPath, message: messages.wrongType(expected ?? issue.expected, found) }];
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'array') return [{ path: fieldPath, message: messages.tooFewItems(Number((issue as { minimum?: unknown }).minimum ?? 1)) }];
      if (issue.origin === 'string') return [{ path: fieldPath, message: messages.emptyString() }];
      return [{ path: fieldPath, message: messages.outOfRange(expected ?? issue.message, found) }];
    case 'invalid_union':
      if (fieldPath.includes('appetite')) return [{ path: fieldPath, message: messages.appetiteValue(found) }];
      return [{ path: fieldPath, message: messages.invalid(issue.message) }];
    default:
      return [{ path: fieldPath, message: messages.invalid(issue.message) }];
  }
}

/** Appetite keys must name headline figures, or the limit would never be checked. */
function figureIssues(value: Record<string, unknown>): RawIssue[] {
  const out: RawIssue[] = [];
  const check = (appetite: unknown, at: FieldPath): void => {
    if (!isPlainObject(appetite)) return;
    for (const key of Object.keys(appetite)) {
      if (!isFigureName(key)) out.push({ path: [...at, key], message: messages.unknownFigure(key, closest(key, FIGURE_NAMES)), atKey: true });
    }
  };
  check(value['appetite'], ['appetite']);
  const scenarios = value['scenarios'];
  if (Array.isArray(scenarios)) scenarios.forEach((s, i) => isPlainObject(s) && check(s['appetite'], ['scenarios', i, 'appetite']));
  return out;
}

function getAt(value: unknown, fieldPath: FieldPath): unknown {
  let cur = value;
  for (const part of fieldPath) {
    if (Array.isArray(cur) && typeof part === 'number') cur = cur[part];
    else if (isPlainObject(cur) && typeof part === 'string' && Object.hasOwn(cur, part)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** The position of a field (its key, for an unknown key), or of the nearest enclosing field that exists. */
function locate(doc: Document, fieldPath: FieldPath, atKey: boolean, pos: (o: number | undefined) => Position | undefined): Position | undefined {
  const nodeAt = (p: FieldPath): unknown => (p.length === 0 ? doc.contents : doc.getIn(p, true));
  const start = (node: unknown): number | undefined => (node as { range?: [number] } | null | undefined)?.range?.[0];
  if (atKey && fieldPath.length > 0) {
    const parent = nodeAt(fieldPath.slice(0, -1));
    const key = String(fieldPath[fieldPath.length - 1]);
    const pair = isMap(parent) ? parent.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) : undefined;
    const at = start(pair?.key);
    if (at !== undefined) return pos(at);
  }
  for (let n = fieldPath.length; n >= 0; n--) {
    const at = start(nodeAt(fieldPath.slice(0, n)));
    if (at !== undefined) return pos(at);
  }
  return undefined;
}

function sortByPosition(issues: ScenarioIssue[]): ScenarioIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => {
      const pa = a.issue.position;
      const pb = b.issue.position;
      if (pa && pb) return pa.line - pb.line || pa.column - pb.column || a.index - b.index;
      return pa ? -1 : pb ? 1 : a.index - b.index;
    })
    .map((x) => x.issue);
}
