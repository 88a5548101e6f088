import { ACTION_LABELS, lightOf, TASK_STATE_LABELS, type LedgerTask } from "@luoshi/domain/ledger";
import type { TaskBundle, TaskListRow } from "@luoshi/db";
import type { TaskSummary } from "@luoshi/contracts";
import { bundleIndex } from "./task.service.ts";

const SOURCE_LABELS: Record<string, string> = {
  plan: "规划任务",
  leader: "领导交办",
  meeting: "会议议定",
  other: "其他",
};

/** One 台账 row. */
export function presentTaskSummary(
  row: TaskListRow,
  task: LedgerTask,
  bundle: TaskBundle,
  light: ReturnType<typeof lightOf>,
): TaskSummary {
  const units = bundleIndex(bundle).units.get(row.id) ?? [];
  const lead = units.find((u) => u.role === "lead");
  return {
    id: row.id,
    title: row.title,
    source:
      row.source_kind === "plan" && row.plan_title !== null
        ? `${row.plan_title} 第 ${row.clause_path ?? ""} 条`
        : `${SOURCE_LABELS[row.source_kind] ?? row.source_kind}${row.source_note === null ? "" : `：${row.source_note}`}`,
    planId: row.plan_id,
    clausePath: row.clause_path,
    leadUnit: { id: lead?.org_unit_id ?? "", name: lead?.name ?? "" },
    coUnits: units.filter((u) => u.role === "co").map((u) => ({ id: u.org_unit_id, name: u.name })),
    deadline: row.deadline,
    state: task.state,
    stateLabel: TASK_STATE_LABELS[task.state],
    light: light.light,
    lightReason: light.reason,
    progress: row.progress,
    frequency: task.frequency,
    priority: task.priority,
    lastReportedPeriod: row.last_reported_period,
  };
}

/** Chinese names of timeline actions. */
export function eventLabel(action: string): string {
  return action === "create" ? "创建" : ((ACTION_LABELS as Record<string, string>)[action] ?? action);
}
