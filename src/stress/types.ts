/**
 * The shapes `limitlab stress` reads and writes: the resolved suite, the run
 * folder's manifest (what a resume must match), `stress.json` and the lines of
 * `history.jsonl`. Scripts read the last three; change them only with a
 * CHANGELOG entry.
 */
import type { AppetiteVerdict, Verdict } from '../results/appetite.js';
import type { Stat } from '../results/types.js';
import type { Scenario } from '../scenario/schema.js';

/** Where a limit came from: the scenario's own `report.appetite`, the suite's `appetite`, or its entry's. */
export type LimitSource = 'scenario' | 'suite' | 'suite entry';

/** One scenario of a suite, exactly as it is simulated. */
export interface SuiteMember {
  /** the scenario's name (unique in the suite) */
  name: string;
  /** its folder in the run folder (`scenarios/<folder>/`, `shards/<folder>/`) */
  folder: string;
  /** the scenario file as shown to the user */
  file: string;
  /** resolved, with the suite's sizes and the gating limits in `report.appetite` */
  scenario: Scenario;
  /** scenarioHash(scenario) */
  hash: string;
  limitSources: Record<string, LimitSource>;
}

export interface ResolvedSuite {
  name: string;
  description?: string;
  /** the suite file as shown to the user */
  file: string;
  members: SuiteMember[];
  /** sha256 of the suite's name, description and each member's name and scenario hash */
  hash: string;
}

/** `shards/manifest.json`: written before the first shard; a resume must match it. */
export interface RunManifest {
  schemaVersion: 1;
  kind: 'limitlab-stress-run';
  version: string;
  suite: { name: string; file: string; hash: string };
  run: { id: string; startedAt: string };
  scenarios: {
    name: string;
    folder: string;
    scenarioHash: string;
    shards: number;
    slots: number;
    /** the scenario as resolved, so that a refused resume can name the fields that changed (absent in older runs) */
    scenario?: Scenario;
  }[];
}

/** A limit's verdict in a suite: the appetite verdict and where the limit came from. */
export interface StressVerdict extends AppetiteVerdict {
  source: LimitSource;
}

/** A limit the run fails on: breached (the mean is outside), or one that could not be judged. */
export interface Breach {
  scenario: string;
  figure: string;
  bound: 'max' | 'min';
  limit: number;
  value: number | null;
  verdict: 'red' | 'unknown';
  reason: string;
}

export interface ScenarioOutcome {
  name: string;
  folder: string;
  file: string;
  scenarioHash: string;
  /** paths relative to the run folder */
  summary: string;
  report: string;
  headline: Record<string, Stat>;
  verdicts: StressVerdict[];
  worst: Verdict;
}

/** `stress.json`, written last: its presence says the run finished. */
export interface StressResult {
  schemaVersion: 1;
  kind: 'limitlab-stress';
  suite: { name: string; description?: string; file: string; hash: string };
  run: { id: string; startedAt: string; finishedAt: string; resumed: boolean; version: string; node: string };
  /** shared by every scenario (common random numbers) */
  population: { seed: number; paths: number; borrowersPerPath: number; shardSize: number; stepDays: number; horizonDays: number };
  /** `within`: every limit met (on the mean); `breached`: at least one limit breached or not judged */
  status: 'within' | 'breached';
  breaches: Breach[];
  scenarios: ScenarioOutcome[];
}

/** A figure as the history keeps it: the mean and its 95% interval. */
export interface HistoryFigure {
  mean: number | null;
  ci95: [number, number] | null;
}

/** One line of `history.jsonl`: one scenario of one run. */
export interface HistoryEntry {
  /** when the run started (ISO 8601, UTC); a resumed run keeps its start */
  timestamp: string;
  /** the run's id (its folder name) */
  run: string;
  suite: string;
  suiteHash: string;
  scenario: string;
  scenarioHash: string;
  seed: number;
  version: string;
  paths: number;
  borrowersPerPath: number;
  headline: Record<string, HistoryFigure>;
  verdicts: { figure: string; bound: 'max' | 'min'; limit: number; value: number | null; verdict: Verdict }[];
}
