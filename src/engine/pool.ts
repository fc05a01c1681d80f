/**
 * The worker pool. The worker entry sits next to this module's tree: `.ts`
 * when running from source (tsx; workers inherit the loader through execArgv),
 * `.js` when compiled into dist/.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

export function workerFile(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(`../../workers/shard.${fromSource ? 'ts' : 'js'}`, import.meta.url);
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export function createPool(workers: number): Piscina {
  return new Piscina({
    filename: workerFile().href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
}
