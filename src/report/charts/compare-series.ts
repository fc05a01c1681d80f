/**
 * Time series of several runs overlaid, one line per policy (means of paths;
 * bands would hide each other): cumulative default rate, new freeze events per
 * billing period, exposure.
 */
import type { TopLevelSpec } from 'vega-lite';
import { FREEZE_CAUSES, type Band, type TimeSeries } from '../../results/types.js';
import { FORMAT, HEIGHT, MONTH_AXIS, WIDTH, frame, month } from './common.js';
import { policyScale } from './compare-common.js';
import { perPeriod } from './freeze-events.js';

export interface SeriesRun {
  label: string;
  /** the base (or reference point): drawn dashed and on top, so a policy that changes nothing does not hide it */
  reference?: boolean;
  timeSeries: TimeSeries;
  stepDays: number;
}

interface Row {
  policy: string;
  month: number;
  value: number;
}

function meanRows(label: string, day: readonly number[], band: Band): Row[] {
  const rows: Row[] = [];
  day.forEach((d, i) => {
    const v = band.mean[i];
    if (v != null) rows.push({ policy: label, month: month(d), value: v });
  });
  return rows;
}

/** New freeze events of all causes per step (a sum of means is the mean of the sums). */
function totalEvents(ts: TimeSeries): Band {
  const mean = ts.day.map((_, i) => {
    let sum = 0;
    for (const c of FREEZE_CAUSES) {
      const v = ts.newFreezeEvents[c].mean[i];
      if (v == null) return null;
      sum += v;
    }
    return sum;
  });
  return { mean, p05: mean.map(() => null), p95: mean.map(() => null) };
}

function lines(opts: {
  title: string;
  subtitle: string;
  description: string;
  rows: Row[];
  reference: string | undefined;
  yTitle: string;
  yFormat: string;
  tooltipFormat: string;
  labels: readonly string[];
  zero?: boolean;
}): TopLevelSpec {
  const ref = JSON.stringify(opts.reference ?? null);
  return {
    ...frame(opts.title, opts.subtitle, opts.description),
    width: WIDTH,
    height: HEIGHT,
    data: { values: opts.rows },
    encoding: {
      x: { field: 'month', type: 'quantitative', axis: MONTH_AXIS },
      y: { field: 'value', type: 'quantitative', title: opts.yTitle, axis: { format: opts.yFormat }, scale: { zero: opts.zero ?? true } },
      color: { field: 'policy', type: 'nominal', title: null, scale: policyScale(opts.labels), sort: [...opts.labels] },
      tooltip: [
        { field: 'policy', type: 'nominal', title: 'Policy' },
        { field: 'month', type: 'quantitative', title: 'Month', format: FORMAT.month },
        { field: 'value', type: 'quantitative', title: 'Mean of paths', format: opts.tooltipFormat },
      ],
    },
    // The reference drawn last, dashed: where a policy that changes nothing lies under it, both still show.
    layer: [
      {
        transform: [{ filter: `datum.policy !== ${ref}` }],
        mark: { type: 'line', strokeWidth: 2, point: { size: 16, filled: true } },
      },
      {
        transform: [{ filter: `datum.policy === ${ref}` }],
        mark: { type: 'line', strokeWidth: 2.5, strokeDash: [6, 4], point: { size: 16, filled: true } },
      },
    ],
  };
}

const referenceOf = (runs: readonly SeriesRun[]) => runs.find((r) => r.reference)?.label;

export function seriesDefaultRateChart(runs: readonly SeriesRun[]): TopLevelSpec {
  const labels = runs.map((r) => r.label);
  return lines({
    title: 'Cumulative default rate, by policy',
    subtitle: 'Share of starting borrowers in default, by month; mean of paths, one line per policy.',
    description: 'Cumulative default rate over time, one line per policy.',
    rows: runs.flatMap((r) => meanRows(r.label, r.timeSeries.day, r.timeSeries.cumulativeDefaultRate)),
    yTitle: 'Defaulted (% of starting borrowers)',
    yFormat: FORMAT.pct,
    tooltipFormat: FORMAT.pctFine,
    labels,
    reference: referenceOf(runs),
  });
}

export function seriesFreezeEventsChart(runs: readonly SeriesRun[]): TopLevelSpec {
  const labels = runs.map((r) => r.label);
  const periodDays = Math.max(30, ...runs.map((r) => r.stepDays));
  const per = periodDays === 30 ? 'month' : `${periodDays}-day period`;
  const rows = runs.flatMap((r) =>
    perPeriod(r.timeSeries.day, totalEvents(r.timeSeries), periodDays).map((p) => ({ policy: r.label, month: p.period, value: p.value })),
  );
  return lines({
    title: 'New freeze events, by policy',
    subtitle: `Accounts newly frozen per ${per}, all causes (holds excluded); mean per path, one line per policy.`,
    description: 'New freeze events per period over time, one line per policy.',
    rows,
    yTitle: `Freeze events per ${per} (mean per path)`,
    yFormat: FORMAT.count,
    tooltipFormat: ',.1f',
    labels,
    reference: referenceOf(runs),
  });
}

export function seriesExposureChart(runs: readonly SeriesRun[]): TopLevelSpec {
  const labels = runs.map((r) => r.label);
  return lines({
    title: 'Exposure, by policy',
    subtitle: "Outstanding balance of one path's book, by month; mean of paths, one line per policy.",
    description: 'Outstanding balance over time, one line per policy.',
    rows: runs.flatMap((r) => meanRows(r.label, r.timeSeries.day, r.timeSeries.exposure)),
    yTitle: 'Outstanding balance (currency units)',
    yFormat: FORMAT.amount,
    tooltipFormat: FORMAT.amountExact,
    labels,
    reference: referenceOf(runs),
    zero: false,
  });
}
