/** Chart 7: distribution of freeze events per borrower (0, 1, 2, 3, 4+). */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { formatPercent } from '../format.js';
import { FORMAT, HEIGHT, MAIN_COLOUR, WIDTH, frame, intervalRule, intervalTooltip, statRow } from './common.js';

export function freezesPerBorrowerChart(summary: Summary): TopLevelSpec {
  const rows = summary.freezeEventsPerBorrower.flatMap(({ bucket, share }) => {
    const row = statRow(share);
    return row ? [{ bucket, ...row, text: formatPercent(row.mean) }] : [];
  });
  const order = summary.freezeEventsPerBorrower.map((b) => b.bucket);
  const y = { type: 'quantitative', title: 'Borrowers (% of starting borrowers)', axis: { format: '.0%' } } as const;
  return {
    ...frame(
      'Freeze events per borrower',
      'Share of borrowers by number of freeze events over the horizon (holds excluded); mean of paths with 95% interval.',
      'Bars of the share of borrowers with 0, 1, 2, 3 and 4 or more freeze events.',
    ),
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    encoding: { x: { field: 'bucket', type: 'ordinal', title: 'Freeze events per borrower', sort: order, axis: { labelAngle: 0 } } },
    layer: [
      {
        mark: { type: 'bar', color: MAIN_COLOUR, width: { band: 0.7 } },
        encoding: {
          y: { field: 'mean', ...y },
          tooltip: [
            { field: 'bucket', type: 'ordinal', title: 'Freeze events' },
            { field: 'mean', type: 'quantitative', title: 'Share of borrowers', format: FORMAT.pctFine },
            ...intervalTooltip(FORMAT.pctFine),
          ],
        },
      },
      intervalRule('y', y, { color: '#222222' }),
      {
        mark: { type: 'text', baseline: 'bottom', dy: -4, fontSize: 11, color: '#222222' },
        encoding: { y: { field: 'hi', ...y }, text: { field: 'text' } },
      },
    ],
  };
}
