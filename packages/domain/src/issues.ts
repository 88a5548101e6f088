/** How bad a finding is: an `error` stops the work, a `warning` is shown and the work goes on. */
export type Severity = "error" | "warning" | "info";

/** Where a finding points: a file and a row, a field, a school, a document offset … */
export interface Where {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  field?: string;
  schoolId?: string;
  offset?: number;
  line?: number;
  [key: string]: string | number | undefined;
}

/**
 * A finding of domain code. Domain functions do not throw on bad data; they return these with a stable
 * kebab-case `code` (for programs) and a Chinese `message` (for people).
 */
export interface Issue {
  code: string;
  severity: Severity;
  message: string;
  where?: Where;
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
