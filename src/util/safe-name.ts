/**
 * A scenario name made safe as a folder name: letters, digits, `.`, `_` and `-`
 * kept, runs of anything else become one `-`; never empty, never `.` or `..`,
 * never hidden. "Stress: 2008/09 (severe)" → "Stress-2008-09-severe".
 */
export function safeFolderName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  return cleaned === '' ? 'scenario' : cleaned;
}
