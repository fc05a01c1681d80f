/** Chart 6: per-segment default and freeze rates side by side, with 95% intervals. */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { figureInfo } from '../figures.js';
import { formatValue } from '../format.js';
import { FORMAT, MAIN_COLOUR, PANEL_WIDTH, frame, intervalRule, intervalTooltip, statRow, type Panel } from './common.js';

function segmentPanel(summary: Summary, figure: string, title: string, axisTitle: string, format: string, colour: string): Panel {
  const kind = figureInfo(figure).kind;
  const rows = summary.segments.flatMap((s) => {
    const stat = s.headline[figure];
    const row = stat ? statRow(stat) : null;
    return row ? [{ segment: s.name, ...row, text: formatValue(row.mean, kind) }] : [];
  });
  const x = { type: 'quantitative', title: axisTitle, axis: { format } } as const;
  return {
    title: { text: title, fontSize: 12 },
    width: PANEL_WIDTH,
    height: { step: 40 },
    data: { values: rows },
    encoding: { y: { field: 'segment', type: 'nominal', title: null, sort: summary.segments.map((s) => s.name) } },
    layer: [
      {
        mark: { type: 'bar', color: colour },
        encoding: {
          x: { field: 'mean', ...x },
          tooltip: [
            { field: 'segment', type: 'nominal', title: 'Segment' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format },
            ...intervalTooltip(format),
          ],
        },
      },
      intervalRule('x', x, { color: '#222222', strokeWidth: 1.5 }),
      {
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 11, color: '#222222' },
        encoding: { x: { field: 'hi', ...x }, text: { field: 'text' } },
      },
    ],
  };
}

export function segmentsChart(summary: Summary): TopLevelSpec {
  return {
    ...frame(
      'Segments: defaults and freezes',
      'Mean of paths with 95% interval, per borrower segment.',
      'Per-segment annualised default rate and freeze events per 1000 account-months, side by side.',
    ),
    hconcat: [
      segmentPanel(summary, 'annualDefaultRate', 'Annualised default rate', 'Default rate (% a year)', FORMAT.pct, '#b2182b'),
      segmentPanel(
        summary,
        'freezeEventsPer1000AccountMonths',
        'Freeze events',
        'Per 1000 account-months',
        FORMAT.per1000,
        MAIN_COLOUR,
      ),
    ],
    resolve: { scale: { x: 'independent' } },
  };
}
