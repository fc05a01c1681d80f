/** Writing a built report: the HTML page and one SVG per chart, each atomically. */
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { type VegaSpec, renderSvg } from './vega.js';

export interface ReportFiles {
  /** path of the HTML file written */
  html: string;
  /** paths of the SVG files written, one per chart */
  svgs: string[];
}

/** Writes `html` to `htmlFile` and each chart to `chartsDir/<name>.svg` (rendered in Node). */
export async function writeReportFiles(
  built: { html: string; charts: Record<string, VegaSpec> },
  target: { htmlFile: string; chartsDir: string },
): Promise<ReportFiles> {
  const svgs: string[] = [];
  for (const [name, spec] of Object.entries(built.charts)) {
    const file = join(target.chartsDir, `${name}.svg`);
    await writeFileAtomic(file, await renderSvg(spec));
    svgs.push(file);
  }
  await writeFileAtomic(target.htmlFile, built.html);
  return { html: target.htmlFile, svgs };
}

/** The usual place: `dir/report.html` and `dir/charts/`. */
export function inFolder(dir: string): { htmlFile: string; chartsDir: string } {
  return { htmlFile: join(dir, 'report.html'), chartsDir: join(dir, 'charts') };
}
