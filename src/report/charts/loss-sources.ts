/**
 * Model v2: the loss over the horizon split by source — credit (borrowers who
 * could not pay) against fraud (bust-outs, account takeovers). Bars are means
 * per path as a share of the starting balance, whiskers their 95% intervals.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { CAUSE_COLOURS } from '../figures.js';
import { LOSS_SOURCES, LOSS_SOURCE_SHORT, type LossSource, lossSources } from '../freeze-quality-data.js';
import { FORMAT, HEIGHT, WIDTH, frame, intervalRule, intervalTooltip, statRow } from './common.js';

/** Credit in the delinquency red, the two frauds in the fraud purple and a paler one. */
export const LOSS_SOURCE_COLOURS: Record<LossSource, string> = {
  credit: CAUSE_COLOURS.delinquency,
  bustOut: CAUSE_COLOURS.fraud,
  takeover: '#c2a5cf',
};

export interface LossSourceChartRow {
  source: string;
  mean: number;
  lo: number;
  hi: number;
  share: number | null;
}

export function lossSourceRows(summary: Summary): LossSourceChartRow[] {
  return (lossSources(summary) ?? []).flatMap((r) => {
    const row = statRow(r.rate);
    return row ? [{ source: LOSS_SOURCE_SHORT[r.source], ...row, share: r.share.mean }] : [];
  });
}

export function lossSourcesChart(summary: Summary): TopLevelSpec {
  const labels = LOSS_SOURCES.map((s) => LOSS_SOURCE_SHORT[s]);
  const xTitle = 'Loss over the horizon (% of starting balance)';
  return {
    ...frame(
      'Losses by source: credit against fraud',
      'Mean loss per path over the horizon as a share of the balance at start; whiskers: 95% interval of the mean. The three parts add up to the loss rate.',
      'Horizontal bars of the credit, bust-out and takeover loss rates with 95% intervals.',
    ),
    width: WIDTH,
    height: Math.round(HEIGHT / 2),
    data: { values: lossSourceRows(summary) },
    encoding: { y: { field: 'source', type: 'nominal', title: null, sort: labels } },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'mean', type: 'quantitative', title: xTitle, axis: { format: FORMAT.pctFine } },
          color: { field: 'source', type: 'nominal', legend: null, scale: { domain: labels, range: LOSS_SOURCES.map((s) => LOSS_SOURCE_COLOURS[s]) } },
          tooltip: [
            { field: 'source', type: 'nominal', title: 'Source' },
            { field: 'mean', type: 'quantitative', title: 'Loss rate (mean)', format: '.3%' },
            ...intervalTooltip('.3%'),
            { field: 'share', type: 'quantitative', title: 'Share of the loss', format: '.1%' },
          ],
        },
      },
      intervalRule('x', { type: 'quantitative', title: xTitle } as const, { color: '#333333' }),
    ],
  };
}
