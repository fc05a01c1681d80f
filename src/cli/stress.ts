/**
 * `limitlab stress SUITE`: run a stress suite unattended and gate it on the
 * risk appetite.
 *
 *   resolve the suite (exit 2 on any problem) → the run folder: a new dated one,
 *   --out, or --resume (refused, exit 2, unless its manifest matches) → the
 *   stress run (src/stress/run-suite.ts; log lines with timestamps on stderr,
 *   a bar only on a terminal, Ctrl-C aborts) → verdicts on stdout → exit code
 *
 * Exit codes: 0 every limit met; 3 a limit breached (or one that cannot be
 * judged); 2 bad input; 1 any other failure; 130 interrupted. 2 and 1 win over
 * 3: they are decided before any verdict exists.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { RunProgress } from '../engine/api.js';
import { messages, stressMessages } from '../messages.js';
import { figureInfo } from '../report/figures.js';
import { formatLimit, formatValue } from '../report/format.js';
import { isScenarioError } from '../scenario/errors.js';
import { displayPath } from '../scenario/load.js';
import { resolveSuite } from '../stress/resolve-suite.js';
import { claimDatedFolder, DEFAULT_HISTORY, DEFAULT_PARENT, newRunId, outState } from '../stress/run-folder.js';
import type { StressEngine } from '../stress/run-suite.js';
import { readRunManifest, resumeMismatches, runManifest } from '../stress/shard-store.js';
import type { Breach, ResolvedSuite, RunManifest, StressResult } from '../stress/types.js';
import { packageInfo } from '../util/package-info.js';
import { ExitCode, stopCode } from './exit-codes.js';
import { watchForStop } from './stop.js';
import type { CliIo, OutStream } from './io.js';
import { positiveInteger } from './options.js';
import { createProgress, type ProgressReporter } from './progress.js';
import { printScenarioError } from './scenario-errors.js';
import { formatStat, textLine } from './summary-text.js';
import { tailLevelOf } from '../results/tail.js';
import { errorText } from './batch.js';
import { lockOrPrint } from './out-guard.js';

/** A limit breached, or one that cannot be judged. */
export const BREACH_EXIT = 3;

export const STRESS_EXIT_CODES_HELP = `
Exit codes of stress:
  0    every limit met (the mean within each limit)
  3    a limit breached, or one that cannot be judged; each is printed
  2    bad input (usage, suite or scenario errors, a refused --resume)
  1    any other failure (engine, disk); finished shards are kept for --resume
  130  interrupted (Ctrl-C); finished shards are kept for --resume
  143  terminated (SIGTERM: preemption, eviction); finished shards are kept for --resume`;

export interface StressFlags {
  out?: string;
  part?: string;
  history?: string;
  json?: boolean;
  resume?: string;
  workers?: number;
  paths?: string;
  borrowers?: string;
  seed?: string;
  quiet?: boolean;
}

/** The figures the text output shows per scenario (labels from the registry). */
const TEXT_FIGURES = (
  ['annualDefaultRate', 'lossRate', 'lossRateVaR99', 'freezeEventsPer1000AccountMonths'] as const
).map(textLine);

