/**
 * Scenario errors: every problem found in a scenario, each naming the file (the
 * one the field came from, a parent for an inherited field), the field path,
 * and where possible the line and column.
 */
import { type FieldPath, formatFieldPath } from './field-path.js';

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

export interface ScenarioIssue {
  /** the file as shown to the user (relative to the working directory when inside it) */
  file: string;
  /** empty for a problem with the file as a whole */
  path: FieldPath;
  message: string;
  position?: Position;
  /** the override that supplied the field, e.g. `--set run.paths=0` */
  via?: string;
}

/** `FILE:line:col: field.path: message (from --set ...)` */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.position ? `${issue.file}:${issue.position.line}:${issue.position.column}` : issue.file;
  const field = issue.path.length > 0 ? `${formatFieldPath(issue.path)}: ` : '';
  const via = issue.via ? ` (from ${issue.via})` : '';
  return `${where}: ${field}${issue.message}${via}`;
}

export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
    this.issues = issues;
  }

  /** the file of the first issue: the file the user should open first */
  get file(): string {
    return this.issues[0]?.file ?? '';
  }
}

export function isScenarioError(e: unknown): e is ScenarioError {
  return e instanceof ScenarioError;
}
