/**
 * The run report's charts, in page order. Each builder is a pure function of the
 * summary returning a Vega-Lite spec with its data inline.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { defaultRateChart } from './default-rate.js';
import { exposureChart } from './exposure.js';
import { freezeEventsChart } from './freeze-events.js';
import { freezeQualityChart } from './freeze-quality.js';
import { freezesPerBorrowerChart } from './freezes-per-borrower.js';
import { hiddenStatesOf } from '../freeze-quality-data.js';
import { hiddenStatesChart } from './hidden-states.js';
import { limitUtilisationChart } from './limit-utilisation.js';
import { lossDistributionChart } from './loss-distribution.js';
import { lossSourcesChart } from './loss-sources.js';
import { requestOutcomesChart } from './request-outcomes.js';
import { segmentsChart } from './segments.js';

export {
  defaultRateChart,
  exposureChart,
  freezeEventsChart,
  freezeQualityChart,
  freezesPerBorrowerChart,
  hiddenStatesChart,
  limitUtilisationChart,
  lossDistributionChart,
  lossSourcesChart,
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

/**
 * The "Freeze quality" charts (model v2), drawn only when the run had a hidden
 * state on: without one every freeze is on a good account and the charts would
 * show zeros as if they were findings.
 */
export const FREEZE_QUALITY_CHARTS = {
  'freeze-quality': freezeQualityChart,
  'loss-sources': lossSourcesChart,
  'hidden-states': hiddenStatesChart,
} as const satisfies Record<string, (summary: Summary) => TopLevelSpec>;

export type RunChartName = keyof typeof RUN_CHARTS | keyof typeof FREEZE_QUALITY_CHARTS;

/** Every chart of the run report this summary calls for, built from it. */
export function runChartSpecs(summary: Summary): Partial<Record<RunChartName, TopLevelSpec>> {
  const builders = hiddenStatesOf(summary).any ? { ...RUN_CHARTS, ...FREEZE_QUALITY_CHARTS } : RUN_CHARTS;
  const out: Partial<Record<RunChartName, TopLevelSpec>> = {};
  for (const [name, build] of Object.entries(builders) as [RunChartName, (s: Summary) => TopLevelSpec][]) {
    out[name] = build(summary);
  }
  return out;
}
