/**
 * The texts of `limitlab stress`: suite-file errors, resume refusals, log lines
 * and breach lines. Same voice as src/messages.ts (say what must be true, then
 * what was found); generic shape errors come from there.
 */
export const stressMessages = {
  // the suite file
  suiteEmpty: () => 'the file is empty; a suite is a mapping with name, scenarios and appetite',
  suiteNotMapping: (kind: string) => `a suite must be a mapping of fields, not ${kind}`,
  duplicateScenario: (name: string, first: number) => `scenario "${name}" is already listed as scenarios[${first}]; names must be unique`,
  duplicateFolder: (folder: string, first: number) =>
    `scenario folder "${folder}" is already used by scenarios[${first}]; rename one of the scenarios`,
  differentPopulation: (first: string, fields: readonly string[]) =>
    `must share the population parameters of "${first}" (common random numbers across the suite), but ${fields.join(', ')} differ${fields.length === 1 ? 's' : ''}`,

  // the run folder and resume
  outHoldsRun: (dir: string) => `--out ${dir} already holds a stress run; continue it with --resume ${dir}, or choose another folder`,
  outAndResume: (out: string, resume: string) => `--out ${out} and --resume ${resume} name different folders; --resume writes into the run it continues`,
  notARun: (dir: string) => `--resume ${dir}: not a stress run folder (no readable shards/manifest.json)`,
  resumeMismatch: (dir: string, what: readonly string[]) =>
    `--resume ${dir}: refused, the run was started with a different suite (${what.join('; ')}); start a new run instead`,
  badShard: (file: string, reason: string) => `ignoring shard ${file} (${reason}); it will be recomputed`,

  // the history file
  tornLastLine: (file: string, line: number) =>
    `${file}:${line}: skipping an incomplete last line (a run was interrupted while appending?)`,
  badHistoryLine: (file: string, line: number, reason: string) => `${file}:${line}: skipping an unreadable line (${reason})`,

  // log lines
  starting: (suite: string, scenarios: number, dir: string) => `suite "${suite}": ${scenarios} scenario${scenarios === 1 ? '' : 's'} into ${dir}`,
  resuming: (suite: string, dir: string) => `suite "${suite}": resuming ${dir}`,
  scenarioStart: (i: number, n: number, name: string, shards: number, reloaded: number) =>
    `scenario ${i}/${n} "${name}": ${shards} shards${reloaded > 0 ? `, ${reloaded} reloaded from a previous attempt` : ''}`,
  scenarioDone: (name: string, seconds: number, file: string) => `scenario "${name}" done in ${seconds.toFixed(1)} s: ${file}`,
  historyAppended: (lines: number, file: string) => `history: ${lines} line${lines === 1 ? '' : 's'} appended to ${file}`,
  historyAlreadyThere: (file: string) => `history: this run is already in ${file}; nothing appended`,
  interrupted: (resume: string) => `interrupted; finished shards are kept: continue with ${resume}`,
  failed: (reason: string, resume: string) => `stress run failed: ${reason}; finished shards are kept: continue with ${resume}`,
} as const;
