/**
 * Running the CLI in tests: as a child process from source (`node --import tsx
 * src/cli/main.ts`), exactly as a user would, or in-process through `main()`
 * with captured output and an injected engine (fast, and the engine can be faked).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { RunScenario } from '../../src/engine/api.js';
import { loadEngine } from '../../src/cli/io.js';
import type { CliIo, StopSignal } from '../../src/cli/io.js';
import { main } from '../../src/cli/program.js';

import { REPO_ROOT } from './repo.js';

export { REPO_ROOT };
export const CLI_ENTRY = path.join(REPO_ROOT, 'src/cli/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** another entry script (e.g. one with a fake engine) */
  entry?: string;
}

/** Start the CLI as a child process (tsx loaded from the repository). */
export function spawnCli(args: readonly string[], opts: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', opts.entry ?? CLI_ENTRY, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function collectOutput(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), stdout, stderr }));
  });
}

/** Run the CLI as a child process to completion. */
export function runCli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  return collectOutput(spawnCli(args, opts));
}

export interface InProcessOptions {
  cwd?: string;
  engine?: RunScenario;
  /** without `engine`: load the real one (otherwise loading the engine fails) */
  realEngine?: boolean;
  stderrIsTTY?: boolean;
  /** called with a function that simulates Ctrl-C (or SIGTERM) */
  interrupt?: (fire: (signal?: StopSignal) => void) => void;
  /** the environment the command sees (scheduler variables) */
  env?: Record<string, string>;
}

/** Run `main()` in this process with captured output and an injected engine. */
export async function runInProcess(args: readonly string[], opts: InProcessOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const handlers = new Set<(signal: StopSignal) => void>();
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.stderrIsTTY ?? false },
    cwd: opts.cwd ?? REPO_ROOT,
    loadEngine: async () => {
      if (opts.engine) return opts.engine;
      if (opts.realEngine) return loadEngine(); // as the CLI loads it
      throw new Error('no engine injected');
    },
    onInterrupt: (h) => {
      handlers.add(h);
      return () => handlers.delete(h);
    },
    now: () => Date.now(),
    env: opts.env ?? {},
  };
  opts.interrupt?.((signal: StopSignal = 'SIGINT') => handlers.forEach((h) => h(signal)));
  const code = await main(args, io);
  return { code, stdout, stderr };
}
