/** `limitlab schema`: print the JSON Schema of scenario files (for editors and other tools). */
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../scenario/json-schema.js';
import { formatJson } from '../util/atomic-write.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

export function schemaCommand(io: CliIo): number {
  io.stdout.write(formatJson(scenarioJsonSchema()));
  return ExitCode.ok;
}

export function registerSchema(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files')
    .action(() => done(schemaCommand(io)));
}
