/**
 * The run report's "Freeze quality" section (model v2): its numbers against
 * truths the section does not compute itself — the summary's own totals (good +
 * bad = all events; credit + bust-out + takeover = the loss rate; the two frauds =
 * the fraud loss rate), the fixture's fixed precisions with (1 − p)/p worked by
 * hand, the scaling of a standard error — and its page: the sentence, the tables,
 * the chart containers, and one sentence and no charts when hidden states were off.
 */
import { describe, expect, it } from 'vitest';
import { FREEZE_QUALITY_CHARTS, RUN_CHARTS } from '../../src/report/charts/index.js';
import { BAD_ACCOUNT, GOOD_ACCOUNT, freezeQualityRows } from '../../src/report/charts/freeze-quality.js';
import { lossSourceRows } from '../../src/report/charts/loss-sources.js';
import { HIDDEN_STATES_OFF, formatFlags, freezeQualitySection, withInterval } from '../../src/report/freeze-quality.js';
import { causeQuality, hiddenStatesOf, lossSources } from '../../src/report/freeze-quality-data.js';
import { buildRunReport } from '../../src/report/run-report.js';
import { FREEZE_CAUSES, type Stat, type Summary } from '../../src/results/types.js';
import { makeSummaryFixture } from '../fixtures/summary-fixture.js';

const v2 = (): Summary => makeSummaryFixture({ hiddenStates: true });

function stat(mean: number, ci95: [number, number] | null): Stat {
  return { mean, se: null, ci95, p05: null, p50: null, p95: null, n: 10 };
}

describe('which hidden states the run had', () => {
  it('reads the scenario, not the figures (the v1 fixture carries v2 figures with everything off)', () => {
    expect(hiddenStatesOf(makeSummaryFixture())).toEqual({ distress: false, bustOut: false, takeover: false, any: false });
    expect(hiddenStatesOf(v2())).toEqual({ distress: true, bustOut: true, takeover: true, any: true });
  });
  it('treats a summary from before model v2 (no distress or fraud in its scenario) as off', () => {
    const s = makeSummaryFixture();
    const scenario = s.manifest.scenario as Partial<Summary['manifest']['scenario']>;
    delete scenario.distress;
    delete scenario.fraud;
    expect(hiddenStatesOf(s).any).toBe(false);
  });
});

describe('freeze quality by cause', () => {
  // the fixture labels a fixed share of each cause's events bad (its V2_PRECISION)
  const PRECISION = { delinquency: 1, fraud: 1, scoreFloor: 0.04, identity: 0.08, riskModel: 0.16, maintenance: 0.02 };

  it('gives false flags per true flag as (1 − p)/p of the precision', () => {
    const q = Object.fromEntries(causeQuality(v2()).map((x) => [x.cause, x]));
    expect(q['riskModel']!.falseFlags.mean).toBeCloseTo(0.84 / 0.16, 12); // 5.25
    expect(q['scoreFloor']!.falseFlags.mean).toBeCloseTo(0.96 / 0.04, 12); // 24
    expect(q['delinquency']!.falseFlags.mean).toBe(0);
    for (const c of FREEZE_CAUSES) expect(q[c]!.precision.mean).toBeCloseTo(PRECISION[c], 12);
  });

  it('maps the precision interval to a false-flag interval with its ends swapped, and has none without a true flag', () => {
    const s = v2();
    s.byCause.freezePrecision.riskModel = stat(0.22, [0.2, 0.25]);
    s.byCause.freezePrecision.identity = stat(0, [0, 0]);
    const q = Object.fromEntries(causeQuality(s).map((x) => [x.cause, x]));
    expect(q['riskModel']!.falseFlags.ci95![0]).toBeCloseTo(3, 12); // (1 − 0.25)/0.25
    expect(q['riskModel']!.falseFlags.ci95![1]).toBeCloseTo(4, 12); // (1 − 0.2)/0.2
    expect(q['identity']!.falseFlags).toEqual({ mean: null, ci95: null });
  });

  it('charts the summary’s good and bad events, which add up to all events of the cause', () => {
    const s = v2();
    const rows = freezeQualityRows(s);
    expect(rows).toHaveLength(2 * FREEZE_CAUSES.length);
    FREEZE_CAUSES.forEach((c, i) => {
      const good = rows[2 * i]!;
      const bad = rows[2 * i + 1]!;
      expect([good.state, bad.state]).toEqual([GOOD_ACCOUNT, BAD_ACCOUNT]);
      expect(good.mean).toBe(s.byCause.goodFreezeEventsPer1000AccountMonths[c].mean);
      expect([good.lo, good.hi]).toEqual(s.byCause.goodFreezeEventsPer1000AccountMonths[c].ci95);
      expect(good.mean + bad.mean).toBeCloseTo(s.byCause.freezeEventsPer1000AccountMonths[c].mean!, 10);
    });
  });

  it('leaves out a side without a value instead of drawing it as zero', () => {
    const s = v2();
    s.byCause.goodFreezeEventsPer1000AccountMonths.fraud = { ...stat(0, null), mean: null, reason: 'no events' };
    expect(freezeQualityRows(s)).toHaveLength(2 * FREEZE_CAUSES.length - 1);
  });
});

