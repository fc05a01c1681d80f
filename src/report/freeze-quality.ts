/**
 * The run report's "Freeze quality" section (model v2): whom the freezes hit
 * (good customers or bad accounts, by cause), what the rules caught, and the
 * loss split into credit and fraud. A committee should read it in a minute, so
 * every number comes with its 95% interval and a label in plain words.
 * A run without hidden states gets one sentence saying so, and no charts.
 */
import type { Stat, Summary } from '../results/types.js';
import { type SafeHtml, html } from './escape.js';
import { CAUSE_LABELS } from './figures.js';
import { LOSS_SOURCE_LABELS, causeQuality, type HiddenStates, hiddenStatesOf, lossSources } from './freeze-quality-data.js';
import { formatMean, formatRange } from './format.js';
import type { FigureKind } from './figures.js';
import { type PageSection, chartFigure, chartGrid } from './html.js';
import { dataTable } from './tables.js';

export const HIDDEN_STATES_OFF =
  'Hidden states were off in this scenario (distress, bust-out and account-takeover fraud all disabled), so every freeze fell on a good account and there is no freeze quality to judge.';

const OFF = 'off in this scenario';

/** Events per 1000 account-months: two decimals below 10, since most causes are rare. */
function per1000(value: number): string {
  return value.toFixed(Math.abs(value) < 10 ? 2 : 1);
}

/** "12.3 (11.9 – 12.7)": the mean and its 95% interval (left out when it prints as the mean twice), or the reason there is no value. */
export function withInterval(stat: Stat | undefined, kind: FigureKind): string {
  if (!stat) return '—';
  if (stat.mean === null) return formatMean(stat, kind);
  const mean = kind === 'per1000' ? per1000(stat.mean) : formatMean(stat, kind);
  if (!stat.ci95) return mean;
  const range = kind === 'per1000' ? `${per1000(stat.ci95[0])} – ${per1000(stat.ci95[1])}` : formatRange(stat.ci95, kind, stat.mean);
  return range === `${mean} – ${mean}` ? mean : `${mean} (${range})`;
}

/** False flags per true flag as a committee reads them: "2.8×", "0.35×". */
export function formatFlags(value: number): string {
  return `${value.toFixed(value >= 1 ? 1 : 2)}×`;
}

function flagsWithInterval(mean: number | null, ci95: readonly [number, number] | null): string {
  if (mean === null) return '— (no true flag)';
  const m = formatFlags(mean);
  if (!ci95) return m;
  const range = `${formatFlags(ci95[0])} – ${formatFlags(ci95[1])}`;
  return range === `${m} – ${m}` ? m : `${m} (${range})`;
}

function flagsStat(stat: Stat | undefined): string {
  return !stat ? '—' : stat.mean === null ? formatMean(stat, 'ratio') : flagsWithInterval(stat.mean, stat.ci95);
}

function figure(summary: Summary, name: string): Stat | undefined {
  return summary.headline[name];
}

/** The one-sentence answer: how many freezes hit good customers, and how many false flags per true one. */
export function freezeQualitySentence(summary: Summary): string {
  const all = figure(summary, 'freezeEventsPer1000AccountMonths');
  const good = figure(summary, 'goodCustomerFreezesPer1000AccountMonths');
  const precision = figure(summary, 'freezePrecision');
  const flags = figure(summary, 'falseFlagsPerTrueFlag');
  const rule = figure(summary, 'falseFlagsPerTrueFlagRiskModelRule');
  const ever = figure(summary, 'goodCustomersEverFrozenShare');
  const parts = [
    `Of ${withInterval(all, 'per1000')} freeze events per 1000 account-months, ${withInterval(good, 'per1000')} fell on good customers`,
    `${withInterval(precision, 'share')} of freezes hit a bad account, ${flagsStat(flags)} false flags for every true one (the automatic risk-model rule alone: ${flagsStat(rule)})`,
  ];
  const everText = ever?.mean != null ? ` ${withInterval(ever, 'share')} of borrowers were frozen at least once while in good standing.` : '';
  return `${parts.join('; ')}.${everText} Figures are means per path with their 95% intervals in brackets.`;
}

