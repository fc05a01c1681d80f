#!/usr/bin/env node
// Runs the compiled CLI (this file cannot use src/messages.ts: it must work before a build) (built into dist/ by `npm ci` / `npm install` through the
// "prepare" script, or by `npm run build`).
try {
  await import('../dist/src/cli/main.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/src/cli/main.js')) {
    process.stderr.write('limitlab is not built: run `npm ci` (or `npm run build`) in the repository first\n');
    process.exit(1);
  }
  throw e;
}
