/**
 * The ledger's rows as the ledger rules read them: a task row with its bundle becomes a `LedgerTask`,
 * report rows become `ProgressReport`s. Shared by every ledger use case.
 */
import { addWorkingDays } from "@luoshi/common";
import type { LedgerTask, ProgressReport } from "@luoshi/domain/ledger";
import type { TaskBundle, TaskListRow } from "@luoshi/db";

/** Rows grouped by a key, in their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list === undefined) {
      map.set(k, [row]);
    } else {
      list.push(row);
    }
  }
  return map;
}

const indexes = new WeakMap<TaskBundle, ReturnType<typeof indexBundle>>();
function indexBundle(bundle: TaskBundle) {
  return {
    units: groupBy(bundle.units, (u) => u.task_id),
    milestones: groupBy(bundle.milestones, (m) => m.task_id),
    adjustments: groupBy(bundle.adjustments, (a) => a.task_id),
  };
}

/** The bundle's rows grouped by task, built once per bundle (lists touch thousands of tasks). */
export function bundleIndex(bundle: TaskBundle): ReturnType<typeof indexBundle> {
  let index = indexes.get(bundle);
  if (index === undefined) {
    index = indexBundle(bundle);
    indexes.set(bundle, index);
  }
  return index;
}

/** The ledger's view of one task row. */
export function toLedgerTask(row: TaskListRow, bundle: TaskBundle): LedgerTask {
  const index = bundleIndex(bundle);
  const units = index.units.get(row.id) ?? [];
  const adjustment = index.adjustments.get(row.id)?.[0];
  return {
    id: row.id,
    title: row.title,
    source:
      row.source_kind === "plan"
        ? { kind: "plan", planTitle: row.plan_title ?? "", clausePath: row.clause_path ?? "" }
        : { kind: row.source_kind === "leader" ? "leader" : "meeting", note: row.source_note ?? "" },
    leadUnit: units.find((u) => u.role === "lead")?.org_unit_id ?? "",
    coUnits: units.filter((u) => u.role === "co").map((u) => u.org_unit_id),
    assignedAt: row.assigned_on,
    deadline: row.deadline,
    frequency: row.frequency,
    milestones: (index.milestones.get(row.id) ?? []).map((m) => ({
      title: m.title,
      dueDate: m.due_on,
      reachedOn: m.reached_on,
    })),
    priority: row.priority,
    targets: [],
    state: row.state,
    closedAt: row.closed_at,
    pendingAdjustment:
      adjustment === undefined
        ? null
        : {
            ...(adjustment.new_deadline === null ? {} : { newDeadline: adjustment.new_deadline }),
            ...(adjustment.new_title === null ? {} : { newTitle: adjustment.new_title }),
            reason: adjustment.reason,
            requestedBy: adjustment.requested_by ?? "",
            requestedAt: adjustment.requested_at,
          },
    evidenceCount: bundle.evidence.get(row.id) ?? 0,
    hasFinalReport: bundle.finalReports.has(row.id),
    suspendedFrom: row.suspended_from,
    createdBy: row.created_by,
    assignedBy: row.assigned_by,
    acceptBy: acceptByOf(row),
  };
}

/** 签收时限: the last day to 签收, counted in working days from the 交办 day (null before 交办). */
export function acceptByOf(row: { assigned_on: string | null; accept_within_days: number }): string | null {
  return row.assigned_on === null ? null : addWorkingDays(row.assigned_on, row.accept_within_days);
}

/** Reports as the ledger rules read them. */
export function toProgressReports(
  rows: readonly {
    task_id: string;
    org_unit_id: string;
    period: string;
    submitted_at: Date;
    progress: number;
    text: string;
  }[],
): ProgressReport[] {
  return rows.map((r) => ({
    taskId: r.task_id,
    unitId: r.org_unit_id,
    period: r.period,
    submittedAt: r.submitted_at,
    percent: r.progress,
    text: r.text,
  }));
}
