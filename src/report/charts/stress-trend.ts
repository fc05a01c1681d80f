/**
 * The drift of one headline figure across scheduled runs: one line per scenario
 * through each run's mean, with its 95% interval, and each scenario's current
 * limit as a dashed line, so a figure creeping towards its limit shows before
 * it breaches.
 */
import type { TopLevelSpec } from 'vega-lite';
import { figureInfo, figureTitle } from '../figures.js';
import { HEIGHT, WIDTH, frame } from './common.js';
import { kindFormat } from './stress-common.js';

export interface TrendPoint {
  /** the run's start, ISO 8601 */
  time: string;
  run: string;
  scenario: string;
  mean: number;
  lo: number;
  hi: number;
  /** the first characters of the scenario hash: a changed scenario shows as a changed hash */
  hash: string;
}

export interface TrendLimit {
  scenario: string;
  limit: number;
}

const PALETTE = ['#2166ac', '#b2182b', '#1b9e77', '#7570b3', '#e6ab02', '#66a61e', '#e7298a', '#a6761d', '#666666', '#1f78b4'];

/** A tick at each run while there are few (nightly runs are a day apart, test runs seconds), else Vega's own. */
function timeAxis(points: readonly TrendPoint[]) {
  const times = [...new Set(points.map((p) => Date.parse(p.time)))].sort((a, b) => a - b);
  return { format: '%Y-%m-%d %H:%M', labelAngle: -30, labelOverlap: true, ...(times.length <= 10 ? { values: times } : {}) } as const;
}

export function stressTrendChart(figure: string, scenarios: readonly string[], points: readonly TrendPoint[], limits: readonly TrendLimit[]): TopLevelSpec {
  const fmt = kindFormat(figureInfo(figure).kind);
  const runs = new Set(points.map((p) => p.run)).size;
  const y = { type: 'quantitative', title: figureTitle(figure), axis: { format: fmt.axis }, scale: { zero: false } } as const;
  const color = {
    field: 'scenario',
    type: 'nominal',
    title: 'Scenario',
    scale: { domain: [...scenarios], range: scenarios.map((_, i) => PALETTE[i % PALETTE.length]!) },
  } as const;
  return {
    ...frame(
      `Trend: ${figureInfo(figure).label}`,
      `Mean of each scheduled run (${runs} run${runs === 1 ? '' : 's'} in the history) with its 95% interval; dashed: each scenario’s current limit.`,
      `The ${figureInfo(figure).label} of each scenario across the runs in the history, with the current limits.`,
    ),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: points },
        encoding: { x: { field: 'time', type: 'temporal', title: 'Run started (UTC)', axis: timeAxis(points) }, color },
        layer: [
          { mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.6 }, encoding: { y: { field: 'lo', ...y }, y2: { field: 'hi' } } },
          {
            mark: { type: 'line', strokeWidth: 2, point: { size: 40, filled: true } },
            encoding: {
              y: { field: 'mean', ...y },
              tooltip: [
                { field: 'scenario', type: 'nominal', title: 'Scenario' },
                { field: 'time', type: 'temporal', title: 'Run started', format: '%Y-%m-%d %H:%M:%S' },
                { field: 'mean', type: 'quantitative', title: 'Mean', format: fmt.tooltip },
                { field: 'lo', type: 'quantitative', title: '95% interval from', format: fmt.tooltip },
                { field: 'hi', type: 'quantitative', title: '95% interval to', format: fmt.tooltip },
                { field: 'run', type: 'nominal', title: 'Run' },
                { field: 'hash', type: 'nominal', title: 'Scenario hash' },
              ],
            },
          },
        ],
      },
      {
        data: { values: limits },
        mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'limit', ...y }, color },
      },
    ],
  };
}
