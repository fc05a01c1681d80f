/**
 * `npm run bench [-- --quick] [-- --out FILE]`: parse the flags, run the
 * benchmark (progress on stderr), print the table, write bench.json atomically.
 * Returns an exit code; only main.ts exits.
 */
import path from 'node:path';
import { formatJson, writeFileAtomic } from '../src/util/atomic-write.js';
import { runBenchmark } from './benchmark.js';
import { formatBench } from './table.js';

export const DEFAULT_OUT = 'reports/bench/bench.json';
/** --quick writes beside it, so a smoke test never replaces real figures that scripts read. */
export const DEFAULT_QUICK_OUT = 'reports/bench/bench-quick.json';

const USAGE = `usage: npm run bench [-- --quick] [-- --out FILE] [-- --workers N]
  --quick      a tiny run that only proves the benchmark works (CI); judges nothing
  --out FILE   where to write the JSON (default ${DEFAULT_OUT}; with --quick ${DEFAULT_QUICK_OUT})
  --workers N  workers for the "all cores" figures (default: one per core)`;

export interface BenchIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

interface BenchFlags {
  quick: boolean;
  out?: string;
  workers?: number;
}

function parseFlags(argv: readonly string[]): BenchFlags | string {
  const flags: BenchFlags = { quick: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quick') flags.quick = true;
    else if (a === '--out' || a === '--workers') {
      const v = argv[++i];
      if (v === undefined) return `${a} needs a value`;
      if (a === '--out') flags.out = v;
      else {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) return `--workers must be a positive integer, got ${v}`;
        flags.workers = n;
      }
    } else return a === '--help' || a === '-h' ? '' : `unknown option ${a}`;
  }
  return flags;
}

export async function benchCli(argv: readonly string[], io: BenchIo): Promise<number> {
  const flags = parseFlags(argv);
  if (typeof flags === 'string') {
    if (flags !== '') io.stderr(`${flags}\n`);
    io.stderr(`${USAGE}\n`);
    return flags === '' ? 0 : 2;
  }
  const result = await runBenchmark({
    quick: flags.quick,
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    onProgress: (m) => io.stderr(`bench: ${m}\n`),
  });
  const out = path.resolve(io.cwd, flags.out ?? (flags.quick ? DEFAULT_QUICK_OUT : DEFAULT_OUT));
  await writeFileAtomic(out, () => formatJson(result));
  io.stdout(`${formatBench(result)}\n\nwrote ${path.relative(io.cwd, out) || out}\n`);
  return 0;
}
