/**
 * The generated parts of the docs, from the definitions they describe:
 * - docs/scenarios.md: each field table (between `<!-- fields: KEYS -->` and
 *   `<!-- /fields -->`, KEYS the top-level fields the table covers) from the
 *   scenario's JSON Schema and its descriptions (src/scenario/descriptions.ts),
 *   and the list of figures `report.appetite` accepts, from the figure registry;
 * - docs/summary.md: the field table of summary.json from its zod definition
 *   (src/results/summary-schema.ts) and the headline figure table from the
 *   registry.
 *
 *   npm run docs          rewrite the generated sections in place
 *
 * test/docs/generated.test.ts fails when a checked-in doc differs from what this
 * writes, or when a scenario field is in no table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIGURES, FIGURE_NAMES, PATH_FIGURES, SEGMENT_FIGURES } from '../src/results/registry.js';
import { summaryJsonSchema } from '../src/results/summary-schema.js';
import { FIELD_DESCRIPTIONS } from '../src/scenario/descriptions.js';
import { expectedText, fieldPatterns, type JsonSchema, scenarioJsonSchema, subschemaAt } from '../src/scenario/json-schema.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Node = JsonSchema;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const props = (n: Node): Record<string, Node> => (isNode(n['properties']) ? (n['properties'] as Record<string, Node>) : {});
const required = (n: Node): string[] => (Array.isArray(n['required']) ? (n['required'] as string[]) : []);

/** Markdown table text: pipes escaped; placeholders (`reports/<name>/`) and YAML snippets (`{ max }`) as code. */
function md(text: string): string {
  return text
    .replace(/\|/g, '\\|')
    .replace(/[\w./-]*<\w+>[\w/-]*|\{ \w+ \}/g, (code) => `\`${code}\``);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ---- docs/scenarios.md ------------------------------------------------------

function patternPath(pattern: string): (string | number)[] {
  return pattern.split('.').flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), 0] : [part]));
}

function isOptional(root: Node, pattern: string): boolean {
  const parts = pattern.split('.');
  const last = parts.pop()!;
  if (last.endsWith('[]')) return false;
  const parent = parts.length === 0 ? root : subschemaAt(root, patternPath(parts.join('.')));
  return parent !== undefined && !required(parent).includes(last);
}

