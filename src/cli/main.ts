/** The executable entry: run the command line and exit with its code. */
import { main } from './program.js';

// A reader that goes away (`limitlab run ... | head`) is not an error of ours:
// stop quietly, as Unix tools do, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

const code = await main(process.argv.slice(2));
// Let piped output drain before exiting; exiting is what stops a run's worker threads after Ctrl-C.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
