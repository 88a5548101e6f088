/**
 * Downloads a file the server makes (an .xlsx export) through fetch, so that a refusal shows as a
 * message in the page instead of replacing it with a JSON error.
 */
import { csrfHeader, toApiError } from "./api.ts";

/**
 * The file name a `Content-Disposition` header gives: RFC 5987 `filename*=UTF-8''…` first (Chinese
 * names), then a plain `filename="…"`; null when there is none.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (header === null) {
    return null;
  }
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}

/** Fetches `url` with the session cookie and saves it; throws an `ApiError` when the server refuses. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) {
    throw await toApiError(response);
  }
  await saveResponse(response, fallbackName);
}

/**
 * POSTs a JSON body (with the CSRF header) to a route that answers a file, and saves the file: for
 * writes whose answer is a download, such as the one-time file of initial passwords.
 */
export async function downloadFromPost(url: string, body: unknown, fallbackName: string): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", ...(await csrfHeader()) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw await toApiError(response);
  }
  await saveResponse(response, fallbackName);
}

async function saveResponse(response: Response, fallbackName: string): Promise<void> {
  const blob = await response.blob();
  const name = fileNameFromDisposition(response.headers.get("content-disposition")) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes.
  window.setTimeout(() => {
    URL.revokeObjectURL(href);
  }, 10_000);
}
