/**
 * The stress report's side-by-side chart: one panel per figure, one row per
 * scenario, the mean with its 95% interval, coloured by its verdict, and the
 * scenario's limit as a black tick.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Verdict } from '../../results/appetite.js';
import { figureInfo, figureTitle } from '../figures.js';
import { formatValue } from '../format.js';
import { type Panel, frame, statRow } from './common.js';
import { VERDICT_COLOURS, VERDICT_LABELS, kindFormat } from './stress-common.js';
import type { Stat } from '../../results/types.js';

export interface ScenarioColumn {
  name: string;
  headline: Record<string, Stat>;
  /** per figure with a limit: the limit and the verdict */
  limits: Record<string, { limit: number; verdict: Verdict }>;
}

const PANEL = 300;

function panel(figure: string, scenarios: readonly ScenarioColumn[]): Panel {
  const kind = figureInfo(figure).kind;
  const fmt = kindFormat(kind);
  const rows = scenarios.flatMap((s) => {
    const stat = s.headline[figure];
    const row = stat ? statRow(stat) : null;
    if (!row) return [];
    const limit = s.limits[figure];
    const status = limit?.verdict ?? 'none';
    return [{ scenario: s.name, ...row, status: VERDICT_LABELS[status], text: formatValue(row.mean, kind), limit: limit?.limit ?? null }];
  });
  const x = { type: 'quantitative', title: null, axis: { format: fmt.axis } } as const;
  const statuses = Object.keys(VERDICT_LABELS) as (keyof typeof VERDICT_LABELS)[];
  return {
    title: { text: figureTitle(figure), fontSize: 12 },
    width: PANEL,
    height: { step: 26 },
    data: { values: rows },
    encoding: { y: { field: 'scenario', type: 'nominal', title: null, sort: scenarios.map((s) => s.name) } },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' }, color: { field: 'status', type: 'nominal', legend: null } } },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          x: { field: 'mean', ...x, scale: { zero: false } },
          color: {
            field: 'status',
            type: 'nominal',
            title: 'Verdict',
            scale: { domain: statuses.map((v) => VERDICT_LABELS[v]), range: statuses.map((v) => VERDICT_COLOURS[v]) },
          },
          tooltip: [
            { field: 'scenario', type: 'nominal', title: 'Scenario' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: fmt.tooltip },
            { field: 'lo', type: 'quantitative', title: '95% interval from', format: fmt.tooltip },
            { field: 'hi', type: 'quantitative', title: '95% interval to', format: fmt.tooltip },
            { field: 'limit', type: 'quantitative', title: 'Limit', format: fmt.tooltip },
            { field: 'status', type: 'nominal', title: 'Verdict' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.limit != null' }],
        mark: { type: 'tick', color: '#111111', thickness: 2, size: 18 },
        encoding: { x: { field: 'limit', ...x } },
      },
    ],
  };
}

export function stressScenariosChart(figures: readonly string[], scenarios: readonly ScenarioColumn[]): TopLevelSpec {
  return {
    ...frame(
      'Scenarios side by side',
      'Dot: mean of paths, coloured by its verdict; line: 95% interval of the mean (none for VaR, a statistic across paths); black tick: the limit.',
      'For each headline figure, each stress scenario’s mean with its 95% interval and its risk-appetite limit.',
    ),
    columns: 2,
    concat: figures.map((f) => panel(f, scenarios)),
    resolve: { scale: { x: 'independent', color: 'shared' } },
  };
}
