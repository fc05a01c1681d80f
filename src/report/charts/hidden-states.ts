/**
 * Model v2: the hidden states over time — distressed open accounts at each
 * step's end (mean with a 5–95% band of paths), and bust-out onsets and
 * takeovers in each step (means; their bands are mostly 0 to a few).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { CAUSE_COLOURS } from '../figures.js';
import { FORMAT, HEIGHT, MONTH_AXIS, PANEL_WIDTH, bandLayers, bandRows, frame } from './common.js';

const ONSETS = 'Bust-out onsets';
const TAKEOVERS = 'Account takeovers';

export function hiddenStatesChart(summary: Summary): TopLevelSpec {
  const ts = summary.timeSeries;
  const x = { x: { field: 'month', type: 'quantitative', axis: MONTH_AXIS } } as const;
  const per = summary.manifest.stepDays === 1 ? 'day' : `${summary.manifest.stepDays}-day step`;
  const fraudRows = [
    ...bandRows(ts.day, ts.bustOutOnsets).map((r) => ({ ...r, series: ONSETS })),
    ...bandRows(ts.day, ts.takeovers).map((r) => ({ ...r, series: TAKEOVERS })),
  ];
  return {
    ...frame(
      'Hidden states over time',
      'What the policies cannot see, per path: distressed open accounts (line: mean of paths; band: 5th–95th percentile of paths), and new bust-outs and takeovers (mean of paths).',
      'Distressed open accounts over time, and bust-out onsets and account takeovers per step, with bands across paths.',
    ),
    hconcat: [
      {
        title: { text: 'Distressed open accounts', fontSize: 12 },
        width: PANEL_WIDTH,
        height: HEIGHT,
        data: { values: bandRows(ts.day, ts.distressed) },
        encoding: x,
        layer: bandLayers({ yTitle: 'Accounts (at the end of the step)', yFormat: FORMAT.count, tooltipFormat: ',.1f', colour: CAUSE_COLOURS.delinquency }),
      },
      {
        title: { text: `New frauds per ${per}`, fontSize: 12 },
        width: PANEL_WIDTH,
        height: HEIGHT,
        data: { values: fraudRows },
        mark: { type: 'line', strokeWidth: 2, point: { size: 18, filled: true } },
        encoding: {
          ...x,
          y: { field: 'mean', type: 'quantitative', title: `Accounts (mean per ${per})`, axis: { format: FORMAT.per1000 } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: [ONSETS, TAKEOVERS], range: [CAUSE_COLOURS.fraud, '#c2a5cf'] } },
          tooltip: [
            { field: 'day', type: 'quantitative', title: 'Day' },
            { field: 'series', type: 'nominal', title: 'Series' },
            { field: 'mean', type: 'quantitative', title: 'Mean per path', format: ',.2f' },
          ],
        },
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
