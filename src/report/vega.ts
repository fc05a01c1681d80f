/**
 * Vega-Lite → Vega in Node (so pages inline vega, not vega-lite) and Vega → SVG
 * (for `charts/<name>.svg`, no browser).
 */
import * as vega from 'vega';
import type { LoggerInterface, Spec as VegaSpec } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export type { VegaSpec };

export interface Compiled {
  vega: VegaSpec;
  /** vega-lite's warnings and errors, as text; a chart builder should produce none */
  warnings: string[];
}

/** A logger that keeps vega-lite's messages instead of printing them. */
function collectingLogger(messages: string[]): LoggerInterface {
  let level = 0;
  const keep = (kind: string) =>
    function (this: LoggerInterface, ...args: unknown[]) {
      messages.push(`${kind}: ${args.map(String).join(' ')}`);
      return this;
    };
  return {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return this;
    },
    error: keep('error'),
    warn: keep('warn'),
    info() {
      return this;
    },
    debug() {
      return this;
    },
  } as LoggerInterface;
}

/** Compiles a Vega-Lite spec, collecting rather than printing warnings. */
export function compileChart(spec: TopLevelSpec): Compiled {
  const warnings: string[] = [];
  const { spec: compiled } = compile(spec, { logger: collectingLogger(warnings) });
  return { vega: compiled, warnings };
}

/** Renders a Vega spec to SVG text headlessly (~60 ms a chart). */
export async function renderSvg(spec: VegaSpec): Promise<string> {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
