/** limitlab's exit codes (also listed in `limitlab --help`). */
export const ExitCode = {
  ok: 0,
  /** anything not the user's input: the engine failed, a file could not be written */
  failure: 1,
  /** usage errors, unknown flags, scenario errors */
  badInput: 2,
  /** Ctrl-C: 128 + SIGINT, as shells report it */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    failure (the engine failed, a file could not be written)
  2    bad input (usage, unknown flag, invalid scenario)
  130  interrupted (Ctrl-C); nothing is written`;
