/**
 * Model v2: freeze events on good and on bad accounts, by cause — which rules
 * mostly annoy good customers and which mostly stop bad ones. Bars are means
 * per path, whiskers their 95% intervals.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Summary } from '../../results/types.js';
import { CAUSE_COLOURS, CAUSE_LABELS } from '../figures.js';
import { causeQuality } from '../freeze-quality-data.js';
import { FORMAT, HEIGHT, WIDTH, frame, intervalRule, intervalTooltip, statRow } from './common.js';

export const GOOD_ACCOUNT = 'Good account (healthy)';
export const BAD_ACCOUNT = 'Bad account (distressed or fraud)';

export interface FreezeQualityRow {
  cause: string;
  state: typeof GOOD_ACCOUNT | typeof BAD_ACCOUNT;
  mean: number;
  lo: number;
  hi: number;
  /** the cause's precision, for the tooltip (null without events) */
  precision: number | null;
}

/** Two rows a cause (good, bad); a side with no value is left out. */
export function freezeQualityRows(summary: Summary): FreezeQualityRow[] {
  return causeQuality(summary).flatMap((q) =>
    (
      [
        [GOOD_ACCOUNT, q.good],
        [BAD_ACCOUNT, q.bad],
      ] as const
    ).flatMap(([state, stat]) => {
      const row = statRow(stat);
      return row ? [{ cause: CAUSE_LABELS[q.cause], state, ...row, precision: q.precision.mean }] : [];
    }),
  );
}

export function freezeQualityChart(summary: Summary): TopLevelSpec {
  const causes = causeQuality(summary).map((q) => q.cause);
  const y = { field: 'cause', type: 'nominal', title: null, sort: causes.map((c) => CAUSE_LABELS[c]) } as const;
  const yOffset = { field: 'state', type: 'nominal', sort: [BAD_ACCOUNT, GOOD_ACCOUNT] } as const;
  const xTitle = 'Freeze events per 1000 account-months (mean per path)';
  return {
    ...frame(
      'Freezes on good and on bad accounts, by cause',
      'A freeze is good or bad by the account’s hidden state when it was triggered: bad = distressed, bust-out or taken over. Solid: bad accounts; pale: good customers. Whiskers: 95% interval of the mean.',
      'Grouped horizontal bars of freeze events per 1000 account-months on good and on bad accounts, for each freeze cause, with 95% intervals.',
    ),
    width: WIDTH,
    height: HEIGHT,
    data: { values: freezeQualityRows(summary) },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'mean', type: 'quantitative', title: xTitle, axis: { format: FORMAT.per1000 } },
          color: {
            field: 'cause',
            type: 'nominal',
            legend: null,
            scale: { domain: causes.map((c) => CAUSE_LABELS[c]), range: causes.map((c) => CAUSE_COLOURS[c]) },
          },
          opacity: { field: 'state', type: 'ordinal', sort: [BAD_ACCOUNT, GOOD_ACCOUNT], title: null, scale: { domain: [BAD_ACCOUNT, GOOD_ACCOUNT], range: [1, 0.35] } },
          tooltip: [
            { field: 'cause', type: 'nominal', title: 'Cause' },
            { field: 'state', type: 'nominal', title: 'Account' },
            { field: 'mean', type: 'quantitative', title: 'Events per 1000 account-months', format: ',.2f' },
            ...intervalTooltip(',.2f'),
            { field: 'precision', type: 'quantitative', title: 'Precision of the cause', format: '.1%' },
          ],
        },
      },
      intervalRule('x', { type: 'quantitative', title: xTitle } as const, { color: '#333333' }),
    ],
  };
}
