/**
 * Reading a YAML (or JSON) file for the user: a missing, unreadable or
 * mis-typed file is a ScenarioError naming the file, and syntax errors carry
 * their line and column. A `.json` file must be strict JSON. Scenario files
 * and stress suite files both come in through here.
 */
import { readFile } from 'node:fs/promises';
import { type Document, LineCounter, parseDocument } from 'yaml';
import { messages } from '../messages.js';
import { type Position, ScenarioError } from './errors.js';

export interface YamlFile {
  text: string;
  doc: Document;
  /** line and column of an offset into the text */
  pos: (offset: number | undefined) => Position | undefined;
  /** throw a ScenarioError about the whole file */
  fail: (message: string, position?: Position) => never;
}

export async function readYamlFile(abs: string, shown: string): Promise<YamlFile> {
  const fail = (message: string, position?: Position): never => {
    throw new ScenarioError([{ file: shown, path: [], message, ...(position ? { position } : {}) }]);
  };
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(messages.fileNotFound());
    if (code === 'EISDIR') return fail(messages.fileIsDirectory());
    return fail(messages.fileUnreadable((e as Error).message));
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // A .json file must be JSON: YAML would accept a trailing comma or a comment that every other JSON reader rejects.
  if (abs.toLowerCase().endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message);
      const position = at ? pos(Number(at[1])) : undefined;
      return fail(messages.jsonSyntax((e as Error).message), position);
    }
  }
  return { text, doc, pos, fail };
}

/** Every YAML syntax error of the file, with its position. */
export function yamlSyntaxError(file: YamlFile, shown: string): ScenarioError {
  return new ScenarioError(
    file.doc.errors.map((err) => {
      const position = file.pos(err.pos[0]);
      return { file: shown, path: [], message: messages.yamlSyntax(err.message), ...(position ? { position } : {}) };
    }),
  );
}
