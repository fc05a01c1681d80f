/** Chart 8: exposure (outstanding balance) over time, mean with a 5–95% band of paths. */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { formatInteger } from '../format.js';
import { FORMAT, HEIGHT, MAIN_COLOUR, MONTH_AXIS, WIDTH, bandLayers, bandRows, frame } from './common.js';

export function exposureChart(summary: Summary): TopLevelSpec {
  const ts = summary.timeSeries;
  const borrowers = formatInteger(summary.manifest.borrowersPerPath);
  return {
    ...frame(
      'Exposure (outstanding balance)',
      `Total balance of one path's book of ${borrowers} borrowers, by month. Line: mean of paths; band: 5th–95th percentile.`,
      'Outstanding balance over time with a band from the 5th to the 95th percentile across paths.',
    ),
    width: WIDTH,
    height: HEIGHT,
    data: { values: bandRows(ts.day, ts.exposure) },
    encoding: { x: { field: 'month', type: 'quantitative', axis: MONTH_AXIS } },
    layer: bandLayers({
      yTitle: 'Outstanding balance (currency units)',
      yFormat: FORMAT.amount,
      tooltipFormat: FORMAT.amountExact,
      colour: MAIN_COLOUR,
    }),
  };
}
