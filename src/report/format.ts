/**
 * Number formatting for reports: it lives in results/format.ts (compare and
 * the CLI print figures too, without depending on the report); this module
 * keeps the report's imports short.
 */
export * from '../results/format.js';
