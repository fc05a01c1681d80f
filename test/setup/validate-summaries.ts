/**
 * Every summary the tests produce is checked against the summary.json contract
 * (src/results/summary-schema.ts): buildSummary, the one producer, is wrapped so
 * that an invalid summary, or one missing a registry figure, fails the test
 * that produced it.
 */
import { vi } from 'vitest';

vi.mock('../../src/results/summary.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/results/summary.js')>();
  const { summaryProblem } = await import('../../src/results/summary-schema.js');
  const { FIGURE_NAMES, PATH_FIGURES, SEGMENT_FIGURES } = await import('../../src/results/registry.js');
  const buildSummary: typeof original.buildSummary = (...args) => {
    const summary = original.buildSummary(...args);
    const problem = summaryProblem(summary);
    if (problem) throw new Error(`buildSummary produced an invalid summary.json: ${problem}`);
    const missing = [
      ...FIGURE_NAMES.filter((f) => !summary.headline[f]).map((f) => `headline.${f}`),
      ...PATH_FIGURES.filter((f) => !summary.perPath[f]).map((f) => `perPath.${f}`),
      ...summary.segments.flatMap((s, i) => SEGMENT_FIGURES.filter((f) => !s.headline[f]).map((f) => `segments[${i}].headline.${f}`)),
    ];
    if (missing.length > 0) throw new Error(`buildSummary left out registry figures: ${missing.join(', ')}`);
    return summary;
  };
  return { ...original, buildSummary };
});
