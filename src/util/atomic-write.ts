/**
 * Write a file so that readers see the old content or the new, never a mix: the
 * data goes to a temporary file in the same directory (same file system, so the
 * rename is atomic), is flushed to disk, and then renamed over the target. A run
 * killed at any point leaves the previous file intact and at worst a stray
 * `.*.tmp` file, which a failed write (one that throws) removes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** `content` may be a function, so that serialising happens before anything is touched. */
export async function writeFileAtomic(file: string, content: string | Uint8Array | (() => string | Uint8Array)): Promise<void> {
  const data = typeof content === 'function' ? content() : content;
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}

/** Make the rename itself durable; not every platform can open a directory, so best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // the rename is still atomic, only its durability across a power cut is unproven
  }
}

/** JSON as limitlab writes it: 2-space indent and a trailing newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
