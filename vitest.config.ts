import { defineConfig } from 'vitest/config';

// Piscina's worker threads do not get vitest's transform, so test processes load
// tsx; the worker threads inherit it through execArgv and import .ts directly.
export default defineConfig({
  test: {
    pool: 'forks',
    execArgv: ['--import', 'tsx'],
    include: ['test/**/*.test.ts'],
    // every summary a test builds is checked against the summary.json schema
    setupFiles: ['test/setup/validate-summaries.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
