/**
 * The published JSON Schemas of scenarios, generated from the zod schema with
 * the field descriptions and the headline figure names `report.appetite`
 * accepts:
 * - the resolved scenario (`limitlab schema --resolved`): every field required;
 * - a scenario *file* (`limitlab schema`, for editors): a file may also have
 *   `extends`, and then every field a parent may supply is optional — at any
 *   depth, except inside list items, since a list replaces the parent's whole.
 *   Both stay closed to unknown keys.
 * `scenarioJsonSchema()` (the resolved shape plus `extends`) is what error
 * messages and the field reference look fields up in.
 */
import { z } from 'zod';
import { FIGURE_NAMES } from '../results/registry.js';
import { isPlainObject } from '../util/plain-object.js';
import { EXTENDS_DESCRIPTION, FIELD_DESCRIPTIONS, SCENARIO_DESCRIPTION, SCENARIO_TITLE } from './descriptions.js';
import { scenarioSchema } from './schema.js';

export type JsonSchema = { [key: string]: unknown };

let cached: JsonSchema | undefined;

/** A fresh copy each call: callers may change it. */
export function scenarioJsonSchema(): JsonSchema {
  cached ??= build();
  return structuredClone(cached);
}

/** The resolved scenario's schema: what `validateScenario` accepts, without `extends`. */
export function resolvedScenarioJsonSchema(): JsonSchema {
  const schema = scenarioJsonSchema();
  const { extends: _ignored, ...properties } = asSchema(schema['properties'])!;
  void _ignored;
  return { ...schema, title: `${SCENARIO_TITLE} (resolved)`, properties };
}

/**
 * The schema of a scenario file: the resolved schema when the file has no
 * `extends`, and the same with nothing required (outside list items) when it
 * has one.
 */
export function scenarioFileJsonSchema(): JsonSchema {
  const full = scenarioJsonSchema();
  const { $schema, title, description, ...body } = full;
  const partial = structuredClone(body);
  dropRequired(partial);
  return {
    $schema,
    title,
    description,
    ...partial,
    if: { properties: { extends: { type: 'string' } }, required: ['extends'] },
    else: { required: body['required'] ?? [], properties: stripDescriptions(body['properties']) },
  };
}

/** Remove `required` from this object node and the objects below it, but not inside list items. */
function dropRequired(node: JsonSchema): void {
  delete node['required'];
  const props = asSchema(node['properties']);
  if (props) for (const child of Object.values(props)) if (asSchema(child)) dropRequired(child as JsonSchema);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = node[key];
    if (Array.isArray(alts)) for (const alt of alts) if (asSchema(alt)) dropRequired(alt as JsonSchema);
  }
}

/** The full schema's properties without descriptions: only what `else` must add (the requirements). */
function stripDescriptions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDescriptions);
  if (!isPlainObject(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'description').map(([k, x]) => [k, stripDescriptions(x)]));
}

/** The sub-schema of the field at `path` (numbers index lists), or undefined. */
export function subschemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') {
      node = asSchema(node['items']);
    } else {
      const props = asSchema(node['properties']);
      node = props && Object.prototype.hasOwnProperty.call(props, part) ? asSchema(props[part]) : asSchema(node['additionalProperties']);
    }
  }
  return node;
}

/** The field names a mapping at this schema node allows. */
export function knownKeys(node: JsonSchema | undefined): string[] {
  const props = node ? asSchema(node['properties']) : undefined;
  return props ? Object.keys(props) : [];
}

function asSchema(v: unknown): JsonSchema | undefined {
  return isPlainObject(v) ? v : undefined;
}

function build(): JsonSchema {
  // The input side: a field with a default (model v2's blocks) may be left out of a file.
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input' }) as JsonSchema;
  const { $schema, properties, ...rest } = generated;
  describe(generated, '');
  const appetite = subschemaAt(generated, ['report', 'appetite']);
  if (appetite) appetite['propertyNames'] = { enum: [...FIGURE_NAMES] };
  return {
    $schema,
    title: SCENARIO_TITLE,
    description: SCENARIO_DESCRIPTION,
    ...rest,
    properties: {
      extends: { type: 'string', minLength: 1, description: EXTENDS_DESCRIPTION },
      ...(properties as JsonSchema),
    },
  };
}

/** Put each field's description first in its node, so the schema reads well. */
function describe(node: JsonSchema, pattern: string): void {
  const props = asSchema(node['properties']);
  if (props) {
    for (const [key, child] of Object.entries(props)) {
      const childPattern = pattern === '' ? key : `${pattern}.${key}`;
      const childSchema = asSchema(child);
      if (!childSchema) continue;
      describe(childSchema, childPattern);
      const text = FIELD_DESCRIPTIONS[childPattern];
      if (text !== undefined) props[key] = { description: text, ...childSchema };
    }
  }
  const items = asSchema(node['items']);
  if (items) {
    const itemPattern = `${pattern}[]`;
    describe(items, itemPattern);
    const text = FIELD_DESCRIPTIONS[itemPattern];
    if (text !== undefined) node['items'] = { description: text, ...items };
  }
}

/** Every field pattern of the schema (`segments[].share`), in schema order. */
export function fieldPatterns(root: JsonSchema = scenarioJsonSchema()): string[] {
  const out: string[] = [];
  const walk = (node: JsonSchema, pattern: string): void => {
    const props = asSchema(node['properties']);
    if (props) {
      for (const [key, child] of Object.entries(props)) {
        const p = pattern === '' ? key : `${pattern}.${key}`;
        out.push(p);
        const s = asSchema(child);
        if (s) walk(s, p);
      }
    }
    const items = asSchema(node['items']);
    if (items && asSchema(items['properties'])) {
      out.push(`${pattern}[]`);
      walk(items, `${pattern}[]`);
    }
  };
  walk(root, '');
  return out.filter((p) => p !== 'extends');
}

/**
 * What a value must be, in words, from its schema: "a positive integer",
 * "a number in [0, 1]". Used in error messages and the field reference.
 */
export function expectedText(node: JsonSchema | undefined): string | undefined {
  if (!node) return undefined;
  const type = node['type'];
  const num = (k: string): number | undefined => (typeof node[k] === 'number' ? (node[k] as number) : undefined);
  if (type === 'integer' || type === 'number') {
    const noun = type === 'integer' ? 'an integer' : 'a number';
    let min = num('minimum');
    let max = num('maximum');
    const xmin = num('exclusiveMinimum');
    const xmax = num('exclusiveMaximum');
    if (max === Number.MAX_SAFE_INTEGER) max = undefined;
    if (min === -Number.MAX_SAFE_INTEGER) min = undefined;
    if (type === 'integer' && min === 1 && max === undefined) return 'a positive integer';
    const lo = min !== undefined ? { v: min, open: false } : xmin !== undefined ? { v: xmin, open: true } : undefined;
    const hi = max !== undefined ? { v: max, open: false } : xmax !== undefined ? { v: xmax, open: true } : undefined;
    if (lo && hi) return `${noun} in ${lo.open ? '(' : '['}${lo.v}, ${hi.v}${hi.open ? ')' : ']'}`;
    if (lo) return `${noun} ${lo.open ? '>' : '≥'} ${lo.v}`;
    if (hi) return `${noun} ${hi.open ? '<' : '≤'} ${hi.v}`;
    return noun;
  }
  if (type === 'string') return num('minLength') ? 'a non-empty string' : 'a string';
  if (type === 'boolean') return 'true or false';
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping';
  return undefined;
}
