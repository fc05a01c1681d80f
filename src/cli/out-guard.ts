/**
 * Keeping one run's results from silently replacing another's: the default
 * folder of a scenario that inherits its name is named from its file, a folder
 * holding a different scenario's summary needs --force, and one writer per
 * folder at a time (src/util/folder-lock.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { runMessages } from '../messages.js';
import { scenarioHash } from '../scenario/hash.js';
import type { Scenario } from '../scenario/schema.js';
import { displayPath } from '../scenario/load.js';
import { isPlainObject } from '../util/plain-object.js';
import { safeFolderName } from '../util/safe-name.js';
import { describeOwner, lockFolder } from '../util/folder-lock.js';
import type { CliIo } from './io.js';
import { ExitCode } from './exit-codes.js';

/**
 * `reports/<name>/`, where the name is the scenario's own: a file that inherits
 * `name` through `extends` (a policy file on top of the baseline) is named from
 * its file instead, or it would land on the baseline's results.
 */
export async function defaultOutFolder(file: string, scenario: Scenario, setsName: boolean, cwd: string): Promise<string> {
  const own = setsName || (await fileSetsName(path.resolve(cwd, file)));
  const name = own ? scenario.name : path.basename(file).replace(/\.(ya?ml|json)$/i, '');
  return path.join('reports', safeFolderName(name));
}

async function fileSetsName(abs: string): Promise<boolean> {
  try {
    const v: unknown = parse(await readFile(abs, 'utf8'));
    return isPlainObject(v) && Object.prototype.hasOwnProperty.call(v, 'name');
  } catch {
    return true;
  }
}

/** What identifies "the same scenario" for overwriting: everything but the seed and the run sizes. */
export function scenarioIdentity(s: Scenario): string {
  const { seed: _seed, run: _run, ...rest } = s;
  return scenarioHash(rest as Scenario);
}

/** Why writing `scenario`'s results into `dir` would replace another scenario's, or undefined when it may. */
export async function otherScenarioIn(dir: string, scenario: Scenario, summaryFile: string, cwd: string): Promise<string | undefined> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path.join(dir, summaryFile), 'utf8'));
  } catch {
    return undefined;
  }
  const m = isPlainObject(value) ? value['manifest'] : undefined;
  const there = isPlainObject(m) && isPlainObject(m['scenario']) ? (m['scenario'] as unknown as Scenario) : undefined;
  if (!there) return undefined;
  if (scenarioIdentity(there) === scenarioIdentity(scenario)) return undefined;
  return runMessages.otherScenario(displayPath(dir, cwd), String(there.name), scenario.name);
}

/** Lock `dir` for this command, or print who holds it (exit 2). */
export async function lockOrPrint(dir: string, command: string, io: CliIo): Promise<(() => Promise<void>) | undefined> {
  const locked = await lockFolder(dir, command);
  if (locked.ok) return locked.release;
  io.stderr.write(`${runMessages.folderLocked(displayPath(dir, io.cwd), describeOwner(locked.owner))}\n`);
  return undefined;
}

/**
 * Run `work` holding `dir`'s lock: a second command writing the same folder is
 * refused (exit 2, naming the holder) before it simulates anything.
 */
export async function whileLocked(dir: string, command: string, io: CliIo, work: () => Promise<number>): Promise<number> {
  const release = await lockOrPrint(dir, command, io);
  if (!release) return ExitCode.badInput;
  try {
    return await work();
  } finally {
    await release();
  }
}
