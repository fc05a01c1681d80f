/** bench/bench.yaml, found from this module whether it runs from bench/ (tsx) or dist/bench/ (compiled). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function benchScenarioFile(): string {
  for (const rel of ['./bench.yaml', '../../bench/bench.yaml']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error('bench/bench.yaml not found next to the benchmark');
}
