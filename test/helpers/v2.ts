/**
 * Model v2 scenarios for tests, as `--set`-style overrides on
 * scenarios/baseline.yaml. Every v2 field is set explicitly, so a scenario
 * built from these means the same whether or not the baseline file carries the
 * v2 blocks itself.
 */

/** MODEL.md's appendix values for the v2 blocks (distress, fraud, the v2 check and rule fields), all switched on. */
export const V2_APPENDIX: readonly string[] = [
  'credit.annualMissRateAtRef=0.0167',
  'distress.enabled=true', 'distress.initialShare=0.02', 'distress.entryPerYear=0.048', 'distress.macroSlope=0.5',
  'distress.scoreSlope=0.5', 'distress.exitPerYear=2.4', 'distress.drawRateMultiplier=3', 'distress.drawSizeMultiplier=1.8',
  'distress.missMultiplier=54', 'distress.cureMultiplier=0.5', 'distress.requestMultiplier=2.5', 'distress.frozenMissMultiplier=1.2',
  'fraud.bustOut.enabled=true', 'fraud.bustOut.share=0.002', 'fraud.bustOut.meanSleeperDays=365',
  'fraud.bustOut.requestMultiplier=3', 'fraud.bustOut.lgd=1.0',
  'fraud.takeover.enabled=true', 'fraud.takeover.perYear=0.0002', 'fraud.takeover.noticeDays=10',
  'fraud.takeover.requestProb=0.5', 'fraud.takeover.freezeDays=7',
  'fraud.investigation.enabled=true', 'fraud.investigation.confirmProb=0.8',
  'limits.request.verification.enabled=true', 'limits.request.verification.takeoverCatchProb=0.97',
  'limits.request.verification.bustOutCatchProb=0.05',
  'freeze.riskModel.cutLimitToBalance=false',
];

/** The v2 blocks present but switched off (each test turns on what it needs after these). */
export const V2_OFF: readonly string[] = [
  ...V2_APPENDIX.filter((o) => !o.startsWith('credit.')),
  'distress.enabled=false', 'fraud.bustOut.enabled=false', 'fraud.takeover.enabled=false',
];

/** Every policy rule and check off, and no churn or prepayment: only the model's own dynamics remain. */
export const EVERY_RULE_OFF: readonly string[] = [
  'limits.review.enabled=false', 'limits.request.enabled=false',
  'freeze.riskModel.enabled=false', 'freeze.maintenance.enabled=false', 'freeze.scoreFloor.enabled=false',
  'freeze.delinquency.enabled=false', 'freeze.closure.enabled=false',
  'fraud.investigation.enabled=false', 'limits.request.verification.enabled=false',
  'churn.perYear=0', 'prepayment.perYear=0',
];

/** Mean and standard error (sd across paths / sqrt(paths)) of per-path values. */
export function meanAndSe(values: readonly number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, se: sd / Math.sqrt(n) };
}

/** Sample variance (n − 1 in the denominator). */
export function variance(xs: readonly number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}
