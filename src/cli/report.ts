/**
 * `limitlab report SUMMARY.json [--out FILE]`: rebuild the HTML report (and the
 * chart SVGs beside it, in charts/) from a run's summary.json alone, so a report
 * can be regenerated, restyled or re-sent without re-simulating.
 *
 *   read + check summary.json → build the page → write FILE and charts/*.svg → print FILE
 */
import path from 'node:path';
import type { Command } from 'commander';
import { messages } from '../messages.js';
import { SummaryFileError, readSummaryFile } from '../report/summary-file.js';
import type { Summary } from '../results/types.js';
import { displayPath } from '../scenario/load.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

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

export async function reportCommand(file: string, flags: ReportFlags, io: Pick<CliIo, 'stdout' | 'stderr' | 'cwd'>): Promise<number> {
  const read = await readSummaryArgument(file, io);
  if ('code' in read) return read.code;
  const { summary, summaryPath } = read;

  const htmlFile = path.resolve(io.cwd, flags.out ?? path.join(path.dirname(summaryPath), REPORT_FILE));
  const shown = displayPath(htmlFile, io.cwd);
  try {
    // Loaded here, not at startup: the report brings Vega, which other commands should not pay for.
    const { writeReport } = await import('../report/run-report.js');
    const written = await writeReport(summary, { htmlFile, chartsDir: path.join(path.dirname(htmlFile), 'charts') });
    io.stdout.write(`charts: ${displayPath(path.join(path.dirname(htmlFile), 'charts'), io.cwd)}/ (${written.svgs.length} SVG)\n`);
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
    .description('rebuild the HTML report (and charts/*.svg) from a run\'s summary.json')
    .argument('<summary>', 'summary.json written by limitlab run')
    .option('-o, --out <file>', `HTML file to write (default: ${REPORT_FILE} beside the summary)`)
    .action(async (file: string, flags: ReportFlags) => done(await reportCommand(file, flags, io)));
}
