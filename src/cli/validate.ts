/** `limitlab validate FILE [--set k=v]... [--json]`: resolve a scenario and print it. */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { isScenarioError } from '../scenario/errors.js';
import { resolveScenario } from '../scenario/resolve.js';
import { formatJson } from '../util/atomic-write.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';
import { collect } from './options.js';
import { printScenarioError } from './scenario-errors.js';

export interface ValidateFlags {
  set?: string[];
  json?: boolean;
}

export async function validateCommand(file: string, flags: ValidateFlags, io: CliIo): Promise<number> {
  try {
    const scenario = await resolveScenario(file, flags.set ?? [], { cwd: io.cwd });
    io.stdout.write(flags.json ? formatJson(scenario) : stringify(scenario, { lineWidth: 0 }));
    return ExitCode.ok;
  } catch (e) {
    if (!isScenarioError(e)) throw e;
    printScenarioError(e, io.stderr);
    return ExitCode.badInput;
  }
}

export function registerValidate(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('validate')
    .description('check a scenario and print it resolved (extends merged, overrides applied), as run would use it')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('--set <path=value>', 'override a field, e.g. --set segments.0.correlation=0.04 (repeatable)', collect)
    .option('--json', 'print JSON instead of YAML')
    .action(async (file: string, flags: ValidateFlags) => done(await validateCommand(file, flags, io)));
}
