/** Chart 4: limit-increase request outcomes, share of requests with 95% intervals. */
import type { TopLevelSpec } from 'vega-lite';
import { REQUEST_OUTCOMES, type Summary } from '../../results/types.js';
import { OUTCOME_LABELS } from '../figures.js';
import { formatPercent } from '../format.js';
import { FORMAT, MAIN_COLOUR, WIDTH, frame, intervalRule, intervalTooltip, statRow } from './common.js';

const OUTCOME_COLOURS = { approved: '#1b9e77', declined: '#7f7f7f', escalated: '#d95f02', identityFailed: '#8073ac' } as const;

export function requestOutcomesChart(summary: Summary): TopLevelSpec {
  const rows = REQUEST_OUTCOMES.flatMap((outcome) => {
    const share = statRow(summary.requests.outcomes[outcome].share);
    const count = summary.requests.outcomes[outcome].count.mean;
    return share ? [{ outcome: OUTCOME_LABELS[outcome], ...share, count, text: formatPercent(share.mean) }] : [];
  });
  const domain = REQUEST_OUTCOMES.map((o) => OUTCOME_LABELS[o]);
  const y = { field: 'outcome', type: 'nominal', title: null, sort: domain, axis: { labelLimit: 200 } } as const;
  const x = { type: 'quantitative', title: 'Share of requests (%)', axis: { format: '.0%' } } as const;
  return {
    ...frame(
      'Limit-increase request outcomes',
      'Share of requests ending in each outcome over the horizon; bars: mean of paths, whiskers: 95% interval.',
      'Horizontal bars of the share of limit-increase requests by outcome, with 95% intervals.',
    ),
    width: WIDTH - 120,
    height: { step: 34 },
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: 'bar', color: MAIN_COLOUR },
        encoding: {
          x: { field: 'mean', ...x, scale: { domain: [0, 1] } },
          color: {
            field: 'outcome',
            type: 'nominal',
            legend: null,
            scale: { domain, range: REQUEST_OUTCOMES.map((o) => OUTCOME_COLOURS[o]) },
          },
          tooltip: [
            { field: 'outcome', type: 'nominal', title: 'Outcome' },
            { field: 'mean', type: 'quantitative', title: 'Share', format: FORMAT.pct },
            ...intervalTooltip(FORMAT.pct),
            { field: 'count', type: 'quantitative', title: 'Requests per path', format: FORMAT.count },
          ],
        },
      },
      intervalRule('x', x, { color: '#222222', strokeWidth: 1.5 }),
      {
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, color: '#222222' },
        encoding: { x: { field: 'hi', ...x }, text: { field: 'text' } },
      },
    ],
  };
}
