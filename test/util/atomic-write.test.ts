/**
 * A write that fails at any point leaves the previous file intact and no
 * temporary file behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const failures = vi.hoisted(() => ({ rename: false, write: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (failures.rename) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      return real.rename(from, to);
    },
    open: async (file: string, flags: string, mode?: number) => {
      const handle = await real.open(file, flags, mode);
      if (!failures.write || flags !== 'wx') return handle;
      // Write half the data, then fail: a disk that fills up midway.
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === 'writeFile') {
            return async (data: string) => {
              await target.writeFile(data.slice(0, data.length / 2));
              throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
            };
          }
          const v = Reflect.get(target, prop, target) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    },
  };
});

const { formatJson, writeFileAtomic } = await import('../../src/util/atomic-write.js');

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'limitlab-atomic-'));
  file = path.join(dir, 'summary.json');
  writeFileSync(file, 'previous\n');
  failures.rename = false;
  failures.write = false;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const leftovers = (): string[] => readdirSync(dir).filter((f) => f !== 'summary.json');

describe('writeFileAtomic', () => {
  it('replaces the file', async () => {
    await writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(leftovers()).toEqual([]);
  });

  it('creates the folder', async () => {
    const deep = path.join(dir, 'a/b/summary.json');
    await writeFileAtomic(deep, 'x');
    expect(readFileSync(deep, 'utf8')).toBe('x');
  });

  it('keeps the previous file when serialising throws', async () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    await expect(writeFileAtomic(file, () => formatJson(circular))).rejects.toThrow(/circular/i);
    expect(readFileSync(file, 'utf8')).toBe('previous\n');
    expect(leftovers()).toEqual([]);
  });

  it('keeps the previous file when the write fails midway', async () => {
    failures.write = true;
    await expect(writeFileAtomic(file, 'x'.repeat(10_000))).rejects.toThrow(/ENOSPC/);
    expect(readFileSync(file, 'utf8')).toBe('previous\n');
    expect(leftovers()).toEqual([]);
  });

  it('keeps the previous file when the rename fails', async () => {
    failures.rename = true;
    await expect(writeFileAtomic(file, 'new\n')).rejects.toThrow(/EXDEV/);
    expect(readFileSync(file, 'utf8')).toBe('previous\n');
    expect(leftovers()).toEqual([]);
  });
});

describe('formatJson', () => {
  it('indents by 2 and ends with a newline', () => {
    expect(formatJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
