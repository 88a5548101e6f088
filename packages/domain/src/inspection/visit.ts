/**
 * A visit's answers checked against its checklist version, the 整改 deadline a finding gets by severity,
 * and the repeated-finding rule. Pure: dates come in as arguments.
 */
import { addWorkingDays } from "@luoshi/common";
import type { Issue } from "../issues.ts";
import type { ChecklistItem } from "./checklist.ts";

/** How serious a finding is: 一般问题, 较重问题, 严重问题/重大隐患. */
export type Severity = "minor" | "major" | "serious";

/** One answer: true/false for 是/否, a number for a score or a count; null when not checked. */
export interface Answer {
  itemId: string;
  value: boolean | number | null;
  note: string;
}

/** The checks of a submitted visit: every answer's type and range, and the photos an item requires. */
export function checkAnswers(
  items: readonly (ChecklistItem & { id: string })[],
  answers: readonly Answer[],
  photoItemIds: ReadonlySet<string>,
): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const bad = (itemId: string, message: string) => {
    const item = byId.get(itemId);
    issues.push({
      code: "visit-answer",
      severity: "error",
      message: item === undefined ? message : `${item.code} ${item.text}：${message}`,
      where: { field: itemId },
    });
  };
  const seen = new Set<string>();
  for (const a of answers) {
    const item = byId.get(a.itemId);
    if (item === undefined) {
      bad(a.itemId, "不是这张检查表的项目");
      continue;
    }
    if (seen.has(a.itemId)) {
      bad(a.itemId, "重复作答");
    }
    seen.add(a.itemId);
    if (a.value === null) {
      continue;
    }
    if (item.judge === "yesNo" && typeof a.value !== "boolean") {
      bad(a.itemId, "应答“是”或“否”");
    }
    if (item.judge === "score") {
      if (typeof a.value !== "number" || a.value < 0 || a.value > (item.maxScore ?? 0)) {
        bad(a.itemId, `得分应在 0 到 ${String(item.maxScore ?? 0)} 之间`);
      }
    }
    if (
      item.judge === "count" &&
      (typeof a.value !== "number" || !Number.isInteger(a.value) || a.value < 0)
    ) {
      bad(a.itemId, "应填不小于 0 的整数");
    }
    if (item.photoRequired && !photoItemIds.has(a.itemId)) {
      bad(a.itemId, "此项须拍照，请附照片");
    }
  }
  return issues;
}

/**
 * The 整改 deadline of a finding found on `day`: 严重问题 (重大隐患) 5 working days, 较重问题 15 working
 * days, 一般问题 30 days — the written 整改 report the spec's provincial rule asks within 30 days of
 * the 督导结论 (docs/inspection.md).
 */
export function rectifyDeadline(severity: Severity, day: string): string {
  if (severity === "serious") {
    return addWorkingDays(day, 5);
  }
  if (severity === "major") {
    return addWorkingDays(day, 15);
  }
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 30);
  return d.toISOString().slice(0, 10);
}

/** Chinese labels of the severities. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  minor: "一般问题",
  major: "较重问题",
  serious: "严重问题",
};
