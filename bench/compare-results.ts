/**
 * Compare two outputs of bench/same-results.ts figure by figure, ignoring what
 * a change is allowed to add: fields absent from BEFORE (new figures, new
 * freeze causes, new scenario fields) and the scenario's hash, which changes
 * whenever the resolved scenario gains a field. Every value present in both
 * must be identical, bit for bit; the first differences are printed.
 *
 *   npx tsx bench/compare-results.ts /tmp/before.json /tmp/after.json
 */
import { readFileSync } from 'node:fs';

function parts(file: string): unknown[] {
  // same-results writes one pretty-printed summary after another
  return readFileSync(file, 'utf8')
    .split(/\n(?=\{)/)
    .filter((t) => t.trim() !== '')
    .map((t) => JSON.parse(t) as unknown);
}

const diffs: string[] = [];
let compared = 0;
function walk(before: unknown, after: unknown, path: string): void {
  if (path.endsWith('.manifest.scenarioHash')) return;
  if (before !== null && typeof before === 'object') {
    if (after === null || typeof after !== 'object' || Array.isArray(before) !== Array.isArray(after)) {
      diffs.push(`${path}: shape differs`);
      return;
    }
    if (Array.isArray(before) && before.length !== (after as unknown[]).length) diffs.push(`${path}: length ${before.length} → ${(after as unknown[]).length}`);
    for (const [k, v] of Object.entries(before)) walk(v, (after as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  compared++;
  if (!Object.is(before, after)) diffs.push(`${path}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
}

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  process.stderr.write('usage: npx tsx bench/compare-results.ts BEFORE.json AFTER.json\n');
  process.exitCode = 2;
} else {
  const b = parts(beforeFile);
  const a = parts(afterFile);
  if (a.length < b.length) diffs.push(`runs: ${b.length} → ${a.length}`);
  else if (a.length > b.length) process.stdout.write(`${a.length - b.length} runs added after the ${b.length} compared\n`);
  b.forEach((run, i) => walk(run, a[i], `run${i}`));
  process.stdout.write(`${compared} values compared, ${diffs.length} differ\n`);
  for (const d of diffs.slice(0, 20)) process.stdout.write(`  ${d}\n`);
  if (diffs.length > 0) process.exitCode = 1;
}