export async function stressCommand(file: string, flags: StressFlags, io: CliIo): Promise<number> {
  const now = (): Date => new Date(io.now());
  const show = (p: string): string => displayPath(p, io.cwd);
  const stamped = timestamped(io.stderr, now);
  const warn = (text: string): void => void stamped.write(`warning: ${text}\n`);
  const badInput = (text: string): number => {
    io.stderr.write(`${text}\n`);
    return ExitCode.badInput;
  };

  // 1. The suite, every scenario resolved as it will run.
  let suite: ResolvedSuite;
  try {
    const sizes = { paths: flags.paths, borrowers: flags.borrowers, seed: flags.seed };
    suite = await resolveSuite(file, Object.fromEntries(Object.entries(sizes).filter(([, v]) => v !== undefined)), io.cwd);
  } catch (e) {
    if (!isScenarioError(e)) throw e;
    printScenarioError(e, io.stderr);
    return ExitCode.badInput;
  }
  const version = packageInfo().version;
  // 1b. One part of a scaled-out suite: its shards only, into --out/parts/ (src/cli/stress-part.ts).
  if (flags.part !== undefined) {
    if (flags.out === undefined || flags.resume !== undefined) return badInput(stressMessages.partNeedsOut());
    const { runStressPart } = await import('./stress-part.js');
    return runStressPart(suite, flags.part, path.resolve(io.cwd, flags.out), flags, io);
  }
  const historyFile = path.resolve(io.cwd, flags.history ?? DEFAULT_HISTORY);
  if ((await stat(historyFile).catch(() => undefined))?.isDirectory()) return badInput(`--history ${show(historyFile)} is a directory; it must name a file`);

  // 2. The run folder: continue a matching run, or start a new one where nothing is in the way.
  let dir: string;
  let manifest: RunManifest;
  const resumed = flags.resume !== undefined;
  if (flags.resume !== undefined) {
    dir = path.resolve(io.cwd, flags.resume);
    if (flags.out !== undefined && path.resolve(io.cwd, flags.out) !== dir) return badInput(stressMessages.outAndResume(flags.out, flags.resume));
    const recorded = await readRunManifest(dir);
    if (!recorded) return badInput(stressMessages.notARun(flags.resume));
    const mismatches = resumeMismatches(recorded, runManifest(suite, recorded.run, version));
    if (mismatches.length > 0) return badInput(stressMessages.resumeMismatch(flags.resume, mismatches));
    manifest = recorded;
  } else {
    const started = now();
    try {
      if (flags.out !== undefined) {
        dir = path.resolve(io.cwd, flags.out);
        const state = await outState(dir);
        if (state === 'not-directory') return badInput(messages.outNotDirectory(flags.out));
        if (state === 'holds-run') return badInput(stressMessages.outHoldsRun(flags.out));
        await mkdir(dir, { recursive: true });
      } else {
        dir = await claimDatedFolder(path.resolve(io.cwd, DEFAULT_PARENT), started);
      }
    } catch (e) {
      io.stderr.write(`${messages.writeFailed(flags.out ?? DEFAULT_PARENT, errorText(e))}\n`);
      return ExitCode.failure;
    }
    manifest = runManifest(suite, { id: newRunId(started), startedAt: started.toISOString() }, version);
  }
  // 2b. One writer per run folder: a second stress run (or a resume) on it at once is refused, naming the first.
  const release = await lockOrPrint(dir, `limitlab stress ${file}`, io);
  if (!release) return ExitCode.badInput;
  try {
    const resumeHint = `limitlab stress ${file} --resume ${show(dir)}`;

    // 3. The run. Loaded here: the engine and the report bring workers and Vega, which `validate` should not pay for.
    let engine: StressEngine;
    let runStressSuite: typeof import('../stress/run-suite.js').runStressSuite;
    try {
      engine = await io.loadEngine();
      runStressSuite = (await import('../stress/run-suite.js')).runStressSuite;
    } catch (e) {
      io.stderr.write(`${messages.engineUnavailable(errorText(e))}\n`);
      return ExitCode.failure;
    }

    const stop = watchForStop(io);
    const quiet = flags.quiet ?? false;
    // On a terminal a bar; elsewhere plain progress lines, timestamped like every log line.
    const progressIo = io.stderr.isTTY ? io : { ...io, stderr: stamped };
    let progress: ProgressReporter | undefined;
    let progressOf = -1;
    const log = (text: string): void => {
      progress?.stop();
      if (!quiet) stamped.write(`${text}\n`);
    };
    const running = runStressSuite(suite, {
      engine,
      dir,
      historyFile,
      manifest,
      resumed,
      version,
      ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
      signal: stop.signal,
      now,
      show,
      log,
      warn: (text) => {
        progress?.stop();
        warn(text);
      },
      onProgress: (index: number, p: RunProgress) => {
        if (stop.signal.aborted) return;
        if (index !== progressOf) {
          progress?.stop();
          progress = createProgress(progressIo, quiet);
          progressOf = index;
        }
        progress?.update(p);
      },
    }).then(
      (result) => ({ kind: 'done' as const, result }),
      (error: unknown) => ({ kind: 'failed' as const, error }),
    );
    const outcome = await Promise.race([running, stop.stopped]);
    stop.unsubscribe();
    progress?.stop();
    if (outcome.kind === 'interrupted' || stop.signal.aborted) {
      const by = stop.stoppedBy() ?? 'SIGINT';
      io.stderr.write(`${stressMessages.interrupted(resumeHint, by)}\n`);
      return stopCode(by);
    }
    if (outcome.kind === 'failed') {
      io.stderr.write(`${stressMessages.failed(errorText(outcome.error), resumeHint)}\n`);
      return ExitCode.failure;
    }

    // 4. The verdicts: JSON for machines, a short table for people; every breach named.
    return printVerdicts(outcome.result, dir, flags, io);
  } finally {
    await release();
  }
}

/** Print a finished stress run's verdicts (stdout; breaches also on stderr under --json) and return its exit code. */
export function printVerdicts(result: StressResult, dir: string, flags: { json?: boolean; quiet?: boolean }, io: CliIo): number {
  const show = (p: string): string => displayPath(p, io.cwd);
  const stamped = timestamped(io.stderr, () => new Date(io.now()));
  const stressFile = show(path.join(dir, 'stress.json'));
  if (flags.json) io.stdout.write(`${JSON.stringify(jsonVerdicts(result, show(dir), stressFile), null, 2)}\n`);
  else io.stdout.write(formatStressText(result, show(dir)));
  if (flags.json) for (const b of result.breaches) stamped.write(`${breachText(b)}\n`);
  if (flags.json && !flags.quiet) stamped.write(`report: ${show(path.join(dir, 'report.html'))}\n`);
  return result.breaches.length > 0 ? BREACH_EXIT : ExitCode.ok;
}