/** The field table of the given top-level fields. */
export function scenarioFieldTable(keys: readonly string[]): string {
  const root = scenarioJsonSchema();
  const rows = fieldPatterns(root)
    .filter((p) => keys.includes(p.split(/[.[]/)[0]!))
    .map((p) => {
      const node = subschemaAt(root, patternPath(p));
      const type = `${expectedText(node) ?? 'a value'}${isOptional(root, p) ? ' (optional)' : ''}`;
      return [`\`${p}\``, type, md(FIELD_DESCRIPTIONS[p] ?? '')];
    });
  return table(['field', 'type / range', 'meaning'], rows);
}

export function appetiteFigureList(): string {
  const names = FIGURE_NAMES.map((n) => `\`${n}\``);
  // wrapped at ~80 columns, as the hand-written text was
  const lines: string[] = [];
  let line = 'Headline figure names accepted in `report.appetite`:';
  for (const [i, n] of names.entries()) {
    const word = `${n}${i === names.length - 1 ? '.' : ','}`;
    if (line.length + 1 + word.length > 80) {
      lines.push(line);
      line = word;
    } else line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

// ---- docs/summary.md --------------------------------------------------------

const isStat = (n: Node): boolean => ['mean', 'se', 'ci95', 'n'].every((k) => k in props(n));
const isBand = (n: Node): boolean => Object.keys(props(n)).join() === 'mean,p05,p95' && props(n)['mean']!['type'] === 'array';

function typeText(n: Node): string {
  if (isStat(n)) return 'Stat';
  if (isBand(n)) return 'Band';
  if (Array.isArray(n['anyOf'])) return (n['anyOf'] as Node[]).map(typeText).join(' or ');
  if ('const' in n) return `\`${JSON.stringify(n['const'])}\``;
  const t = n['type'];
  const one = (x: unknown): string =>
    x === 'array'
      ? Array.isArray(n['prefixItems'])
        ? `[${(n['prefixItems'] as Node[]).map(typeText).join(', ')}]`
        : `list of ${isNode(n['items']) ? typeText(n['items'] as Node) : 'values'}`
      : x === 'object'
        ? 'object'
        : x === 'integer'
          ? 'integer'
          : String(x);
  return Array.isArray(t) ? t.map(one).join(' or ') : one(t);
}

/** Rows of the summary field table; figure maps and the scenario are one row each. */
function summaryRows(node: Node, prefix: string, out: string[][]): void {
  for (const [key, child] of Object.entries(props(node))) {
    const p = prefix === '' ? key : `${prefix}.${key}`;
    const description = typeof child['description'] === 'string' ? (child['description'] as string) : '';
    if (p === 'headline' || p === 'perPath' || p.endsWith('[].headline')) {
      const which = p === 'perPath' ? 'figure with per-path values' : p === 'headline' ? 'headline figure' : 'segment figure';
      out.push([`\`${p}.<figure>\``, p === 'perPath' ? 'list of number or null' : 'Stat', `${md(description)} One entry per ${which} (see "Headline figures").`]);
      continue;
    }
    if (p === 'manifest.scenario') {
      out.push([`\`${p}\``, 'object', `${md(description)}; fields as in [scenarios.md](scenarios.md).`]);
      continue;
    }
    // An object keyed by cause or outcome, every value alike: one row for the keys, then the value's fields once.
    const children = Object.values(props(child));
    const keys = Object.keys(props(child));
    const same = children.every((c) => JSON.stringify(c) === JSON.stringify(children[0]));
    if (keys.length >= 4 && same) {
      const value = children[0]!;
      out.push([`\`${p}.<key>\``, typeText(value), `${md(description)}; keys ${keys.map((k) => `\`${k}\``).join(', ')}.`]);
      if (value['type'] === 'object' && !isStat(value) && !isBand(value)) summaryRows(value, `${p}.<key>`, out);
      continue;
    }
    const items = isNode(child['items']) ? (child['items'] as Node) : undefined;
    out.push([`\`${p}\``, typeText(child), md(description)]);
    if (isStat(child) || isBand(child)) continue;
    if (child['type'] === 'object') summaryRows(child, p, out);
    else if (items && items['type'] === 'object' && !isStat(items)) summaryRows(items, `${p}[]`, out);
  }
}

export function summaryFieldTable(): string {
  const rows: string[][] = [];
  summaryRows(summaryJsonSchema(), '', rows);
  return table(['field', 'type', 'meaning'], rows);
}

export function headlineFigureTable(): string {
  const rows = FIGURE_NAMES.map((n) => {
    const f = FIGURES[n];
    const where = [
      (PATH_FIGURES as readonly string[]).includes(n) ? 'per path' : '',
      (SEGMENT_FIGURES as readonly string[]).includes(n) ? 'per segment' : '',
    ].filter(Boolean).join(', ');
    return [`\`${n}\``, md(f.label), md(f.unit), f.horizon === 'annualised' ? 'annualised' : 'over the horizon', f.kind, where];
  });
  return table(['figure', 'label', 'unit', 'horizon', 'kind', 'also'], rows);
}

// ---- markers ----------------------------------------------------------------

const BLOCK = /<!-- (fields: [a-zA-Z, ]+|appetite-figures|summary-fields|headline-figures) -->\n[\s\S]*?\n<!-- \/[a-z-]+ -->/g;

function blockContent(marker: string): string {
  if (marker.startsWith('fields: ')) return scenarioFieldTable(marker.slice('fields: '.length).split(',').map((k) => k.trim()));
  if (marker === 'appetite-figures') return appetiteFigureList();
  if (marker === 'summary-fields') return summaryFieldTable();
  return headlineFigureTable();
}

/** `text` with every generated block rewritten. */
export function regenerate(text: string): string {
  return text.replace(BLOCK, (_, marker: string) => {
    const end = marker.startsWith('fields: ') ? 'fields' : marker;
    return `<!-- ${marker} -->\n${blockContent(marker)}\n<!-- /${end} -->`;
  });
}

/** The top-level scenario fields the tables of `text` cover. */
export function coveredFields(text: string): string[] {
  return [...text.matchAll(/<!-- fields: ([a-zA-Z, ]+) -->/g)].flatMap((m) => m[1]!.split(',').map((k) => k.trim()));
}

export const GENERATED_DOCS = ['docs/scenarios.md', 'docs/summary.md'] as const;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const doc of GENERATED_DOCS) {
    const file = path.join(REPO_ROOT, doc);
    const before = readFileSync(file, 'utf8');
    const after = regenerate(before);
    if (after !== before) writeFileSync(file, after);
    process.stdout.write(`${doc}: ${after === before ? 'current' : 'rewritten'}\n`);
  }
}
