/** limitlab's exit codes (also listed in `limitlab --help`). */
export const ExitCode = {
  ok: 0,
  /** anything not the user's input: the engine failed, a file could not be written */
  failure: 1,
  /** usage errors, unknown flags, scenario errors */
  badInput: 2,
  /** Ctrl-C: 128 + SIGINT, as shells report it */
  interrupted: 130,
  /** SIGTERM (Slurm preemption, Kubernetes eviction): 128 + 15 */
  terminated: 143,
} as const;

/** The exit code for the signal that stopped a command. */
export function stopCode(signal: 'SIGINT' | 'SIGTERM'): number {
  return signal === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
}

export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    failure (the engine failed, a file could not be written)
  2    bad input (usage, unknown flag, invalid scenario)
  130  interrupted (Ctrl-C); nothing is written
  143  terminated (SIGTERM, e.g. preemption or eviction); nothing is written`;
