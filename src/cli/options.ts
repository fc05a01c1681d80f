/** Option parsers shared by commands. */
import { InvalidArgumentError } from 'commander';
import { messages } from '../messages.js';

/** For repeatable options such as `--set`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A positive integer flag value; anything else is a usage error (exit 2). */
export function positiveInteger(flag: string): (raw: string) => number {
  return (raw) => {
    const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(messages.positiveInteger(flag));
    return n;
  };
}
