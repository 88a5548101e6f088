/**
 * The 台账 list's rules: which tasks a list's filters keep and in which order they are shown. The
 * server computes each task's light and hands the rows here; paging is the caller's.
 */
import type { IsoDate } from "./dates.ts";
import type { Light, LightResult } from "./lights.ts";
import type { TaskState } from "./types.ts";

/** The orders the 台账 offers: by deadline (either way), by light (red first), by title (pinyin). */
export type LedgerSort = "deadline" | "-deadline" | "light" | "title";

/** A list's filters; absent ones keep every task. `text` matches the title, case-insensitively. */
export interface LedgerFilters {
  state?: TaskState | undefined;
  light?: Light | undefined;
  deadlineBefore?: IsoDate | undefined;
  text?: string | undefined;
}

/** What the list reads of a task. */
export interface LedgerListTask {
  title: string;
  state: TaskState;
  deadline: IsoDate;
}

/** Lights from the most to the least urgent. */
const LIGHT_ORDER: Record<Light, number> = { red: 0, yellow: 1, blue: 2, green: 3, grey: 4 };

/** ISO days order as text; a plain comparison is many times faster than a locale-aware one. */
function byDay(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pinyin order of titles, with one collator for every comparison. */
const TITLE_ORDER = new Intl.Collator("zh-CN");

/** True when the task (before its light is known) passes the state, deadline and text filters. */
export function matchesTaskFilters(task: LedgerListTask, filters: LedgerFilters): boolean {
  const needle = filters.text?.toLowerCase() ?? "";
  return (
    (filters.state === undefined || task.state === filters.state) &&
    (filters.deadlineBefore === undefined || task.deadline <= filters.deadlineBefore) &&
    (needle === "" || task.title.toLowerCase().includes(needle))
  );
}

/** What the list reads of a row: the task and its light. */
type ListRow = { t: LedgerListTask; light: Pick<LightResult, "light"> };

/** The rows the filters keep, in the order they came (filtering a sorted list keeps it sorted). */
export function filterLedgerRows<R extends ListRow>(rows: readonly R[], filters: LedgerFilters): R[] {
  return rows.filter(
    (x) =>
      matchesTaskFilters(x.t, filters) && (filters.light === undefined || x.light.light === filters.light),
  );
}

/**
 * The rows in the list's order, as a sorted copy. The sort is stable, so filtering the sorted rows gives
 * the same list as sorting the filtered ones: a server may sort a scope's rows once per order and only
 * filter them per request.
 */
export function sortLedgerRows<R extends ListRow>(rows: readonly R[], sort: LedgerSort): R[] {
  return [...rows].sort((a, b) => {
    switch (sort) {
      case "-deadline":
        return byDay(b.t.deadline, a.t.deadline);
      case "light":
        return LIGHT_ORDER[a.light.light] - LIGHT_ORDER[b.light.light] || byDay(a.t.deadline, b.t.deadline);
      case "title":
        return TITLE_ORDER.compare(a.t.title, b.t.title);
      default:
        return byDay(a.t.deadline, b.t.deadline);
    }
  });
}

/**
 * The rows the filters keep, in the list's order. Rows are `{ t, light }`: the task and its light; ties
 * of the light order fall back to the deadline. Sorts a copy.
 */
export function selectLedgerRows<R extends ListRow>(
  rows: readonly R[],
  filters: LedgerFilters,
  sort: LedgerSort,
): R[] {
  return sortLedgerRows(filterLedgerRows(rows, filters), sort);
}
