/**
 * Scale-out: which shards a part of a run simulates.
 *
 * The S shards of the plan (global index: path-major, shard order within the
 * path) are split into N contiguous blocks; part I (0-based) holds shards
 * floor(I·S/N) … floor((I+1)·S/N) − 1. The assignment depends on the plan and N
 * alone, so every task of an array job computes the same split without talking
 * to the others, and merging the parts in part order folds the shards in
 * global order (what simulate() does). With N > S some parts are empty; they
 * still write a part file, so the merge can tell "empty" from "missing".
 */

export interface PartSpec {
  /** 0-based */
  index: number;
  count: number;
}

/** The global shard indices of part `index` of `count`, for a plan of `shards` shards. */
export function partShards(shards: number, part: PartSpec): number[] {
  const first = Math.floor((part.index * shards) / part.count);
  const end = Math.floor(((part.index + 1) * shards) / part.count);
  return Array.from({ length: end - first }, (_, k) => first + k);
}

/** Where the scheduler puts the task index and the array size, in the order they are looked up. */
export const SCHEDULER_ENV = [
  { scheduler: 'Kubernetes Indexed Job', index: 'JOB_COMPLETION_INDEX', count: undefined },
  { scheduler: 'Slurm array job', index: 'SLURM_ARRAY_TASK_ID', count: 'SLURM_ARRAY_TASK_COUNT' },
  { scheduler: 'AWS Batch array job', index: 'AWS_BATCH_JOB_ARRAY_INDEX', count: 'AWS_BATCH_JOB_ARRAY_SIZE' },
] as const;

export type PartResult = { ok: true; part: PartSpec; from: string } | { ok: false; error: string };

const NON_NEGATIVE = /^\s*\d+\s*$/;

/**
 * The part a `--part` value names: `I/N` explicitly, `auto` (index and count
 * from the scheduler's environment), or `auto/N` (index from the environment,
 * count given: Kubernetes puts only the index in the pod). The environment is
 * read only when asked: a plain `run` inside an array job stays a plain run.
 * A count given wins over the scheduler's: resubmitting only the failed
 * indices of an array changes the array's size, not the run's.
 */
export function parsePart(raw: string, env: Readonly<Record<string, string | undefined>>): PartResult {
  const m = /^\s*([^/]+?)\s*(?:\/\s*(.+?)\s*)?$/.exec(raw);
  if (!m) return { ok: false, error: `--part expects I/N, auto or auto/N, got ${JSON.stringify(raw)}` };
  const [, rawIndex, rawCount] = m;
  let count: number | undefined;
  if (rawCount !== undefined) {
    if (!NON_NEGATIVE.test(rawCount) || Number(rawCount) < 1) return { ok: false, error: `--part ${raw}: the part count N must be a positive integer, got ${JSON.stringify(rawCount)}` };
    count = Number(rawCount);
  }
  let index: number;
  let from = '--part';
  if (rawIndex === 'auto') {
    const found = SCHEDULER_ENV.find((e) => env[e.index] !== undefined && env[e.index] !== '');
    if (!found) return { ok: false, error: `--part ${raw}: no task index in the environment (looked for ${SCHEDULER_ENV.map((e) => e.index).join(', ')})` };
    const value = env[found.index]!;
    if (!NON_NEGATIVE.test(value)) return { ok: false, error: `--part ${raw}: ${found.index} must be a non-negative integer, got ${JSON.stringify(value)}` };
    index = Number(value);
    from = found.index;
    // A given count wins: an array resubmitted for its failed indices only (sbatch --array=2) has a task count of 1.
    const envCount = found.count !== undefined ? env[found.count] : undefined;
    if (count === undefined && envCount !== undefined && envCount !== '') {
      if (!NON_NEGATIVE.test(envCount) || Number(envCount) < 1) return { ok: false, error: `--part ${raw}: ${found.count} must be a positive integer, got ${JSON.stringify(envCount)}` };
      count = Number(envCount);
      from += `/${found.count}`;
    }
    if (count === undefined) return { ok: false, error: `--part ${raw}: ${found.index} gives the index only; give the part count too (--part auto/N)` };
  } else {
    if (!NON_NEGATIVE.test(rawIndex!)) return { ok: false, error: `--part expects I/N, auto or auto/N, got ${JSON.stringify(raw)}` };
    if (count === undefined) return { ok: false, error: `--part ${raw}: give the part count too (--part I/N)` };
    index = Number(rawIndex);
  }
  if (index >= count) return { ok: false, error: `--part ${raw}: the part index must be below the count (0…${count - 1}), got ${index}` };
  return { ok: true, part: { index, count }, from };
}

/** `part-3-of-8`: a part's file name; the index is not padded, so names sort numerically only by parsing. */
export function partFileName(part: PartSpec): string {
  return `part-${part.index}-of-${part.count}`;
}

export const PART_FILE = /^part-(\d+)-of-(\d+)$/;
