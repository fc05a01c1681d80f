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
import { displayPath } from '../scenario/load.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

export interface ReportFlags {
  out?: string;
}

export const REPORT_FILE = 'report.html';

export async function reportCommand(file: string, flags: ReportFlags, io: Pick<CliIo, 'stdout' | 'stderr' | 'cwd'>): Promise<number> {
  const summaryPath = path.resolve(io.cwd, file);
  let summary;
  try {
    summary = await readSummaryFile(summaryPath, displayPath(summaryPath, io.cwd));
  } catch (e) {
    if (!(e instanceof SummaryFileError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return ExitCode.badInput;
  }

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
