/** The engine's public face: what the CLI and later commands call. */
import type { Scenario } from '../scenario/schema.js';
import type { Summary } from '../results/types.js';

export interface RunProgress {
  shardsDone: number;
  shardsTotal: number;
  borrowerStepsDone: number;
  elapsedSeconds: number;
}

export interface RunOptions {
  /** worker threads; default: one per core */
  workers?: number;
  onProgress?: (p: RunProgress) => void;
  /** abort stops the workers; the promise rejects with an AbortError */
  signal?: AbortSignal;
}
export type RunScenario = (scenario: Scenario, options?: RunOptions) => Promise<Summary>;
