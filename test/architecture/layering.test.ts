/**
 * The architecture as a test: every import in src/ (static, `export … from` and
 * dynamic `import()`), read with TypeScript's own parser, checked against the
 * layering of the pipeline
 *
 *   scenario → model (policies, phases) → engine → results → report, compare, stress → cli / index.ts
 *
 * - the model never imports the engine, the CLI, results, report, compare or stress;
 * - policies import only stats, other policies and *types* of the model (plus
 *   model/clock.ts's calendar arithmetic, the one value they share with the step);
 * - report never imports the engine or the step (it never simulates);
 * - results never import report; compare never imports report;
 * - the CLI loads the engine one way: only cli/io.ts imports engine/run.ts
 *   (the part commands, which simulate a block of shards rather than a run,
 *   load the shard runner through it too: docs/scale-out.md);
 * - nothing in src/ imports test code (the oracles live in test/oracles/);
 * - no import cycles between folders (value imports: a type-only import of a
 *   contract type, such as results/ naming the `Scenario` or report/ a stress
 *   result, is erased at run time and may point either way).
 * Appetite verdicts are a results/ concern (src/results/appetite.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.js';

const SRC = path.join(REPO_ROOT, 'src');

export interface Edge {
  /** importing file, relative to src/ */
  from: string;
  /** imported file, relative to src/ (may start with ../ for a file outside src/) */
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const f = path.join(dir, e);
    return statSync(f).isDirectory() ? sourceFiles(f) : f.endsWith('.ts') ? [f] : [];
  });
}

function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const out: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      // a variable specifier is resolved by its constant below (cli/io.ts's ENGINE_MODULE)
      if (arg && ts.isStringLiteral(arg)) out.push({ spec: arg.text, typeOnly: false });
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isStringLiteral(node.initializer) && /^\.\.?\//.test(node.initializer.text) && /\.js$/.test(node.initializer.text)) {
      out.push({ spec: node.initializer.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function srcEdges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    importsOf(file)
      .filter((i) => i.spec.startsWith('.'))
      .map((i) => ({
        from: path.relative(SRC, file),
        to: path.relative(SRC, path.resolve(path.dirname(file), i.spec)).replace(/\.js$/, '.ts'),
        typeOnly: i.typeOnly,
      })),
  );
}

/** The layer of a file: its top folder under src/ (root files by name). */
export function layer(file: string): string {
  const parts = file.split('/');
  return parts.length === 1 ? parts[0]!.replace(/\.ts$/, '') : parts[0]!;
}

const under = (file: string, ...dirs: string[]): boolean => dirs.some((d) => file === d || file.startsWith(`${d}/`));

interface Rule {
  name: string;
  applies: (from: string) => boolean;
  forbids: (e: Edge) => boolean;
}

const RULES: readonly Rule[] = [
  {
    name: 'the model never imports engine, cli, results, report, compare or stress',
    applies: (f) => under(f, 'model'),
    forbids: (e) => ['engine', 'cli', 'results', 'report', 'compare', 'stress', 'index'].includes(layer(e.to)),
  },
  {
    name: 'policies import only stats, other policies and model types',
    applies: (f) => under(f, 'model/policies'),
    forbids: (e) =>
      !under(e.to, 'model/policies', 'stats') && !(e.typeOnly && under(e.to, 'model', 'scenario')) && e.to !== 'model/clock.ts',
  },
  {
    name: 'report never imports the engine or the step',
    applies: (f) => layer(f) === 'report',
    forbids: (e) => layer(e.to) === 'engine' || layer(e.to) === 'cli' || (!e.typeOnly && under(e.to, 'model')),
  },
  {
    name: 'results never import report (nor cli, engine, compare, stress)',
    applies: (f) => layer(f) === 'results',
    forbids: (e) => ['report', 'cli', 'engine', 'compare', 'stress', 'index'].includes(layer(e.to)),
  },
  {
    name: 'compare never imports report, cli or engine',
    applies: (f) => layer(f) === 'compare',
    forbids: (e) => ['report', 'cli', 'engine', 'stress', 'index'].includes(layer(e.to)),
  },
  {
    name: 'the engine never imports cli, report, compare or stress',
    applies: (f) => layer(f) === 'engine',
    forbids: (e) => ['cli', 'report', 'compare', 'stress', 'index'].includes(layer(e.to)),
  },
  {
    name: 'scenario never imports the model, engine, cli, report, compare or stress',
    applies: (f) => layer(f) === 'scenario',
    forbids: (e) => ['model', 'engine', 'cli', 'report', 'compare', 'stress', 'index'].includes(layer(e.to)),
  },
  {
    name: 'the CLI loads the engine one way (cli/io.ts)',
    applies: (f) => under(f, 'cli') && f !== 'cli/io.ts',
    forbids: (e) => e.to === 'engine/run.ts' && !e.typeOnly,
  },
  {
    name: 'src never imports test code',
    applies: () => true,
    forbids: (e) => e.to.startsWith('..'),
  },
];

