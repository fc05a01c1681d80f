/**
 * `limitlab schema [--resolved | --suite | --summary]`: print a JSON Schema for
 * editors and other tools — by default that of a scenario *file* (what people
 * write, `extends` and all), or of the resolved scenario, a stress suite file or
 * summary.json.
 */
import type { Command } from 'commander';
import { summaryJsonSchema } from '../results/summary-schema.js';
import { resolvedScenarioJsonSchema, scenarioFileJsonSchema } from '../scenario/json-schema.js';
import { suiteJsonSchema } from '../stress/suite-json-schema.js';
import { formatJson } from '../util/atomic-write.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

export interface SchemaFlags {
  resolved?: boolean;
  suite?: boolean;
  summary?: boolean;
}

export function schemaCommand(io: Pick<CliIo, 'stdout' | 'stderr'>, flags: SchemaFlags = {}): number {
  const chosen = (['resolved', 'suite', 'summary'] as const).filter((k) => flags[k]);
  if (chosen.length > 1) {
    io.stderr.write(`limitlab schema: choose one of --resolved, --suite, --summary (got ${chosen.map((c) => `--${c}`).join(', ')})\n`);
    return ExitCode.badInput;
  }
  const schema =
    chosen[0] === 'resolved' ? resolvedScenarioJsonSchema()
    : chosen[0] === 'suite' ? suiteJsonSchema()
    : chosen[0] === 'summary' ? summaryJsonSchema()
    : scenarioFileJsonSchema();
  io.stdout.write(formatJson(schema));
  return ExitCode.ok;
}

export function registerSchema(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (or of resolved scenarios, suites, summary.json)')
    .option('--resolved', 'the resolved scenario (after extends and --set): every field required')
    .option('--suite', 'a stress suite file')
    .option('--summary', 'summary.json, as limitlab run writes it')
    .action((flags: SchemaFlags) => done(schemaCommand(io, flags)));
}
