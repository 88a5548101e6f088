import dayjs from "dayjs";

/** `2026-03-01 08:30:00` in the browser's time zone; "" for a missing value. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === "") {
    return "";
  }
  const d = dayjs(iso);
  return d.isValid() ? d.format("YYYY-MM-DD HH:mm:ss") : iso;
}

/** Pretty JSON for the audit before/after panes; `undefined`/`null` give "". */
export function formatJson(value: unknown): string {
  if (value === undefined || value === null) {
    return "";
  }
  return JSON.stringify(value, null, 2);
}
