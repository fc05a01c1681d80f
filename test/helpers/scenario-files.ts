/** Scenario files for tests, in a fresh temporary folder; the repo's baseline is the usual parent. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './repo.js';

export const BASELINE_FILE = path.join(REPO_ROOT, 'scenarios/baseline.yaml');
export const BASELINE_TEXT = readFileSync(BASELINE_FILE, 'utf8');

export interface TmpScenarios {
  dir: string;
  /** write files (relative name → content) and return the absolute path of the first */
  write(files: Record<string, string>): string;
  path(name: string): string;
  cleanup(): void;
}

/** A temporary folder holding `base.yaml`, a copy of the repo's baseline. */
export function tmpScenarios(): TmpScenarios {
  const dir = mkdtempSync(path.join(tmpdir(), 'limitlab-test-'));
  writeFileSync(path.join(dir, 'base.yaml'), BASELINE_TEXT);
  return {
    dir,
    write(files) {
      let first: string | undefined;
      for (const [name, text] of Object.entries(files)) {
        const file = path.join(dir, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
        first ??= file;
      }
      return first!;
    },
    path: (name) => path.join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
