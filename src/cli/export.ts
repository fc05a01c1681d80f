/**
 * `limitlab export SUMMARY.json --csv DIR`: the summary's per-path figures,
 * time series, headline and segment tables as CSV files in DIR (docs/summary.md).
 *
 *   read + check summary.json → build the tables → write each file atomically → print DIR
 */
import path from 'node:path';
import type { Command } from 'commander';
import { messages } from '../messages.js';
import { summaryCsv } from '../results/csv.js';
import { displayPath } from '../scenario/load.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { readSummaryArgument } from './report.js';

export interface ExportFlags {
  csv: string;
}

export async function exportCommand(file: string, flags: ExportFlags, io: Pick<CliIo, 'stdout' | 'stderr' | 'cwd'>): Promise<number> {
  const read = await readSummaryArgument(file, io);
  if ('code' in read) return read.code;
  const tables = summaryCsv(read.summary);
  const dir = path.resolve(io.cwd, flags.csv);
  for (const [name, text] of Object.entries(tables)) {
    const target = path.join(dir, name);
    try {
      await writeFileAtomic(target, text);
    } catch (e) {
      io.stderr.write(`${messages.writeFailed(displayPath(target, io.cwd), e instanceof Error ? e.message : String(e))}\n`);
      return ExitCode.failure;
    }
  }
  io.stdout.write(`csv: ${displayPath(dir, io.cwd)}/ (${Object.keys(tables).join(', ')})\n`);
  return ExitCode.ok;
}

export function registerExport(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('export')
    .description('write a summary.json\'s per-path figures, time series and headline as CSV files')
    .argument('<summary>', 'summary.json written by limitlab run')
    .requiredOption('--csv <dir>', 'folder to write per-path.csv, time-series.csv, headline.csv and segments.csv into')
    .action(async (file: string, flags: ExportFlags) => done(await exportCommand(file, flags, io)));
}
