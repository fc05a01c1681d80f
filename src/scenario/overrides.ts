/**
 * Overrides (`--set path=value`, and the `run` command's `--seed`, `--paths`,
 * `--borrowers`), applied after `extends`.
 *
 * The path is dotted, numbers index lists (`segments.0.correlation`); the value
 * is read as YAML (`true`, `0.5`, `[]`, `{ max: 0.02 }`, or else a string). Every
 * step of the path must exist, except a mapping the schema knows (such as
 * `report`) and the last key of a mapping: a key the schema does not know is
 * then rejected by validation, which names the override. So a typo is never
 * silently ignored.
 */
import { parse as parseYaml } from 'yaml';
import { messages } from '../messages.js';
import { isPlainObject, setOwn } from '../util/plain-object.js';
import { closest } from '../util/suggest.js';
import type { FieldPath } from './field-path.js';
import { knownKeys, scenarioJsonSchema, subschemaAt } from './json-schema.js';
import type { RuleIssue } from './rules.js';
import type { SourceMap } from './source-map.js';

export interface Override {
  /** dotted path as written */
  path: string;
  /** the value as written, before YAML parsing */
  value: string;
  /** how the user wrote it, for messages: `--set run.paths=10`, `--paths 10` */
  source: string;
}

/** `--set` text to an Override; undefined when it has no `=`. */
export function parseSetOption(text: string): Override | undefined {
  const eq = text.indexOf('=');
  if (eq < 0) return undefined;
  return { path: text.slice(0, eq).trim(), value: text.slice(eq + 1), source: `--set ${text}` };
}

/** A value as YAML reads it; block mappings (`a: b`) only when written as flow (`{a: b}`). */
export function parseOverrideValue(text: string): unknown {
  const trimmed = text.trim();
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch {
    return text;
  }
  if (typeof value === 'object' && value !== null && !trimmed.startsWith('[') && !trimmed.startsWith('{')) return text;
  return value;
}

export interface OverrideProblem extends RuleIssue {
  source: string;
}

/**
 * Apply overrides in order to `scenario` (mutated) and record them in
 * `sources`. Returns the problems of overrides that could not be applied.
 */
export function applyOverrides(
  scenario: Record<string, unknown>,
  overrides: readonly Override[],
  sources: SourceMap,
): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  for (const o of overrides) {
    const problem = applyOne(scenario, o);
    if (problem) {
      problems.push({ ...problem, source: o.source });
      continue;
    }
    const path = resolvedPath(scenario, o.path);
    sources.deleteSubtree(path);
    sources.set(path, { file: sources.rootFile, via: o.source });
  }
  return problems;
}

function applyOne(scenario: Record<string, unknown>, o: Override): RuleIssue | undefined {
  const parts = o.path.split('.');
  if (o.path === '' || parts.some((p) => p.trim() === '')) return { path: [], message: messages.overrideEmptyPath() };
  const value = parseOverrideValue(o.value);
  let container: unknown = scenario;
  const walked: (string | number)[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    if (Array.isArray(container)) {
      if (!/^\d+$/.test(part)) return { path: walked, message: messages.overrideIndexNotNumber(part) };
      const index = Number(part);
      if (index >= container.length) return { path: walked, message: messages.overrideIndexOutOfRange(part, container.length) };
      walked.push(index);
      if (last) container[index] = value;
      else container = container[index];
    } else if (isPlainObject(container)) {
      const has = Object.prototype.hasOwnProperty.call(container, part);
      if (last) {
        setOwn(container, part, value);
        return undefined;
      }
      if (!has) {
        // A mapping the schema has but the scenario left out (e.g. report) may be created.
        const schema = subschemaAt(scenarioJsonSchema(), [...walked, part]);
        if (schema?.['type'] !== 'object') {
          const known = knownKeys(subschemaAt(scenarioJsonSchema(), walked));
          return { path: [...walked, part], message: messages.overrideMissingPath(closest(part, known)) };
        }
        setOwn(container, part, {});
      }
      walked.push(part);
      container = container[part];
    } else {
      return { path: walked, message: messages.overrideNotContainer(container) };
    }
  }
  return undefined;
}

/** The path of an applied override, with list indices as numbers. */
function resolvedPath(scenario: unknown, dotted: string): FieldPath {
  const out: (string | number)[] = [];
  let cur = scenario;
  for (const part of dotted.split('.')) {
    if (Array.isArray(cur)) {
      out.push(Number(part));
      cur = cur[Number(part)];
    } else {
      out.push(part);
      cur = isPlainObject(cur) ? cur[part] : undefined;
    }
  }
  return out;
}
