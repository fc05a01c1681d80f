/**
 * The published JSON Schema of a stress suite file (`limitlab schema --suite`),
 * from the suite's zod definition (./suite-schema.ts), with descriptions for
 * editors and the headline figure names an appetite may use.
 */
import { z } from 'zod';
import { FIGURE_NAMES } from '../results/registry.js';
import { isPlainObject } from '../util/plain-object.js';
import { suiteSchema } from './suite-schema.js';

type JsonSchema = { [key: string]: unknown };

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  name: 'Name of the suite; names its run folders and history.',
  description: 'Free text shown in the stress report.',
  run: 'Sizes for every scenario of the suite; --paths and --borrowers override them.',
  'run.paths': 'Paths of every scenario.',
  'run.borrowersPerPath': 'Borrowers per path of every scenario.',
  'run.shardSize': 'Borrowers per unit of work sent to a worker.',
  appetite: 'Limits for every scenario, by headline figure: a number is a maximum, { min } a minimum, { max } a maximum. They override each scenario\'s own report.appetite figure by figure.',
  scenarios: 'The scenarios to run, in report order.',
  'scenarios[]': 'One scenario of the suite.',
  'scenarios[].file': 'The scenario file, relative to the suite file.',
  'scenarios[].appetite': 'Limits for this scenario only; they override the suite\'s.',
};

export function suiteJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(suiteSchema) as JsonSchema;
  const walk = (node: JsonSchema, pattern: string): void => {
    const props = isPlainObject(node['properties']) ? (node['properties'] as JsonSchema) : undefined;
    for (const [key, child] of Object.entries(props ?? {})) {
      if (!isPlainObject(child)) continue;
      const p = pattern === '' ? key : `${pattern}.${key}`;
      walk(child, p);
      if (key === 'appetite') child['propertyNames'] = { enum: [...FIGURE_NAMES] };
      if (DESCRIPTIONS[p]) props![key] = { description: DESCRIPTIONS[p], ...child };
    }
    if (isPlainObject(node['items'])) {
      const items = node['items'] as JsonSchema;
      walk(items, `${pattern}[]`);
      if (DESCRIPTIONS[`${pattern}[]`]) node['items'] = { description: DESCRIPTIONS[`${pattern}[]`], ...items };
    }
  };
  walk(schema, '');
  return { $schema: schema['$schema'], title: 'limitlab stress suite', ...schema };
}
