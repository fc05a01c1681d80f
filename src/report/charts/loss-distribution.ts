/** Chart 3: distribution of the portfolio loss rate across paths, with VaR and ES markers. */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { formatPercent } from '../format.js';
import { FORMAT, HEIGHT, type Layer, MAIN_COLOUR, WIDTH, frame } from './common.js';

/** Marker figures in the order they are drawn; a missing one is left out. */
const MARKERS = [
  { figure: 'lossRate', label: 'Mean', kind: 'Mean' },
  { figure: 'lossRateVaR95', label: 'VaR 95%', kind: 'VaR' },
  { figure: 'lossRateVaR99', label: 'VaR 99%', kind: 'VaR' },
  { figure: 'lossRateVaR999', label: 'VaR 99.9%', kind: 'VaR' },
  { figure: 'lossRateES99', label: 'ES 99%', kind: 'ES' },
] as const;

export function lossDistributionChart(summary: Summary): TopLevelSpec {
  const ld = summary.lossDistribution;
  // Importance sampling: bars show each bin's probability under the unshifted model (the weighted
  // mass), not the raw path counts, which follow the shifted law.
  const weighted = ld.probability !== undefined;
  const bins = ld.count.map((count, i) => ({ binStart: ld.binStart[i], binEnd: ld.binEnd[i], count, probability: ld.probability?.[i] ?? null }));
  const markers = MARKERS.flatMap((m, i) => {
    const value = summary.headline[m.figure]?.mean;
    return value == null ? [] : [{ ...m, value, text: `${m.label} ${formatPercent(value)}`, row: i }];
  });
  // labels in the right third of the axis sit left of their line, so none runs off the chart
  const xMax = Math.max(...ld.binEnd, ...markers.map((m) => m.value));
  const labelled = markers.map((m) => ({ ...m, leftOfLine: m.value > xMax * 0.66 }));
  const x = { type: 'quantitative', title: 'Loss over the horizon (% of starting balance)', axis: { format: FORMAT.pct } } as const;
  return {
    ...frame(
      'Portfolio loss across paths',
      [
        weighted
          ? `Each bar is the probability (importance-sampling weights, unshifted economy) that the book lost that share of its starting balance; ${summary.manifest.paths} weighted paths. Each bar is unbiased, so together they sum to the mean weight (${(summary.estimation?.meanWeight ?? 1).toFixed(2)}; 1 expected): trust the tail bars, not the body.`
          : `Each bar counts paths (economies) whose book lost that share of its starting balance; ${summary.manifest.paths} paths.`,
        'Solid lines: mean and value-at-risk (VaR); dashed: expected shortfall (ES, mean loss beyond VaR 99%).',
      ],
      'Histogram of the loss rate across paths with value-at-risk and expected-shortfall markers.',
    ),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: bins },
        mark: { type: 'bar', color: MAIN_COLOUR, opacity: 0.75, binSpacing: 1 },
        encoding: {
          x: { field: 'binStart', ...x, scale: { zero: true } },
          x2: { field: 'binEnd' },
          y: weighted
            ? { field: 'probability', type: 'quantitative', title: 'Probability', axis: { format: FORMAT.pct } }
            : { field: 'count', type: 'quantitative', title: 'Number of paths', axis: { tickMinStep: 1 } },
          y2: { datum: 0 },
          tooltip: [
            { field: 'binStart', type: 'quantitative', title: 'Loss from', format: FORMAT.pctFine },
            { field: 'binEnd', type: 'quantitative', title: 'Loss to', format: FORMAT.pctFine },
            { field: 'count', type: 'quantitative', title: 'Paths' },
            ...(weighted ? [{ field: 'probability', type: 'quantitative', title: 'Probability', format: FORMAT.pctFine } as const] : []),
          ],
        },
      },
      {
        data: { values: labelled },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.5, color: '#222222' },
            encoding: {
              x: { field: 'value', ...x },
              strokeDash: {
                field: 'kind',
                type: 'nominal',
                legend: null,
                scale: { domain: ['Mean', 'VaR', 'ES'], range: [[2, 2], [1, 0], [6, 3]] },
              },
              tooltip: [
                { field: 'label', type: 'nominal', title: 'Marker' },
                { field: 'value', type: 'quantitative', title: 'Loss rate', format: FORMAT.pctFine },
              ],
            },
          },
          ...([false, true] as const).map((left) => ({
            transform: [{ filter: left ? 'datum.leftOfLine' : '!datum.leftOfLine' }],
            mark: { type: 'text', align: left ? 'right' : 'left', baseline: 'top', dx: left ? -4 : 4, fontSize: 11, color: '#222222' },
            encoding: {
              x: { field: 'value', ...x },
              y: { field: 'row', type: 'ordinal', axis: null, scale: { domain: markers.map((m) => m.row), paddingOuter: 0.3 } },
              text: { field: 'text' },
            },
          })) satisfies Layer[],
        ],
      },
    ],
    resolve: { scale: { y: 'independent' } },
  };
}
