/**
 * The page shell and the run report as text: self-contained, offline, escaped.
 * The same escaping case is checked in a real browser in browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeScript } from '../../src/report/assets.js';
import { escapeHtml, html, jsonForScript, trusted } from '../../src/report/escape.js';
import { CONTENT_SECURITY_POLICY, chartFigure, renderPage } from '../../src/report/html.js';
import { buildRunReport, preIncreaseSentence } from '../../src/report/run-report.js';
import { compileChart } from '../../src/report/vega.js';
import { HOSTILE_OPTIONS as XSS_OPTIONS, makeSummaryFixture } from '../fixtures/summary-fixture.js';

describe('escaping helpers', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('html escapes interpolations but not SafeHtml', () => {
    expect(html`<p>${'<b>'}${trusted('<i>ok</i>')}${['<', 1]}${null}${false}</p>`.toString()).toBe('<p>&lt;b&gt;<i>ok</i>&lt;1</p>');
  });
  it('jsonForScript leaves no < (so no </script> or <!--) and parses back', () => {
    const value = { a: '</script><!-- \u2028', b: [1, '<'] };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(value);
  });
  it('sanitizeScript drops source-map comments and breaks </script', () => {
    const out = sanitizeScript('var a="</script>";\n//# sourceMappingURL=x.js.map\nvar b="<!--";');
    expect(out).not.toMatch(/sourceMappingURL|<\/script|<!--/i);
  });
});

describe('renderPage', () => {
  it('builds a generic page from sections and charts', async () => {
    const chart = compileChart({ data: { values: [{ a: 1 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
    expect(chart.warnings).toEqual([]);
    const page = await renderPage({
      title: 'Compare <A> & <B>',
      sections: [{ id: 'one', heading: 'One', body: html`<p>${'<x>'}</p>${chartFigure('forest', 'a caption')}` }],
      charts: { forest: chart.vega },
    });
    expect(page).toContain('<title>Compare &lt;A&gt; &amp; &lt;B&gt;</title>');
    expect(page).toContain('data-chart="forest"');
    expect(page).toContain('<p>&lt;x&gt;</p>');
    expect(page).toContain('id="limitlab-charts"');
  });
  it('omits the chart runtime when there are no charts', async () => {
    const page = await renderPage({ title: 't', sections: [{ id: 's', heading: 'S', body: html`<p>x</p>` }] });
    expect(page).not.toContain('<script');
    expect(page.length).toBeLessThan(20_000);
  });
  it('refuses a chart without a container and a container without a chart', async () => {
    const chart = compileChart({ data: { values: [] }, mark: 'point' }).vega;
    await expect(renderPage({ title: 't', sections: [], charts: { lost: chart } })).rejects.toThrow(/no container/);
    await expect(renderPage({ title: 't', sections: [{ id: 's', heading: 'S', body: chartFigure('orphan') }] })).rejects.toThrow(/no chart spec/);
  });
  it('collects vega-lite warnings instead of printing them', () => {
    const { warnings } = compileChart({ data: { values: [] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative', aggregate: 'nonsense' as 'sum' } } });
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe('the run report page', async () => {
  const { html: page, warnings } = await buildRunReport(makeSummaryFixture());

  it('compiles every chart without warnings', () => {
    expect(warnings).toEqual({});
  });
  it('is one offline file: CSP without remote sources, no external src/href, no source maps', () => {
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'unsafe-inline' 'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    expect(page).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toContain('sourceMappingURL');
  });
  it('inlines vega and vega-embed and the compiled specs', () => {
    expect(page).toContain('data-lib="vega/vega.min.js"');
    expect(page).toContain('data-lib="vega-embed/vega-embed.min.js"');
    expect(page.match(/<script\b/g)?.length).toBe(4); // chart data, vega, vega-embed, the runtime
  });
  it('is small (well under 3 MB)', () => {
    expect(Buffer.byteLength(page)).toBeLessThan(1_500_000);
  });
  it('starts with the executive summary: traffic lights, then the product question', () => {
    const summaryAt = page.indexOf('id="summary"');
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(page.indexOf('id="credit"'));
    expect(page).toMatch(/data-verdict="(green|amber|red)" data-figure="annualDefaultRate"/);
    expect(page).toContain('data-figure="lossRateVaR99"');
    expect(page).toContain(preIncreaseSentence(makeSummaryFixture()).slice(0, 40));
  });
  it('answers the product question with a number and causes', () => {
    expect(preIncreaseSentence(makeSummaryFixture())).toMatch(
      /^\d+\.\d+% of limit-increase requests \(95% interval [\d.]+% – [\d.]+%\) came from accounts .* by cause: risk model [\d.]+%/,
    );
  });
  it('has the manifest and the resolved scenario in a collapsible block', () => {
    const s = makeSummaryFixture();
    expect(page).toContain(s.manifest.scenarioHash);
    expect(page).toContain(String(s.manifest.seed));
    expect(page).toMatch(/<details><summary>[^<]*YAML[^<]*<\/summary><pre>[^<]*name: baseline/);
  });
});

describe('escaping in the run report', async () => {
  const { html: page } = await buildRunReport(makeSummaryFixture(XSS_OPTIONS));

  it('shows a hostile scenario name as text and never as markup', () => {
    expect(page).not.toContain('</script><script>window.__pwned');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<svg onload');
    expect(page).not.toContain('<b>bold</b>');
    expect(page).not.toContain('<i>figure</i>');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;i&gt;figure&lt;/i&gt;');
  });
  it('keeps exactly the page’s own four scripts', () => {
    expect(page.match(/<script\b/gi)?.length).toBe(4);
    expect(page.match(/<\/script>/gi)?.length).toBe(4);
  });
  it('keeps the names in the chart data as escaped JSON', () => {
    const data = page.slice(page.indexOf('id="limitlab-charts">'), page.indexOf('</script>', page.indexOf('id="limitlab-charts">')));
    expect(data).toContain('\\u003c/script>\\u003csvg onload=alert(3)>');
    expect(data).not.toContain('<');
  });
});
