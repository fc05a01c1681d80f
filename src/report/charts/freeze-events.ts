/**
 * Chart 2: new freeze events per month, stacked by cause, with new verification
 * holds as a line beside them (holds restrict but are not freezes).
 */
import type { TopLevelSpec } from 'vega-lite';
import { FREEZE_CAUSES, type Band, type Summary } from '../../results/types.js';
import { CAUSE_COLOURS, CAUSE_LABELS } from '../figures.js';
import { formatInteger } from '../format.js';
import { FORMAT, HEIGHT, WIDTH, frame, month } from './common.js';

const HOLDS = 'Verification holds (not freezes)';

/**
 * Sums a per-step mean series into billing periods of max(30, stepDays) days, so
 * daily runs show monthly bars. A sum of means is the mean of the sums, so the
 * bars stay means across paths (the band does not aggregate; bars show means only).
 */
export function perPeriod(day: readonly number[], band: Band, periodDays: number): { period: number; value: number }[] {
  const sums = new Map<number, number>();
  day.forEach((d, i) => {
    const v = band.mean[i];
    if (v == null) return;
    const period = Math.ceil(d / periodDays - 1e-9);
    sums.set(period, (sums.get(period) ?? 0) + v);
  });
  return [...sums].map(([period, value]) => ({ period: month(period * periodDays), value }));
}

export function freezeEventsChart(summary: Summary): TopLevelSpec {
  const ts = summary.timeSeries;
  const periodDays = Math.max(30, summary.manifest.stepDays);
  const per = periodDays === 30 ? 'month' : `${periodDays}-day period`;
  const causeDomain = FREEZE_CAUSES.map((c) => CAUSE_LABELS[c]);
  const freezes = FREEZE_CAUSES.flatMap((cause, order) =>
    perPeriod(ts.day, ts.newFreezeEvents[cause], periodDays).map((r) => ({ ...r, cause: CAUSE_LABELS[cause], order })),
  );
  const holds = perPeriod(ts.day, ts.newHolds, periodDays).map((r) => ({ ...r, series: HOLDS }));
  const x = {
    field: 'period',
    type: 'ordinal',
    title: `Month since start (end of ${per})`,
    axis: { labelAngle: 0, labelOverlap: 'parity', format: FORMAT.month },
  } as const;
  const yTitle = `Events per ${per} (mean per path)`;
  return {
    ...frame(
      'New freeze events by cause, and verification holds',
      `Accounts newly frozen per ${per}, stacked by cause (most severe cause when several fire); line: new verification holds. Mean per path of ${formatInteger(summary.manifest.borrowersPerPath)} borrowers.`,
      'Stacked bars of new freeze events by cause per period, with a line of new verification holds.',
    ),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: freezes },
        mark: { type: 'bar' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', stack: 'zero', title: yTitle, axis: { format: FORMAT.count } },
          color: {
            field: 'cause',
            type: 'nominal',
            title: null,
            scale: { domain: [...causeDomain, HOLDS], range: [...FREEZE_CAUSES.map((c) => CAUSE_COLOURS[c]), CAUSE_COLOURS.hold] },
          },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'period', type: 'quantitative', title: 'Month' },
            { field: 'cause', type: 'nominal', title: 'Cause' },
            { field: 'value', type: 'quantitative', title: 'Events (mean per path)', format: ',.1f' },
          ],
        },
      },
      {
        data: { values: holds },
        mark: { type: 'line', strokeWidth: 2, point: { size: 22, filled: true } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: yTitle },
          color: { field: 'series', type: 'nominal', title: null },
          tooltip: [
            { field: 'period', type: 'quantitative', title: 'Month' },
            { field: 'value', type: 'quantitative', title: 'Holds (mean per path)', format: ',.1f' },
          ],
        },
      },
    ],
  };
}
