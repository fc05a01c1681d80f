/** The executable entry: run the command line and exit with its code. */
import { main } from './program.js';

const code = await main(process.argv.slice(2));
// Let piped output drain before exiting; exiting is what stops a run's worker threads after Ctrl-C.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(code);
