import { defineConfig } from 'vitest/config';

// Piscina's worker threads do not get vitest's transform, so test processes load
// tsx; the worker threads inherit it through execArgv and import .ts directly.
export default defineConfig({
  test: {
    pool: 'forks',
    execArgv: ['--import', 'tsx'],
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
