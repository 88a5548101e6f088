/**
 * Application errors. Services throw `AppError(code, message, details)`; only this file maps a code
 * to an HTTP status, and the body is always `{error: {code, message, details}}`.
 */
export const ERROR_STATUS = {
  "validation-failed": 400,
  "malformed-body": 400,
  "bad-request": 400,
  "password-policy": 400,
  unauthenticated: 401,
  "invalid-credentials": 401,
  "session-expired": 401,
  forbidden: 403,
  "csrf-invalid": 403,
  "password-change-required": 403,
  "second-factor-required": 403,
  "not-found": 404,
  conflict: 409,
  "invalid-transition": 409,
  "payload-too-large": 413,
  "too-complex": 422,
  "rate-limited": 429,
  internal: 500,
} as const;

/** The stable error codes clients may rely on. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem: `path` in dotted form (`body.login`), Chinese `message`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Extra information for the client: field problems and anything safe to show. */
export interface ErrorDetails {
  fields?: FieldProblem[];
  [key: string]: unknown;
}

/** An error a service raises on purpose; its message is shown to the user as it is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  /** The HTTP status for this error's code. */
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}
