/** Chart 1: cumulative default rate over time, mean with a 5–95% band of paths. */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { FORMAT, HEIGHT, MONTH_AXIS, WIDTH, bandLayers, bandRows, frame } from './common.js';

export function defaultRateChart(summary: Summary): TopLevelSpec {
  const ts = summary.timeSeries;
  return {
    ...frame(
      'Cumulative default rate',
      'Share of starting borrowers in default (past the default threshold), by month. Line: mean of paths; band: 5th–95th percentile of paths.',
      'Cumulative default rate over time with a band from the 5th to the 95th percentile across paths.',
    ),
    width: WIDTH,
    height: HEIGHT,
    data: { values: bandRows(ts.day, ts.cumulativeDefaultRate) },
    encoding: { x: { field: 'month', type: 'quantitative', axis: MONTH_AXIS } },
    layer: bandLayers({
      yTitle: 'Defaulted (% of starting borrowers)',
      yFormat: FORMAT.pct,
      tooltipFormat: FORMAT.pctFine,
      colour: '#b2182b',
    }),
  };
}
