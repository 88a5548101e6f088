/** Values a list filter may carry; empty ones are left out of the query string. */
export type QueryValue = string | number | boolean | null | undefined;

/**
 * Builds `?a=1&b=x` from a filter object, skipping `undefined`, `null` and blank strings so that an
 * untouched filter never reaches the server as `actor=`. Returns "" when nothing is left.
 */
export function toQueryString(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) {
      continue;
    }
    const text = typeof value === "string" ? value.trim() : String(value);
    if (text === "") {
      continue;
    }
    search.append(key, text);
  }
  const out = search.toString();
  return out === "" ? "" : `?${out}`;
}
