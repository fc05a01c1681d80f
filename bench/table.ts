/** bench.json as a table for people. */
import { fitLine } from './spread.js';
import type { BenchResult, GrowthPoint, Spread } from './types.js';

const MB = 1024 * 1024;

function millions(x: number): string {
  return `${(x / 1e6).toFixed(2)} M`;
}

function count(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

function spreadRow(label: string, s: Spread): string {
  return row([label, millions(s.median), millions(s.min), millions(s.max)], [34, 10, 10, 10]);
}

function verdict(ok: boolean, quick: boolean): string {
  return quick ? '' : ok ? '  met' : '  NOT met';
}

function growthRows(name: string, points: GrowthPoint[]): string[] {
  const rows = points.map((p) =>
    row(
      [name, count(p.paths), count(p.borrowersPerPath), count(p.steps), count(p.borrowerSteps), p.seconds.toFixed(3), millions(p.borrowerStepsPerSecond), `${(p.peakRssBytes / MB).toFixed(0)} MB`],
      [10, 6, 10, 6, 14, 8, 10, 9],
    ),
  );
  // Linear in size: a fixed cost per run (pool spin-up, each worker's JIT warm-up) plus a cost per borrower-step.
  const line = fitLine(points.map((p) => p.borrowerSteps), points.map((p) => p.seconds));
  rows.push(`${' '.repeat(12)}fit: ${line.intercept.toFixed(2)} s + ${(line.slope * 1e9).toFixed(0)} ns per borrower-step (${millions(1 / line.slope)} marginal)`);
  return rows;
}

export function formatBench(r: BenchResult): string {
  const e = r.env;
  const s = e.scenario;
  const q = e.quick;
  const lines = [
    `limitlab benchmark${q ? ' (quick: a smoke test, figures mean nothing)' : ''}`,
    `scenario ${s.name}: ${count(s.paths)} paths × ${count(s.borrowersPerPath)} borrowers × ${s.steps} steps = ${count(s.borrowerSteps)} borrower-steps; ${e.repetitions} repetition${e.repetitions === 1 ? '' : 's'} after a warm-up`,
    '',
    row(['borrower-steps per second', 'median', 'min', 'max'], [34, 10, 10, 10]),
    spreadRow('engine, 1 worker', r.oneWorker.borrowerStepsPerSecond),
    spreadRow('engine, 1 worker, model v2 off', r.hiddenStates.v1OneWorker),
    spreadRow(`engine, ${r.allCores.workers} workers`, r.allCores.borrowerStepsPerSecond),
    spreadRow(`PRNG only (${r.uniformsPerBorrowerStep} alea uniforms a step)`, r.prngOnlyStepsPerSecond),
    '',
    `scaling      ${r.scaling.toFixed(2)}   (${r.allCores.workers} workers / 1; target ≥ 1.8 on 2 cores)${verdict(r.scaling >= 1.8, q)}`,
    `model v2     ${r.hiddenStates.ratio.toFixed(2)}   (1 worker, v2 on / off; target ≥ 0.85)${verdict(r.hiddenStates.ratio >= 0.85, q)}`,
    `efficiency   ${r.efficiency.toFixed(2)}   (1 worker / PRNG only; target ≥ 0.5)${verdict(r.efficiency >= 0.5, q)}`,
    `start-up     ${r.startupSeconds.toFixed(3)} s (scenario resolution + pool spin-up; target < 1 s)${verdict(r.startupSeconds < 1, q)}`,
    `memory       peak RSS ${(r.memory.peakRssBytes / MB).toFixed(0)} MB; ${(r.memory.bytesPer1000Borrowers / 1024).toFixed(1)} KB more per 1000 borrowers per path (target: flat)`,
    '',
    row(['growth', 'paths', 'borrowers', 'steps', 'borrower-steps', 'seconds', 'steps/s', 'peak RSS'], [10, 6, 10, 6, 14, 8, 10, 9]),
    ...growthRows('borrowers', r.growth.borrowers),
    ...growthRows('paths', r.growth.paths),
    ...growthRows('steps', r.growth.steps),
    '',
    `${e.node} on ${e.cpuModel}, ${e.cores} cores, ${e.platform}; commit ${e.commit.slice(0, 12)}; load average ${e.loadAverage.join(' / ')}` +
      (e.loadAverage[0]! > e.cores ? ' (busy machine: other work shared the CPUs)' : ''),
  ];
  return lines.join('\n');
}