/** What `--json` prints: the verdicts and where the files are. */
export function jsonVerdicts(result: StressResult, dir: string, stressFile: string) {
  return {
    suite: result.suite.name,
    run: result.run.id,
    dir,
    stress: stressFile,
    status: result.status,
    breaches: result.breaches,
    scenarios: result.scenarios.map((s) => ({
      name: s.name,
      scenarioHash: s.scenarioHash,
      worst: s.verdicts.length ? s.worst : null,
      headline: Object.fromEntries(TEXT_FIGURES.map((f) => [f.figure, s.headline[f.figure]?.mean ?? null])),
      verdicts: s.verdicts,
    })),
  };
}

/** `BREACH severe-downturn: lossRateVaR99 = 21.4%, limit at most 20% (suite entry)` */
export function breachText(b: Breach): string {
  const kind = figureInfo(b.figure).kind;
  const limit = `${b.bound === 'max' ? 'at most' : 'at least'} ${formatLimit(b.limit, kind)}`;
  return b.verdict === 'red'
    ? `BREACH ${b.scenario}: ${b.figure} = ${formatValue(b.value, kind)}, limit ${limit}`
    : `CANNOT JUDGE ${b.scenario}: ${b.figure}, limit ${limit}: ${b.reason}`;
}

export function formatStressText(result: StressResult, dir: string): string {
  const out: string[] = [];
  const p = result.population;
  out.push(`${result.suite.name}: ${result.scenarios.length} scenarios, ${p.paths} paths × ${p.borrowersPerPath} borrowers, seed ${p.seed}${result.run.resumed ? ' (resumed)' : ''}`);
  const width = Math.max(...TEXT_FIGURES.map((f) => f.label.length));
  for (const s of result.scenarios) {
    const red = s.verdicts.filter((v) => v.verdict === 'red').length;
    out.push(`${s.name}  [${s.verdicts.length ? `${s.worst}: ${s.verdicts.length} limits, ${red} breached` : 'no limits'}]`);
    for (const f of TEXT_FIGURES) out.push(`  ${f.label.padEnd(width)}  ${formatStat(s.headline[f.figure], f.kind, tailLevelOf(f.figure))}`);
  }
  for (const b of result.breaches) out.push(breachText(b));
  out.push(`${result.status === 'within' ? 'within appetite' : `${result.breaches.length} limit${result.breaches.length === 1 ? '' : 's'} breached`}; report: ${path.join(dir, 'report.html')}`);
  return `${out.join('\n')}\n`;
}

/** stderr with an ISO 8601 timestamp at the start of every line (cron mail and CI logs have no clock). */
function timestamped(stream: OutStream, now: () => Date): OutStream {
  let atLineStart = true;
  return {
    write(text: string) {
      let out = '';
      for (const part of text.split(/(?<=\n)/)) {
        if (part === '') continue;
        out += atLineStart ? `${now().toISOString()} ${part}` : part;
        atLineStart = part.endsWith('\n');
      }
      return stream.write(out);
    },
    isTTY: false,
  };
}

export function registerStress(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('stress')
    .description('run a stress suite, gate it on the risk appetite, append to the history (exit 3 on a breach)')
    .argument('<suite>', 'suite file (YAML), e.g. scenarios/stress/suite.yaml')
    .option('-o, --out <dir>', `run folder (default: ${DEFAULT_PARENT}/<UTC timestamp>/)`)
    .option('--history <file>', `history file, JSON Lines, appended (default: ${DEFAULT_HISTORY})`)
    .option('--json', 'print the verdicts as JSON on stdout')
    .option('--resume <dir>', 'continue an interrupted run in <dir>: finished shards are reloaded, not redone')
    .option('--part <I/N>', 'simulate only part I of N (0-based) of the whole suite into <out>/parts/; `limitlab merge <out>` gates it (see docs/scale-out.md)')
    .option('--workers <n>', 'worker threads (default: one per core)', positiveInteger('--workers'))
    .option('--paths <n>', 'override run.paths of every scenario')
    .option('--borrowers <n>', 'override run.borrowersPerPath of every scenario')
    .option('--seed <n>', 'override the seed of every scenario (check a verdict on another seed)')
    .option('-q, --quiet', 'no progress and no log lines (warnings and breaches still print)')
    .addHelpText('after', STRESS_EXIT_CODES_HELP)
    .action(async (suite: string, flags: StressFlags) => done(await stressCommand(suite, flags, io)));
}
