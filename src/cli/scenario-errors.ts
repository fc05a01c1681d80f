/** Printing scenario errors: one line per issue, `FILE:line:col: field.path: message`. */
import { formatIssue, ScenarioError } from '../scenario/errors.js';
import type { OutStream } from './io.js';

export function printScenarioError(err: ScenarioError, stderr: OutStream): void {
  for (const issue of err.issues) stderr.write(`${formatIssue(issue)}\n`);
}
