/**
 * A stress run, stage by stage:
 *
 *   resolved suite → run folder + shards/manifest.json (or the recorded one, resuming)
 *     → per scenario: reload finished shards → simulate the rest, persisting
 *       each shard as it completes → scenarios/<name>/summary.json + its report
 *     → verdicts (gate) → history.jsonl (append) → report.html → stress.json (last)
 *
 * stress.json is written last, so its presence says the run finished. Every
 * file is written atomically; a killed run leaves finished shards and finished
 * scenarios, and `--resume` picks up from there. Never prints: it reports
 * through callbacks, and the command decides what to show.
 */
import path from 'node:path';
import type { RunProgress } from '../engine/api.js';
import type { SimulateOptions } from '../engine/run.js';
import { worstVerdict } from '../results/appetite.js';
import { writeRunReport } from '../report/run-report.js';
import { writeStressReport } from '../report/stress-report.js';
import type { Summary } from '../results/types.js';
import type { Scenario } from '../scenario/schema.js';
import { formatJson, writeFileAtomic } from '../util/atomic-write.js';
import { breaches, memberVerdicts } from './gate.js';
import { appendHistory, historyEntries, readHistory } from './history.js';
import { stressMessages } from '../messages.js';
import { STRESS_FILE } from './run-folder.js';
import { loadShards, writeRunManifest, writeShard } from './shard-store.js';
import type { ResolvedSuite, RunManifest, ScenarioOutcome, StressResult } from './types.js';

/** The engine as the stress run needs it: resumable (`done`) and persisting (`onShard`). */
export type StressEngine = (scenario: Scenario, options: SimulateOptions) => Promise<Summary>;

export interface StressRunOptions {
  engine: StressEngine;
  /** the run folder; it exists */
  dir: string;
  historyFile: string;
  /** what the run folder holds: a new run's manifest, or the recorded one of the run being resumed */
  manifest: RunManifest;
  /** true when continuing a run (its manifest already checked against the suite) */
  resumed: boolean;
  version: string;
  workers?: number;
  signal?: AbortSignal;
  now: () => Date;
  /** a path as the user should see it */
  show: (file: string) => string;
  log: (text: string) => void;
  warn: (text: string) => void;
  /** the engine's progress for scenario `index` (0-based) */
  onProgress?: (index: number, p: RunProgress) => void;
}

export const SCENARIOS_DIR = 'scenarios';

export async function runStressSuite(suite: ResolvedSuite, o: StressRunOptions): Promise<StressResult> {
  // 1. The manifest first: a shard on disk always has the manifest that says what it belongs to.
  const { manifest } = o;
  if (!o.resumed) await writeRunManifest(o.dir, manifest);
  o.log(o.resumed ? stressMessages.resuming(suite.name, o.show(o.dir)) : stressMessages.starting(suite.name, suite.members.length, o.show(o.dir)));

  // 2. Each scenario in turn: finished shards reloaded, the rest simulated and persisted as they complete.
  const outcomes: ScenarioOutcome[] = [];
  for (const [i, member] of suite.members.entries()) {
    const recorded = manifest.scenarios.find((s) => s.name === member.name)!;
    const done = o.resumed ? await loadShards(o.dir, recorded, o.warn) : new Map<number, Float64Array>();
    o.log(stressMessages.scenarioStart(i + 1, suite.members.length, member.name, recorded.shards, done.size));
    const started = performance.now();
    const summary = await o.engine(member.scenario, {
      ...(o.workers !== undefined ? { workers: o.workers } : {}),
      ...(o.signal ? { signal: o.signal } : {}),
      done,
      onShard: (index, acc) => writeShard(o.dir, member.folder, index, acc),
      onProgress: (p) => o.onProgress?.(i, p),
    });
    const folder = path.join(o.dir, SCENARIOS_DIR, member.folder);
    await writeFileAtomic(path.join(folder, 'summary.json'), () => formatJson(summary));
    await writeRunReport(summary, folder);
    const verdicts = memberVerdicts(member, summary);
    outcomes.push({
      name: member.name,
      folder: member.folder,
      file: member.file,
      scenarioHash: member.hash,
      summary: path.posix.join(SCENARIOS_DIR, member.folder, 'summary.json'),
      report: path.posix.join(SCENARIOS_DIR, member.folder, 'report.html'),
      headline: summary.headline,
      verdicts,
      worst: worstVerdict(verdicts),
    });
    o.log(stressMessages.scenarioDone(member.name, (performance.now() - started) / 1000, o.show(path.join(folder, 'summary.json'))));
  }

  // 3. The verdicts of the whole suite.
  const first = suite.members[0]!.scenario;
  const failing = breaches(outcomes);
  const result: StressResult = {
    schemaVersion: 1,
    kind: 'limitlab-stress',
    suite: { name: suite.name, ...(suite.description !== undefined ? { description: suite.description } : {}), file: suite.file, hash: suite.hash },
    run: { id: manifest.run.id, startedAt: manifest.run.startedAt, finishedAt: o.now().toISOString(), resumed: o.resumed, version: o.version, node: process.version },
    population: {
      seed: first.seed,
      paths: first.run.paths,
      borrowersPerPath: first.run.borrowersPerPath,
      shardSize: first.run.shardSize,
      stepDays: first.clock.stepDays,
      horizonDays: first.clock.horizonDays,
    },
    status: failing.length > 0 ? 'breached' : 'within',
    breaches: failing,
    scenarios: outcomes,
  };

  // 4. History (before the report, whose trend charts read it), then the report, then stress.json.
  const shownHistory = o.show(o.historyFile);
  const existing = await readHistory(o.historyFile, o.warn, shownHistory);
  const appended = await appendHistory(o.historyFile, historyEntries(result), existing);
  o.log(appended.length > 0 ? stressMessages.historyAppended(appended.length, shownHistory) : stressMessages.historyAlreadyThere(shownHistory));
  await writeStressReport(result, [...existing, ...appended], o.dir);
  await writeFileAtomic(path.join(o.dir, STRESS_FILE), () => formatJson(result));
  return result;
}
