/**
 * The one definition of the scenario shape. The TypeScript types, the validator
 * and the published JSON Schema (`limitlab schema`) all come from here.
 * Field names are part of the contract; docs/scenarios.md describes them.
 * Cross-field rules (shares summing to 1, windows the step size can resolve, ...)
 * live in `validate.ts`, which runs after this shape check.
 */
import { z } from 'zod';

const prob = z.number().min(0).max(1);
const nonNeg = z.number().min(0);
const pos = z.number().gt(0);
const posInt = z.number().int().min(1);
const days = z.number().int().min(0);
const posDays = z.number().int().min(1);

const meanSd = z.strictObject({ mean: z.number(), sd: nonNeg });
const meanConcentration = z.strictObject({ mean: z.number().gt(0).lt(1), concentration: pos });

export const segmentSchema = z.strictObject({
  name: z.string().min(1),
  share: prob,
  score: meanSd,
  monthlyIncome: z.strictObject({ median: pos, sigma: nonNeg }),
  externalDti: meanSd,
  drawsPerYear: z.strictObject({ mean: nonNeg, cv: pos }),
  drawShare: meanConcentration,
  initialUtilisation: meanConcentration,
  correlation: z.number().min(0).lt(1),
  lgd: prob,
  apr: nonNeg,
  termMonths: pos,
  drawNoiseSigma: nonNeg,
});

export const shockSchema = z.strictObject({ fromDay: days, toDay: days, shift: z.number() });

/**
 * Model v2's hidden states. Each block defaults to off (with the reference
 * values of docs/model.md), so a scenario written for the v1 model keeps its
 * meaning and its results.
 */
export const distressSchema = z.strictObject({
  enabled: z.boolean(),
  initialShare: prob,
  entryPerYear: nonNeg,
  macroSlope: z.number(),
  scoreSlope: z.number(),
  exitPerYear: nonNeg,
  drawRateMultiplier: nonNeg,
  drawSizeMultiplier: nonNeg,
  missMultiplier: nonNeg,
  cureMultiplier: nonNeg,
  requestMultiplier: nonNeg,
  frozenMissMultiplier: nonNeg,
});
export const DISTRESS_OFF: z.infer<typeof distressSchema> = {
  enabled: false, initialShare: 0.02, entryPerYear: 0.048, macroSlope: 0.5, scoreSlope: 0.5, exitPerYear: 2.4,
  drawRateMultiplier: 3, drawSizeMultiplier: 1.8, missMultiplier: 54, cureMultiplier: 0.5, requestMultiplier: 2.5, frozenMissMultiplier: 1.2,
};

export const fraudSchema = z.strictObject({
  bustOut: z.strictObject({ enabled: z.boolean(), share: prob, meanSleeperDays: pos, requestMultiplier: nonNeg, lgd: prob }),
  takeover: z.strictObject({ enabled: z.boolean(), perYear: nonNeg, noticeDays: nonNeg, requestProb: prob, freezeDays: nonNeg }),
  investigation: z.strictObject({ enabled: z.boolean(), confirmProb: prob }),
});
export const FRAUD_OFF: z.infer<typeof fraudSchema> = {
  bustOut: { enabled: false, share: 0.002, meanSleeperDays: 365, requestMultiplier: 3, lgd: 1 },
  takeover: { enabled: false, perYear: 0.0002, noticeDays: 10, requestProb: 0.5, freezeDays: 7 },
  investigation: { enabled: true, confirmProb: 0.8 },
};

const appetiteLimit = z.union([z.number(), z.strictObject({ min: z.number() }), z.strictObject({ max: z.number() })]);

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  seed: z.number().int().min(0).max(2 ** 53 - 1),
  run: z.strictObject({
    paths: posInt,
    borrowersPerPath: posInt,
    shardSize: posInt,
    importanceSampling: z
      .strictObject({ enabled: z.boolean(), shift: z.union([z.number().min(-6).max(6), z.literal('auto')]) })
      .optional(),
  }),
  clock: z.strictObject({ stepDays: posDays, horizonDays: posDays }),
  macro: z.strictObject({
    monthlyAutocorrelation: z.number().min(0).lt(1),
    shocks: z.array(shockSchema),
  }),
  segments: z.array(segmentSchema).min(1),
  credit: z.strictObject({
    annualMissRateAtRef: nonNeg,
    refScore: z.number(),
    scoreSlope: z.number(),
    utilSlope: nonNeg,
    cureRatePerYear: nonNeg,
    cureMacroSlope: z.number(),
    defaultDpd: days,
    drawMacroSlope: z.number(),
    drawLimitElasticity: z.number().min(0).max(1),
  }),
  score: z.strictObject({
    min: z.number(),
    max: z.number(),
    driftPerMonth: z.number(),
    delinquentDriftPerMonth: z.number(),
    volPerMonth: nonNeg,
  }),
  limits: z.strictObject({
    cap: pos,
    initial: z.strictObject({ incomeMultiple: pos, scoreSlope: z.number(), min: pos, max: pos, roundTo: pos }),
    review: z.strictObject({
      enabled: z.boolean(),
      everyDays: posDays,
      minScore: z.number(),
      minUtilisation: prob,
      cleanDays: days,
      increaseFactor: z.number().min(1),
      cutScore: z.number(),
      cutDrop: nonNeg,
      cutFactor: prob,
    }),
    request: z.strictObject({
      enabled: z.boolean(),
      perYear: nonNeg,
      minUtilisation: prob,
      verification: z.strictObject({
        enabled: z.boolean().default(true),
        holdDays: nonNeg,
        passProb: prob,
        failFreezeDays: nonNeg,
        takeoverCatchProb: prob.default(0.97),
        bustOutCatchProb: prob.default(0.05),
      }),
      qualification: z.strictObject({ minScore: z.number(), maxDti: nonNeg }),
      behaviour: z.strictObject({ cleanDays: nonNeg, escalateProb: prob }),
      increaseFactor: z.number().min(1),
    }),
  }),
  freeze: z.strictObject({
    riskModel: z.strictObject({
      enabled: z.boolean(),
      velocity: z.strictObject({ windowDays: posDays, maxDraws: posInt }),
      largeDrawShare: prob,
      detectProb: prob,
      days: nonNeg,
      cutLimitToBalance: z.boolean().default(false),
    }),
    maintenance: z.strictObject({ enabled: z.boolean(), eventsPerYear: nonNeg, affectedShare: prob, days: nonNeg }),
    scoreFloor: z.strictObject({ enabled: z.boolean(), min: z.number(), hysteresis: nonNeg }),
    delinquency: z.strictObject({ enabled: z.boolean() }),
    closure: z.strictObject({ enabled: z.boolean(), maxFreezesPerYear: posInt }),
  }),
  churn: z.strictObject({ perYear: nonNeg, afterFreezeMultiplier: nonNeg, afterFreezeDays: nonNeg }),
  prepayment: z.strictObject({ perYear: nonNeg }),
  distress: distressSchema.default(DISTRESS_OFF),
  fraud: fraudSchema.default(FRAUD_OFF),
  report: z
    .strictObject({
      appetite: z.record(z.string(), appetiteLimit).optional(),
    })
    .optional(),
});

/** A scenario after `extends` and overrides are resolved and every rule has passed. */
export type Scenario = z.infer<typeof scenarioSchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type Shock = z.infer<typeof shockSchema>;
export type AppetiteLimit = z.infer<typeof appetiteLimit>;
