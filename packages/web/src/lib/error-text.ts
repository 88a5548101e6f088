import { ApiError } from "./api.ts";

const CLIENT_CODES = new Set(["network-error", "bad-response", "http-error"]);

/**
 * The sentence to show for a failed request: the server's own message (already in Chinese) when it
 * sent one, otherwise our translation of the client-side code.
 */
export function errorText(error: unknown, tOr: (key: string, fallback: string) => string): string {
  if (error instanceof ApiError) {
    if (CLIENT_CODES.has(error.code)) {
      return tOr(`error.${error.code}`, error.message);
    }
    return error.message;
  }
  return tOr("error.http-error", "请求失败");
}