describe('losses by source', () => {
  it('splits the loss rate exactly: credit + bust-out + takeover = loss, bust-out + takeover = fraud loss', () => {
    const s = v2();
    const rows = lossSources(s)!;
    const mean = (i: number) => rows[i]!.rate.mean!;
    expect(mean(0) + mean(1) + mean(2)).toBeCloseTo(s.headline['lossRate']!.mean!, 12);
    expect(mean(1) + mean(2)).toBeCloseTo(s.headline['fraudLossRate']!.mean!, 12);
    expect(rows[0]!.rate.mean).toBeCloseTo(s.headline['creditLossRate']!.mean!, 15);
    expect(rows[0]!.rate.n).toBe(s.headline['creditLossRate']!.n);
    expect(rows.reduce((a, r) => a + r.share.mean!, 0)).toBeCloseTo(1, 12);
    // a fixed share of every path's loss: the standard error scales by the share
    expect(rows[1]!.rate.se! / s.headline['lossRate']!.se!).toBeCloseTo(0.11, 12);
    const chart = lossSourceRows(s);
    expect(chart.map((r) => r.mean)).toEqual(rows.map((r) => r.rate.mean));
  });

  it('gives a path with no loss no fraud loss, and a path without a share no value', () => {
    const s = v2();
    s.perPath['lossRate']![0] = 0;
    s.perPath['creditLossRate']![0] = 0;
    s.perPath['takeoverLossShare']![0] = null; // a share of a zero loss is null in the summary
    s.perPath['bustOutLossShare']![1] = null;
    const [credit, bustOut, takeover] = lossSources(s)!;
    expect(takeover!.rate.n).toBe(s.manifest.paths); // path 0 counts as 0
    expect(bustOut!.rate.n).toBe(s.manifest.paths - 1); // path 1 has no value
    expect(credit!.share.n).toBe(s.manifest.paths - 1); // no share of a zero loss
  });

  it('is null without the per-path values (an older summary)', () => {
    const s = v2();
    delete s.perPath['bustOutLossShare'];
    expect(lossSources(s)).toBeNull();
    expect(lossSourceRows(s)).toEqual([]);
  });
});

describe('number formatting in the section', () => {
  it('prints a mean with its interval, and the mean alone when the interval prints as the mean twice', () => {
    expect(withInterval(stat(0.2861, [0.2785, 0.2943]), 'share')).toBe('28.6% (27.9% – 29.4%)');
    expect(withInterval(stat(0.584, [0.561, 0.606]), 'per1000')).toBe('0.58 (0.56 – 0.61)');
    expect(withInterval(stat(1, [1, 1]), 'share')).toBe('100.0%');
    expect(withInterval(stat(0.3, [0.3 - 1e-17, 0.3 + 1e-16]), 'share')).toBe('30.0%');
    expect(withInterval(undefined, 'share')).toBe('—');
    expect(formatFlags(2.8226)).toBe('2.8×');
    expect(formatFlags(0.347)).toBe('0.35×');
  });
});

describe('the section on the page', () => {
  it('answers whom the freezes hit, by cause, what the rules caught and the losses by source', () => {
    const body = freezeQualitySection(v2()).body.toString();
    expect(body).toContain('id="freeze-quality-answer"');
    expect(body).toMatch(/Of [\d.]+ \([\d.]+ – [\d.]+\) freeze events per 1000 account-months, [\d.]+ \([\d.]+ – [\d.]+\) fell on good customers/);
    for (const name of Object.keys(FREEZE_QUALITY_CHARTS)) expect(body).toContain(`data-chart="${name}"`);
    // the fixture's constant shares: 9%, 17% and 50% caught; precision 30%
    expect(body).toMatch(/before their first missed payment<\/th><td class="num">9\.00%<\/td>/);
    expect(body).toMatch(/before they defaulted<\/th><td class="num">17\.0%<\/td>/);
    expect(body).toMatch(/before the owner noticed<\/th><td class="num">50\.0%<\/td>/);
    expect(body).toContain('30.0% of freezes hit a bad account');
    expect(body).toContain('Fraud: bust-outs');
    expect(body).not.toContain(HIDDEN_STATES_OFF);
  });

  it('says a mechanic was off rather than showing its empty figure', () => {
    const s = v2();
    s.manifest.scenario.fraud.takeover.enabled = false;
    const body = freezeQualitySection(s).body.toString();
    expect(body).toMatch(/before the owner noticed<\/th><td class="num">off in this scenario/);
    expect(body).toMatch(/before they defaulted<\/th><td class="num">17\.0%/);
  });

  it('with hidden states off: one sentence, no charts, no figures', async () => {
    const s = makeSummaryFixture();
    const body = freezeQualitySection(s).body.toString();
    expect(body).toBe(`<p class="note" id="freeze-quality-off">${HIDDEN_STATES_OFF}</p>`);
    const built = await buildRunReport(s);
    expect(Object.keys(built.charts).sort()).toEqual(Object.keys(RUN_CHARTS).sort());
    expect(built.html).toContain('id="freeze-quality"');
  });

  it('with hidden states on: the report compiles the three charts without warnings, after "Freezes and holds"', async () => {
    const built = await buildRunReport(v2());
    expect(Object.keys(built.charts).sort()).toEqual([...Object.keys(RUN_CHARTS), ...Object.keys(FREEZE_QUALITY_CHARTS)].sort());
    expect(built.warnings).toEqual({});
    const at = (id: string) => built.html.indexOf(`<section id="${id}"`);
    expect(at('freezes')).toBeGreaterThan(0);
    expect(at('freeze-quality')).toBeGreaterThan(at('freezes'));
    expect(at('requests')).toBeGreaterThan(at('freeze-quality'));
  });
});
