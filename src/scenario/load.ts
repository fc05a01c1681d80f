/**
 * Loading a scenario file: YAML (or JSON), following `extends` to its parents
 * and deep-merging each parent under its child. Records where every field came
 * from, so later errors can name the file, line and column.
 *
 * Merge rule: objects merge key by key; arrays and scalars in the child
 * replace the parent's.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { messages } from '../messages.js';
import { isPlainObject, setOwn } from '../util/plain-object.js';
import { type Position, ScenarioError, type ScenarioIssue } from './errors.js';
import { SourceMap } from './source-map.js';
import { readYamlFile, yamlSyntaxError } from './yaml-file.js';

export interface LoadedScenario {
  /** the merged scenario, without `extends`, not yet validated */
  value: Record<string, unknown>;
  sources: SourceMap;
  /** the root file as shown to the user */
  file: string;
}

/** The root file and its `extends` chain, merged. Throws ScenarioError. */
export async function loadScenarioFile(file: string, cwd = process.cwd()): Promise<LoadedScenario> {
  const abs = path.resolve(cwd, file);
  const loaded = await loadChain(abs, [], cwd);
  return { ...loaded, file: displayPath(abs, cwd) };
}

/** A path relative to the working directory when it lies inside it. */
export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** Deep merge, parent under child: objects merge key by key, anything else in the child replaces. */
export function mergeUnder(parent: unknown, child: unknown): unknown {
  if (!isPlainObject(parent) || !isPlainObject(child)) return child;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(parent)) setOwn(out, k, parent[k]);
  for (const k of Object.keys(child)) {
    setOwn(out, k, Object.prototype.hasOwnProperty.call(parent, k) ? mergeUnder(parent[k], child[k]) : child[k]);
  }
  return out;
}

interface Chain {
  value: Record<string, unknown>;
  sources: SourceMap;
}

async function loadChain(abs: string, stack: readonly string[], cwd: string): Promise<Chain> {
  const shown = displayPath(abs, cwd);
  const parsed = await parseFile(abs, shown);
  const { value, sources } = parsed;
  if (!Object.prototype.hasOwnProperty.call(value, 'extends')) return { value, sources };

  const ext = value['extends'];
  const at = (message: string): ScenarioIssue => {
    const loc = sources.locate(['extends']);
    return { file: shown, path: ['extends'], message, ...(loc.position ? { position: loc.position } : {}) };
  };
  if (typeof ext !== 'string' || ext.trim() === '') throw new ScenarioError([at(messages.extendsNotString(ext))]);

  const parentAbs = path.resolve(path.dirname(abs), ext);
  const here = await realpath(abs).catch(() => abs);
  const parentReal = await realpath(parentAbs).catch(() => parentAbs);
  const chain = [...stack, here];
  const seen = chain.indexOf(parentReal);
  if (seen >= 0) {
    const cycle = [...chain.slice(seen), parentReal].map((f) => displayPath(f, cwd));
    throw new ScenarioError([at(messages.extendsCycle(cycle))]);
  }

  let parent: Chain;
  try {
    parent = await loadChain(parentAbs, chain, cwd);
  } catch (e) {
    // A parent that cannot be read is reported at the `extends` line; errors inside it stand as they are.
    if (e instanceof ScenarioError && e.issues.length === 1 && e.issues[0]!.path.length === 0 && !e.issues[0]!.position) {
      throw new ScenarioError([at(messages.extendsUnreadable(ext, e.issues[0]!.message))]);
    }
    throw e;
  }

  const child: Record<string, unknown> = {};
  for (const k of Object.keys(value)) if (k !== 'extends') setOwn(child, k, value[k]);
  sources.deleteSubtree(['extends']);
  const merged = mergeUnder(parent.value, child) as Record<string, unknown>;
  return { value: merged, sources: SourceMap.merge(merged, parent.sources, sources) };
}

async function parseFile(abs: string, shown: string): Promise<Chain> {
  const { text, doc, pos, fail } = await readYamlFile(abs, shown);
  const sources = new SourceMap(shown);

  let value: unknown;
  if (doc.errors.length > 0) {
    // JSON is YAML, but a few JSON files (tabs for indentation, for one) are not valid YAML.
    if (abs.toLowerCase().endsWith('.json')) {
      try {
        value = JSON.parse(text);
      } catch (e) {
        return fail(messages.jsonSyntax((e as Error).message));
      }
      recordPlain(value, [], sources, shown);
    } else {
      throw yamlSyntaxError({ text, doc, pos, fail }, shown);
    }
  } else {
    value = doc.toJS({ maxAliasCount: 1000 });
    recordNodes(doc.contents, [], sources, shown, pos, undefined);
  }

  if (value === null || value === undefined) return fail(messages.fileEmpty());
  if (!isPlainObject(value)) return fail(messages.topLevelNotMapping(value), pos(doc.contents?.range?.[0]));
  return { value, sources };
}

function recordNodes(
  node: unknown,
  fieldPath: (string | number)[],
  sources: SourceMap,
  file: string,
  pos: (offset: number | undefined) => Position | undefined,
  keyNode: unknown,
): void {
  const valuePos = pos((node as YamlNode | null)?.range?.[0]);
  const keyPos = pos((keyNode as YamlNode | null | undefined)?.range?.[0]);
  sources.set(fieldPath, { file, ...(valuePos ? { value: valuePos } : {}), ...(keyPos ? { key: keyPos } : {}) });
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      recordNodes(pair.value, [...fieldPath, key], sources, file, pos, pair.key);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => recordNodes(item, [...fieldPath, i], sources, file, pos, undefined));
  }
}

/** Origins without positions, for a file parsed by JSON.parse. */
function recordPlain(value: unknown, fieldPath: (string | number)[], sources: SourceMap, file: string): void {
  sources.set(fieldPath, { file });
  if (Array.isArray(value)) value.forEach((v, i) => recordPlain(v, [...fieldPath, i], sources, file));
  else if (isPlainObject(value)) for (const k of Object.keys(value)) recordPlain(value[k], [...fieldPath, k], sources, file);
}
