/** The benchmark's entry point (`npm run bench`): the only place that exits. */
import { benchCli } from './cli.js';

process.exitCode = await benchCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});
