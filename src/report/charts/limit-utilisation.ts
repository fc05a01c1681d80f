/** Chart 5: mean limit and utilisation over time, side by side (two units, two axes). */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { FORMAT, HEIGHT, MAIN_COLOUR, MONTH_AXIS, PANEL_WIDTH, SECOND_COLOUR, bandLayers, bandRows, frame } from './common.js';

export function limitUtilisationChart(summary: Summary): TopLevelSpec {
  const ts = summary.timeSeries;
  const x = { x: { field: 'month', type: 'quantitative', axis: MONTH_AXIS } } as const;
  return {
    ...frame(
      'Credit limits and their use',
      'Open accounts, by month. Line: mean of paths; band: 5th–95th percentile of paths.',
      'Mean credit limit of open accounts and their utilisation over time.',
    ),
    hconcat: [
      {
        title: { text: 'Mean limit', fontSize: 12 },
        width: PANEL_WIDTH,
        height: HEIGHT,
        data: { values: bandRows(ts.day, ts.meanLimit) },
        encoding: x,
        layer: bandLayers({
          yTitle: 'Mean limit (currency units)',
          yFormat: FORMAT.amount,
          tooltipFormat: FORMAT.amountExact,
          colour: MAIN_COLOUR,
          zero: false,
        }),
      },
      {
        title: { text: 'Utilisation', fontSize: 12 },
        width: PANEL_WIDTH,
        height: HEIGHT,
        data: { values: bandRows(ts.day, ts.utilisation) },
        encoding: x,
        layer: bandLayers({
          yTitle: 'Balance / limit (%)',
          yFormat: FORMAT.pct,
          tooltipFormat: FORMAT.pct,
          colour: SECOND_COLOUR,
        }),
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