function causeQualityTable(summary: Summary): SafeHtml {
  const rows = causeQuality(summary).map((q) => [
    CAUSE_LABELS[q.cause],
    withInterval(q.good, 'per1000'),
    withInterval(q.bad, 'per1000'),
    withInterval(q.precision, 'share'),
    flagsWithInterval(q.falseFlags.mean, q.falseFlags.ci95),
  ]);
  const h = summary.headline;
  const all = h['freezeEventsPer1000AccountMonths'];
  const good = h['goodCustomerFreezesPer1000AccountMonths'];
  const bad: Stat | undefined =
    all?.mean != null && good?.mean != null ? { ...all, mean: all.mean - good.mean, ci95: null, p05: null, p50: null, p95: null } : undefined;
  rows.push(['All causes', withInterval(good, 'per1000'), bad ? withInterval(bad, 'per1000') : '—', withInterval(h['freezePrecision'], 'share'), flagsStat(h['falseFlagsPerTrueFlag'])]);
  return dataTable({
    caption: 'Freeze events per 1000 account-months by cause, and their precision: mean (95% interval)',
    columns: [
      { header: 'Cause' },
      { header: 'On good customers', align: 'num' },
      { header: 'On bad accounts', align: 'num' },
      { header: 'Precision (share on bad)', align: 'num' },
      { header: 'False flags per true flag', align: 'num' },
    ],
    rows,
    note:
      'A bad account was distressed, a bust-out or taken over when the freeze was triggered. Precision by cause is the mean over the paths that had freezes of that cause; false flags per true flag by cause is (1 − precision) / precision, its interval the image of precision’s. The all-causes row gives the run’s own figures (false flags averaged path by path, so not quite (1 − precision) / precision); its bad-account events are the total less the good ones.',
  });
}

function caughtTable(summary: Summary, on: HiddenStates): SafeHtml {
  const cell = (name: string, enabled: boolean, kind: FigureKind): [string, string] => {
    if (!enabled) return [OFF, ''];
    const stat = figure(summary, name);
    return stat ? [formatMean(stat, kind), formatRange(stat.ci95, kind, stat.mean)] : ['—', '—'];
  };
  return dataTable({
    columns: [{ header: 'Caught' }, { header: 'Mean', align: 'num' }, { header: '95% interval', align: 'num' }],
    rows: [
      ['Distressed borrowers who defaulted and had been frozen (risk model or identity check) before their first missed payment', ...cell('distressDefaultsFlaggedShare', on.distress, 'share')],
      ['Bust-outs closed by an investigation before they defaulted', ...cell('bustOutsStoppedShare', on.bustOut, 'share')],
      ['Account takeovers the lender stopped (identity check or investigation) before the owner noticed', ...cell('takeoversStoppedShare', on.takeover, 'share')],
      ['Fraud loss per account takeover (currency units)', ...cell('fraudLossPerTakeover', on.takeover, 'amount')],
    ],
    note: 'Shares of the distressed defaults, bust-outs and takeovers of each path, averaged over the paths that had any.',
  });
}

function lossTable(summary: Summary): SafeHtml {
  const rows = lossSources(summary);
  const loss = figure(summary, 'lossRate');
  return dataTable({
    caption: 'Losses by source over the horizon: mean (95% interval)',
    columns: [{ header: 'Source' }, { header: 'Loss (% of starting balance)', align: 'num' }, { header: 'Share of the loss', align: 'num' }],
    rows: [
      ...(rows ?? []).map((r) => [LOSS_SOURCE_LABELS[r.source], withInterval(r.rate, 'share'), withInterval(r.share, 'share')]),
      ['All sources', withInterval(loss, 'share'), '100%'],
    ],
    note: rows
      ? 'Credit loss: defaults of borrowers who are not fraudsters (including the credit part of a taken-over account’s default). Fraud loss: bust-out defaults and takeover write-offs. Each path’s parts add up to its loss.'
      : 'This summary has no per-path loss split, so only the total is shown.',
  });
}

/** "Defaults: 66.1% distressed, 8.0% bust-outs, 25.9% healthy at the default." */
function defaultsSentence(summary: Summary): SafeHtml {
  const parts = (
    [
      ['defaultShareDistressed', 'by borrowers in distress'],
      ['defaultShareBustOut', 'bust-outs'],
      ['defaultShareHealthy', 'by borrowers healthy at the default'],
    ] as const
  ).flatMap(([name, words]) => {
    const stat = figure(summary, name);
    return stat?.mean != null ? [`${withInterval(stat, 'share')} ${words}`] : [];
  });
  return parts.length ? html`<p>Of the defaults, ${parts.join(', ')}.</p>` : html``;
}

/** The section, placed after "Freezes and holds". */
export function freezeQualitySection(summary: Summary): PageSection {
  const on = hiddenStatesOf(summary);
  const fig = (name: string) => chartFigure(name, `SVG: charts/${name}.svg`);
  const body = on.any
    ? html`<p class="lead" id="freeze-quality-answer"><strong>Whom do the freezes hit?</strong> ${freezeQualitySentence(summary)}</p>
${chartGrid([fig('freeze-quality')])}${causeQualityTable(summary)}
<h3>What the rules caught</h3>${caughtTable(summary, on)}
<h3>Credit and fraud losses</h3>${chartGrid([fig('loss-sources')])}${lossTable(summary)}${defaultsSentence(summary)}
${chartGrid([fig('hidden-states')])}`
    : html`<p class="note" id="freeze-quality-off">${HIDDEN_STATES_OFF}</p>`;
  return { id: 'freeze-quality', heading: 'Freeze quality', body };
}
