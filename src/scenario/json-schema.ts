/**
 * The published JSON Schema of a scenario file (`limitlab schema`): generated
 * from the zod schema, plus what a file may have that a resolved scenario has
 * not (`extends`), the field descriptions, and the headline figure names that
 * `report.appetite` accepts.
 */
import { z } from 'zod';
import { HEADLINE_FIGURES } from '../results/figure-names.js';
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
  if (appetite) appetite['propertyNames'] = { enum: [...HEADLINE_FIGURES] };
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