export function violations(edges: readonly Edge[]): string[] {
  return edges.flatMap((e) =>
    RULES.filter((r) => r.applies(e.from) && r.forbids(e)).map((r) => `${r.name}: ${e.from} imports ${e.to}`),
  );
}

/** Cycles between layers, each as "a → b → … → a" (Tarjan's strongly connected components). */
export function layerCycles(edges: readonly Edge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    const a = layer(e.from);
    const b = layer(e.to);
    if (a !== b && !e.typeOnly && !e.to.startsWith('..')) (graph.get(a) ?? graph.set(a, new Set()).get(a)!).add(b);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[] = [];
  const connect = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) {
        const witnesses = edges.filter(
          (e) => !e.typeOnly && component.includes(layer(e.from)) && component.includes(layer(e.to)) && layer(e.from) !== layer(e.to),
        );
        out.push(`${component.sort().join(' ↔ ')} (${witnesses.map((e) => `${e.from} → ${e.to}`).join(', ')})`);
      }
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return out;
}

describe('layering of src/', () => {
  const edges = srcEdges();

  it('reads the imports (static, re-exports, dynamic)', () => {
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual({ from: 'cli/io.ts', to: 'engine/run.ts', typeOnly: false });
    expect(edges.some((e) => e.from === 'cli/report.ts' && e.to === 'report/run-report.ts')).toBe(true);
  });

  it('keeps every rule', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('has no import cycles between folders', () => {
    expect(layerCycles(edges)).toEqual([]);
  });

  it('would catch a break (the rules can fail)', () => {
    const broken: Edge[] = [
      { from: 'model/phases/draws.ts', to: 'engine/streams.ts', typeOnly: true },
      { from: 'model/policies/credit.ts', to: 'model/borrower.ts', typeOnly: false },
      { from: 'report/run-report.ts', to: 'engine/run.ts', typeOnly: false },
      { from: 'results/summary.ts', to: 'report/figures.ts', typeOnly: false },
      { from: 'cli/stress.ts', to: 'engine/run.ts', typeOnly: false },
      { from: 'stats/normal.ts', to: '../test/oracles/ks.ts', typeOnly: false },
    ];
    expect(violations(broken).map((v) => v.split(':')[0])).toEqual([
      'the model never imports engine, cli, results, report, compare or stress',
      'policies import only stats, other policies and model types',
      'report never imports the engine or the step',
      'results never import report (nor cli, engine, compare, stress)',
      'the CLI loads the engine one way (cli/io.ts)',
      'src never imports test code',
    ]);
    expect(layerCycles([
      { from: 'compare/text.ts', to: 'report/figures.ts', typeOnly: false },
      { from: 'report/compare-report.ts', to: 'compare/format.ts', typeOnly: false },
    ])).toHaveLength(1);
    expect(layerCycles([
      { from: 'results/summary.ts', to: 'scenario/schema.ts', typeOnly: true },
      { from: 'scenario/rules.ts', to: 'results/registry.ts', typeOnly: false },
    ])).toEqual([]);
  });
});
