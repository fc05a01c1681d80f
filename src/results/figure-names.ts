/**
 * The names of the headline figures in `summary.json` (`Summary.headline`).
 * Risk-appetite limits in a scenario (`report.appetite`) may only name these,
 * so a typo in an appetite key is a validation error rather than a silently
 * unchecked limit. Keep in sync with the summariser.
 */
export const HEADLINE_FIGURES = [
  'defaultRate',
  'annualDefaultRate',
  'lossRate',
  'lossAmount',
  'lossRateVaR95',
  'lossRateVaR99',
  'lossRateVaR999',
  'lossRateES95',
  'lossRateES99',
  'lossRateES999',
  'lossAmountVaR95',
  'lossAmountVaR99',
  'lossAmountVaR999',
  'lossAmountES95',
  'lossAmountES99',
  'lossAmountES999',
  'freezeEventsPer1000AccountMonths',
  'holdsPer1000AccountMonths',
  'everFrozenShare',
  'everRestrictedShare',
  'frozenDaysPerAccountYear',
  'blockedDrawsPerAccountYear',
  'preIncreaseRestriction',
  'requestsPerAccountYear',
  'approvedShare',
  'declinedShare',
  'escalatedShare',
  'identityFailedShare',
  'interestRevenue',
  'riskAdjustedRevenue',
  'interestRevenueRate',
  'riskAdjustedRevenueRate',
  'exposureRatio',
  'meanLimitGrowthPerYear',
  'scoreFloorEndedShare',
] as const;

export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

export function isHeadlineFigure(name: string): name is HeadlineFigure {
  return (HEADLINE_FIGURES as readonly string[]).includes(name);
}
