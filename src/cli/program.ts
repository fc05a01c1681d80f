/**
 * The command line: parse, dispatch, return an exit code. Commands live one per
 * file and report their exit code through `done`; only main.ts exits.
 */
import { Command, CommanderError } from 'commander';
import { messages } from '../messages.js';
import { packageInfo } from '../util/package-info.js';
import { EXIT_CODES_HELP, ExitCode } from './exit-codes.js';
import { type CliIo, processIo } from './io.js';
import { registerCompare } from './compare.js';
import { registerMerge } from './merge.js';
import { registerExport } from './export.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerSchema } from './schema.js';
import { registerStress } from './stress.js';
import { registerSweep } from './sweep.js';
import { registerValidate } from './validate.js';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = ExitCode.ok;
  const done = (c: number): void => {
    code = c;
  };

  const program = new Command('limitlab')
    .description('Monte Carlo portfolio risk for revolving consumer micro-loans under limit and freeze policies')
    .version(packageInfo().version, '-V, --version')
    // Settings before the commands: subcommands copy them when created.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(add --help for usage)')
    .allowExcessArguments(false)
    .addHelpText('after', EXIT_CODES_HELP);

  registerRun(program, io, done);
  registerMerge(program, io, done);
  registerCompare(program, io, done);
  registerSweep(program, io, done);
  registerReport(program, io, done);
  registerExport(program, io, done);
  registerValidate(program, io, done);
  registerSchema(program, io, done);
  registerStress(program, io, done);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    // Commander's own exits: help and version are success, every usage error is bad input.
    if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    io.stderr.write(`${messages.unexpected(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    return ExitCode.failure;
  }
  return code;
}
