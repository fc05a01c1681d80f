/**
 * The run report's charts, in page order. Each builder is a pure function of the
 * summary returning a Vega-Lite spec with its data inline.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { defaultRateChart } from './default-rate.js';
import { exposureChart } from './exposure.js';
import { freezeEventsChart } from './freeze-events.js';
import { freezesPerBorrowerChart } from './freezes-per-borrower.js';
import { limitUtilisationChart } from './limit-utilisation.js';
import { lossDistributionChart } from './loss-distribution.js';
import { requestOutcomesChart } from './request-outcomes.js';
import { segmentsChart } from './segments.js';

export {
  defaultRateChart,
  exposureChart,
  freezeEventsChart,
  freezesPerBorrowerChart,
  limitUtilisationChart,
  lossDistributionChart,
  requestOutcomesChart,
  segmentsChart,
};

/** The file name of each chart's SVG (`charts/<name>.svg`) and its page container. */
export const RUN_CHARTS = {
  'cumulative-default-rate': defaultRateChart,
  'freeze-events': freezeEventsChart,
  'loss-distribution': lossDistributionChart,
  'request-outcomes': requestOutcomesChart,
  'limit-utilisation': limitUtilisationChart,
  'segments': segmentsChart,
  'freezes-per-borrower': freezesPerBorrowerChart,
  'exposure': exposureChart,
} as const satisfies Record<string, (summary: Summary) => TopLevelSpec>;

export type RunChartName = keyof typeof RUN_CHARTS;

/** Every chart of the run report, built from the summary. */
export function runChartSpecs(summary: Summary): Record<RunChartName, TopLevelSpec> {
  const out = {} as Record<RunChartName, TopLevelSpec>;
  for (const [name, build] of Object.entries(RUN_CHARTS) as [RunChartName, (s: Summary) => TopLevelSpec][]) {
    out[name] = build(summary);
  }
  return out;
}
