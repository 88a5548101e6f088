/**
 * The one way the web talks to the server: same-origin cookies, JSON bodies, a CSRF token on every
 * request that changes something, and one error type ({@link ApiError}) for whatever goes wrong.
 * The CSRF token lives in memory only — never in localStorage (docs/security-requirements.md, residual
 * data).
 */
import { ApiErrorBody, CsrfResponse } from "@luoshi/contracts";

/** One field's complaint from a 400 answer (`details.fields`). */
export interface FieldError {
  path: string;
  message: string;
}

/** Anything with zod's `parse`: the contract schemas check the server's answers at this edge. */
export interface Parser<T> {
  parse(data: unknown): T;
}

/**
 * A failed request. `status` 0 means the server was not reached. `code` is the server's stable code
 * (`forbidden`, `not-found`, `invalid-credentials`, `csrf-invalid` …) or one of ours: `network-error`,
 * `bad-response`, `http-error`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldError[];
  readonly requestId: string | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: readonly FieldError[] = [],
    requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

/** True when `error` is an {@link ApiError} with the given HTTP status. */
export function isApiStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

let csrfToken: string | null = null;
let pendingCsrf: Promise<string> | null = null;
let onUnauthorized: () => void = () => {
  window.location.assign("/login");
};

/** Remembers the CSRF token that login and `GET /api/auth/me` hand out; `null` forgets it (logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the app decide what a 401 does (clear the cache, go to /login) instead of a full reload. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Reads an error body into an {@link ApiError}; a body that is not ours still yields one. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty 502): fall through to the generic error.
  }
  const parsed = ApiErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details?.fields ?? [], details?.requestId);
  }
  return new ApiError(response.status, "http-error", `HTTP ${response.status}`);
}

async function fetchCsrfToken(): Promise<string> {
  pendingCsrf ??= (async () => {
    try {
      const response = await fetch("/api/auth/csrf", {
        credentials: "same-origin",
        headers: { accept: "application/json" },
      });
      if (!response.ok) {
        throw await toApiError(response);
      }
      const token = CsrfResponse.parse(await response.json()).csrfToken;
      csrfToken = token;
      return token;
    } finally {
      pendingCsrf = null;
    }
  })();
  return pendingCsrf;
}

/** The CSRF header for a write that does not go through {@link request} (a POST answering a file). */
export async function csrfHeader(): Promise<Record<string, string>> {
  return { "x-csrf-token": csrfToken ?? (await fetchCsrfToken()) };
}

/** Options for {@link request}. */
export interface RequestOptions<T> {
  body?: unknown;
  /** Contract schema to check the answer against. */
  schema?: Parser<T>;
  /** Leave a 401 to the caller (login form, session probe) instead of going to /login. */
  isAuthProbe?: boolean;
  signal?: AbortSignal;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

async function send(method: Method, path: string, options: RequestOptions<unknown>): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
  }
  if (method !== "GET") {
    headers["x-csrf-token"] = csrfToken ?? (await fetchCsrfToken());
  }
  try {
    return await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") {
      throw cause;
    }
    throw new ApiError(0, "network-error", "network error");
  }
}

/**
 * Sends one request and returns the parsed answer (`undefined` for an empty body). A 403
 * `csrf-invalid` refreshes the token and retries once; a 401 hands over to the unauthorized handler.
 */
export async function request<T>(method: Method, path: string, options: RequestOptions<T> = {}): Promise<T> {
  let response = await send(method, path, options);
  let error: ApiError | null = response.ok ? null : await toApiError(response);
  if (error?.code === "csrf-invalid" && method !== "GET") {
    csrfToken = null;
    await fetchCsrfToken();
    response = await send(method, path, options);
    error = response.ok ? null : await toApiError(response);
  }
  if (error) {
    if (error.status === 401 && options.isAuthProbe !== true) {
      csrfToken = null;
      onUnauthorized();
    }
    throw error;
  }
  const text = await response.text();
  try {
    const data: unknown = text === "" ? undefined : JSON.parse(text);
    return options.schema ? options.schema.parse(data) : (data as T);
  } catch {
    throw new ApiError(response.status, "bad-response", `unexpected answer from ${path}`);
  }
}

/** GET and check the answer against a contract schema. */
export function getJson<T>(path: string, schema: Parser<T>, signal?: AbortSignal): Promise<T> {
  return request("GET", path, signal ? { schema, signal } : { schema });
}

/** POST a JSON body (with the CSRF header) and check the answer. */
export function postJson<T>(path: string, body: unknown, schema?: Parser<T>): Promise<T> {
  return request("POST", path, schema ? { body, schema } : { body });
}
