/**
 * The shape of `summary.json`, the result of one run. Scripts, the report,
 * `compare` and `stress` read it; change it only with a CHANGELOG entry.
 * The names of causes and outcomes it is keyed by are here.
 */
import type { z } from 'zod';
import type { bandSchema, estimationSchema, manifestSchema, statSchema, summarySchema } from './summary-schema.js';

/** Freeze causes, most severe first (the order used to attribute an event). */
export const FREEZE_CAUSES = ['delinquency', 'fraud', 'scoreFloor', 'identity', 'riskModel', 'maintenance'] as const;
export type FreezeCause = (typeof FREEZE_CAUSES)[number];

/** Causes of a restriction in the 30 days before a limit-increase request. */
export const RESTRICTION_CAUSES = ['hold', ...FREEZE_CAUSES] as const;
export type RestrictionCause = (typeof RESTRICTION_CAUSES)[number];

export const REQUEST_OUTCOMES = ['approved', 'declined', 'escalated', 'identityFailed'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/**
 * The summary's types, inferred from its one definition (./summary-schema.ts):
 * a figure across paths (`Stat`), a per-step band, the manifest, the time series
 * and the whole summary.
 */
export type Stat = z.infer<typeof statSchema>;
export type Band = z.infer<typeof bandSchema>;
export type Manifest = z.infer<typeof manifestSchema>;
export type Summary = z.infer<typeof summarySchema>;
export type TimeSeries = Summary['timeSeries'];
/** How the figures were estimated (docs/tail-risk.md). */
export type Estimation = z.infer<typeof estimationSchema>;
