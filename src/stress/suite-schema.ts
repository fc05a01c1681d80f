/**
 * The one definition of a stress suite file (`scenarios/stress/suite.yaml`):
 * the TypeScript type and the validator both come from here. Every mapping is
 * strict, so a misspelt field is an error, never a silently ignored setting.
 */
import { z } from 'zod';

const posInt = z.number().int().min(1);

/** A number is a maximum, `{ max }` a maximum, `{ min }` a minimum (as in a scenario's `report.appetite`). */
export const suiteLimitSchema = z.union([z.number(), z.strictObject({ min: z.number() }), z.strictObject({ max: z.number() })]);

/** Headline figure → limit; the names are checked against the headline figures after the shape. */
export const suiteAppetiteSchema = z.record(z.string(), suiteLimitSchema);

export const suiteScenarioSchema = z.strictObject({
  /** the scenario file, relative to the suite file */
  file: z.string().min(1),
  /** limits for this scenario only; they override the suite's and the scenario's own */
  appetite: suiteAppetiteSchema.optional(),
});

export const suiteSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** sizes for every scenario of the suite (the command's --paths/--borrowers override them) */
  run: z
    .strictObject({ paths: posInt.optional(), borrowersPerPath: posInt.optional(), shardSize: posInt.optional() })
    .optional(),
  /** limits for every scenario; they override each scenario's own `report.appetite` */
  appetite: suiteAppetiteSchema.optional(),
  scenarios: z.array(suiteScenarioSchema).min(1),
});

export type SuiteFile = z.infer<typeof suiteSchema>;
export type SuiteScenarioEntry = z.infer<typeof suiteScenarioSchema>;
export type SuiteLimit = z.infer<typeof suiteLimitSchema>;
