/** Part assignment and the --part value: every shard in exactly one part, in global order; the scheduler's variables. */
import { describe, expect, it } from 'vitest';
import { parsePart, partShards } from '../../src/engine/parts.js';

describe('partShards', () => {
  it('splits S shards into N contiguous blocks that cover 0…S−1 once, in order, sizes differing by at most one', () => {
    for (const shards of [0, 1, 7, 16, 100]) {
      for (const count of [1, 2, 3, 4, 7, 16, 33]) {
        const blocks = Array.from({ length: count }, (_, index) => partShards(shards, { index, count }));
        expect(blocks.flat()).toEqual(Array.from({ length: shards }, (_, i) => i));
        const sizes = blocks.map((b) => b.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('parsePart', () => {
  const none = {};
  it('takes I/N as given', () => {
    expect(parsePart('2/4', none)).toEqual({ ok: true, part: { index: 2, count: 4 }, from: '--part' });
  });

  it('refuses an index not below the count, a zero count, and a bare index', () => {
    for (const bad of ['4/4', '0/0', '3', 'x/2', '1/2/3', '-1/2']) expect(parsePart(bad, none).ok, bad).toBe(false);
    expect(parsePart('4/4', none)).toMatchObject({ error: expect.stringContaining('below the count') });
  });

  it('auto reads a Slurm array task (index and count); a given count wins (an array resubmitted for one index has 1 task)', () => {
    expect(parsePart('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '5' })).toMatchObject({ ok: true, part: { index: 3, count: 5 } });
    expect(parsePart('auto/5', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '1' })).toMatchObject({ ok: true, part: { index: 3, count: 5 } });
    expect(parsePart('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '1' })).toMatchObject({ ok: false, error: expect.stringContaining('below the count') });
  });

  it('auto reads an AWS Batch array index and size', () => {
    expect(parsePart('auto', { AWS_BATCH_JOB_ARRAY_INDEX: '0', AWS_BATCH_JOB_ARRAY_SIZE: '2' })).toMatchObject({ ok: true, part: { index: 0, count: 2 } });
  });

  it('a Kubernetes Indexed Job gives only the index: auto/N is needed', () => {
    expect(parsePart('auto/3', { JOB_COMPLETION_INDEX: '1' })).toMatchObject({ ok: true, part: { index: 1, count: 3 }, from: 'JOB_COMPLETION_INDEX' });
    expect(parsePart('auto', { JOB_COMPLETION_INDEX: '1' })).toMatchObject({ ok: false, error: expect.stringContaining('auto/N') });
  });

  it('explicit numbers win over the environment, and auto without any scheduler variable is refused', () => {
    expect(parsePart('1/2', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '5' })).toMatchObject({ ok: true, part: { index: 1, count: 2 } });
    expect(parsePart('auto', none)).toMatchObject({ ok: false, error: expect.stringContaining('SLURM_ARRAY_TASK_ID') });
    expect(parsePart('auto', { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '2' })).toMatchObject({ ok: false });
  });
});
