/**
 * `limitlab report FILE.json [--out FILE]`: rebuild the HTML report (and the
 * chart SVGs beside it, in charts/) from a run's summary.json, a
 * comparison.json or a sweep.json alone, so a report can be regenerated,
 * restyled or re-sent without re-simulating. The file's content says which
 * (src/cli/summary-inputs.ts).
 *
 *   read + check the file (its schema) → build the page → write FILE and charts/*.svg → print FILE
 */
import path from 'node:path';
import type { Command } from 'commander';
import { comparisonProblem, sweepProblem } from '../compare/file-schema.js';
import type { Comparison, Sweep } from '../compare/types.js';
import { messages, summaryMessages } from '../messages.js';
import { SummaryFileError, readSummaryFile } from '../report/summary-file.js';
import type { Summary } from '../results/types.js';
import { displayPath } from '../scenario/load.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { readInput } from './summary-inputs.js';

export interface ReportFlags {
  out?: string;
}

export const REPORT_FILE = 'report.html';

/**
 * A summary.json named on the command line, read and checked; on bad input the
 * message is printed and the exit code returned instead (export uses it too).
 */
export async function readSummaryArgument(
  file: string,
  io: Pick<CliIo, 'stderr' | 'cwd'>,
): Promise<{ summary: Summary; summaryPath: string } | { code: number }> {
  const summaryPath = path.resolve(io.cwd, file);
  try {
    return { summary: await readSummaryFile(summaryPath, displayPath(summaryPath, io.cwd)), summaryPath };
  } catch (e) {
    if (!(e instanceof SummaryFileError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return { code: ExitCode.badInput };
  }
}

/**
 * A comparison.json or sweep.json named on the command line (already parsed),
 * checked; on bad input the message is printed and the exit code returned instead.
 */
function checkResultArgument(
  file: string,
  kind: 'comparison' | 'sweep',
  value: unknown,
  io: Pick<CliIo, 'stderr' | 'cwd'>,
): { value: Comparison | Sweep } | { code: number } {
  const shown = displayPath(path.resolve(io.cwd, file), io.cwd);
  const problem = kind === 'comparison' ? comparisonProblem(value) : sweepProblem(value);
  if (problem === null) return { value: value as Comparison | Sweep };
  io.stderr.write(`${kind === 'comparison' ? summaryMessages.notComparison(shown, problem) : summaryMessages.notSweep(shown, problem)}\n`);
  return { code: ExitCode.badInput };
}

export async function reportCommand(file: string, flags: ReportFlags, io: Pick<CliIo, 'stdout' | 'stderr' | 'cwd'>): Promise<number> {
  // What was given decides the report: a run's summary, a comparison or a sweep (by content, not by name).
  // (read once: a comparison.json can be large, and its parsed value is what is checked)
  const input = await readInput(path.resolve(io.cwd, file));
  if (input.kind === 'comparison' || input.kind === 'sweep') {
    const read = checkResultArgument(file, input.kind, input.value, io);
    if ('code' in read) return read.code;
    const value = read.value;
    return writeHtml(file, flags, io, async (target) => {
      // Loaded here, not at startup: the reports bring Vega.
      const { writeReportFiles } = await import('../report/write-files.js');
      if (value.kind === 'comparison') {
        const { buildCompareReport } = await import('../report/compare-report.js');
        return writeReportFiles(await buildCompareReport(value), target);
      }
      const { buildSweepReport } = await import('../report/sweep-report.js');
      return writeReportFiles(await buildSweepReport(value), target);
    });
  }

  const read = await readSummaryArgument(file, io);
  if ('code' in read) return read.code;
  const { summary } = read;
  return writeHtml(file, flags, io, async (target) => {
    // Loaded here, not at startup: the report brings Vega, which other commands should not pay for.
    const { writeReport } = await import('../report/run-report.js');
    return writeReport(summary, target);
  });
}

/** The report beside `file` (or at --out) and its charts/ beside the page; prints both. */
async function writeHtml(
  file: string,
  flags: ReportFlags,
  io: Pick<CliIo, 'stdout' | 'stderr' | 'cwd'>,
  write: (target: { htmlFile: string; chartsDir: string }) => Promise<{ svgs: string[] }>,
): Promise<number> {
  const htmlFile = path.resolve(io.cwd, flags.out ?? path.join(path.dirname(path.resolve(io.cwd, file)), REPORT_FILE));
  const chartsDir = path.join(path.dirname(htmlFile), 'charts');
  const shown = displayPath(htmlFile, io.cwd);
  try {
    const written = await write({ htmlFile, chartsDir });
    io.stdout.write(`charts: ${displayPath(chartsDir, io.cwd)}/ (${written.svgs.length} SVG)\n`);
  } catch (e) {
    io.stderr.write(`${messages.writeFailed(shown, e instanceof Error ? e.message : String(e))}\n`);
    return ExitCode.failure;
  }
  io.stdout.write(`report: ${shown}\n`);
  return ExitCode.ok;
}

export function registerReport(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('report')
    .description('rebuild the HTML report (and charts/*.svg) from a run\'s summary.json, a comparison.json or a sweep.json')
    .argument('<file>', 'summary.json (limitlab run or merge), comparison.json (compare) or sweep.json (sweep); told apart by content')
    .option('-o, --out <file>', `HTML file to write (default: ${REPORT_FILE} beside the file read)`)
    .action(async (file: string, flags: ReportFlags) => done(await reportCommand(file, flags, io)));
}
