import { holidayGap } from "@luoshi/common";
/**
 * The ledger's HTTP shapes: 台账 rows, the task page, and the 月调度 / 月通报 / 年度考核 views, from
 * what the ledger services return (rows, ledger tasks and the domain's views).
 */
import {
  ACTION_LABELS,
  ESCALATION_LABELS,
  type EscalationLevel,
  TASK_STATE_LABELS,
  type DispatchBoard as DomainDispatchBoard,
  type LedgerTask,
  type LightResult,
  type UnitScore as DomainUnitScore,
} from "@luoshi/domain/ledger";
import type { TaskBundle, TaskListRow } from "@luoshi/db";
import type {
  DispatchBoard,
  MonthlyBulletin,
  NotificationPage,
  ReminderResult,
  Scoreboard,
  TaskDetail,
  TaskPage,
  TaskSummary,
} from "@luoshi/contracts";
import type { BulletinView } from "../../services/ledger/bulletin.ts";
import type { NotificationItem } from "@luoshi/db";
import { NOTIFICATION_KIND_LABELS } from "../../services/ledger/notifications.ts";
import type { TaskList } from "../../services/ledger/list-tasks.ts";
import { highestEscalation, unitsOf } from "../../services/ledger/list-tasks.ts";
import type { TaskDetailData } from "../../services/ledger/task-detail.ts";

const SOURCE_LABELS: Record<string, string> = {
  plan: "规划任务",
  leader: "领导交办",
  meeting: "会议议定",
  other: "其他",
};

/** One 台账 row. */
function presentTaskSummary(
  row: TaskListRow,
  task: LedgerTask,
  bundle: TaskBundle,
  light: LightResult,
  escalation: EscalationLevel | null,
): TaskSummary {
  const units = unitsOf(bundle, row.id);
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
    escalation,
  };
}

/** A page of the 台账. */
export function presentTaskPage(list: TaskList, paging: { page: number; pageSize: number }): TaskPage {
  return {
    items: list.items.map((x) => presentTaskSummary(x.row, x.task, list.bundle, x.light, x.escalation)),
    total: list.total,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

/** Chinese names of timeline actions. */
function eventLabel(action: string): string {
  const labels: Record<string, string> = {
    create: "立项",
    milestoneReached: "确认序时进度完成",
    edit: "修改",
    reassign: "改派",
    signOff: "会签",
  };
  return labels[action] ?? (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/** The task page. */
export function presentTaskDetail(d: TaskDetailData): TaskDetail {
  const { row, bundle, task } = d;
  const adjustment = bundle.adjustments[0];
  return {
    ...presentTaskSummary(row, task, bundle, d.light, highestEscalation(d.escalations.map((e) => e.level))),
    content: row.content,
    sourceText: d.sourceText,
    planTitle: row.plan_title,
    assignedOn: row.assigned_on,
    milestones: bundle.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.due_on,
      reachedOn: m.reached_on,
      note: m.reached_note,
    })),
    reports: d.reports.map((r) => ({
      id: r.id,
      unit: { id: r.org_unit_id, name: r.unit_name },
      period: r.period,
      isConsolidated: r.is_consolidated,
      progress: r.progress,
      text: r.text,
      problems: r.problems,
      nextSteps: r.next_steps,
      submittedAt: r.submitted_at.toISOString(),
      attachments: d.attachments
        .filter((a) => a.report_id === r.id)
        .map((a) => ({ id: a.id, fileName: a.file_name, sizeBytes: a.size_bytes })),
    })),
    events: d.events.map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      actionLabel: eventLabel(e.action),
      fromState: e.from_state,
      toState: e.to_state,
      comment: e.comment,
      actorLogin: e.login,
      actorName: e.display_name,
    })),
    instructions: d.instructions.map((i) => ({
      id: i.id,
      replyTo: i.reply_to,
      author: i.display_name ?? "",
      text: i.text,
      at: i.at.toISOString(),
    })),
    pendingAdjustment:
      adjustment === undefined
        ? null
        : { newDeadline: adjustment.new_deadline, newTitle: adjustment.new_title, reason: adjustment.reason },
    escalations: d.escalations.map((e) => ({
      id: e.id,
      level: e.level as EscalationLevel,
      levelLabel: ESCALATION_LABELS[e.level as EscalationLevel],
      reason: e.reason,
      dueDay: e.due_day,
      unit: unitsOf(bundle, row.id).find((u) => u.org_unit_id === e.org_unit_id)?.name ?? "",
      subject: e.subject,
      note: e.note,
      createdAt: e.created_at.toISOString(),
    })),
    availableActions: d.availableActions,
    canReport: d.canReport,
    acceptBy: task.acceptBy ?? null,
    acceptWithinDays: row.accept_within_days,
    acceptByNote:
      task.acceptBy === undefined || task.acceptBy === null || row.assigned_on === null
        ? null
        : holidayGap(row.assigned_on, task.acceptBy),
    coSignOffs: (task.coSignOffs ?? []).map((o) => {
      const signed = d.coSign.signOffs.find((x) => x.org_unit_id === o.unit.id);
      return {
        unit: { id: o.unit.id, name: o.unit.name },
        verdict: o.verdict,
        note: o.note,
        signer: signed?.signer_name ?? null,
        signedAt: signed === undefined ? null : signed.signed_at.toISOString(),
      };
    }),
    hasFinalReport: task.hasFinalReport,
    canSignOff: d.canSignOff,
    canEdit: d.canEdit,
    closeRefusal: d.closeRefusal,
  };
}

/** 月调度. */
export function presentDispatch(board: DomainDispatchBoard): DispatchBoard {
  return {
    month: board.month,
    asOf: board.asOf,
    rows: board.rows.map((r) => ({
      taskId: r.taskId,
      taskTitle: r.taskTitle,
      unit: { id: r.unit.id, name: r.unit.name },
      role: r.role,
      period: r.period,
      periodLabel: r.periodLabel,
      dueDate: r.dueDate,
      submittedAt: r.submittedAt === null ? null : r.submittedAt.toISOString(),
      status: r.status,
    })),
    totals: { ...board.totals },
  };
}

/** 一键催报: how many reminders went out. */
export function presentReminders(sent: number): ReminderResult {
  return { sent };
}

/** 月通报 with its heading. */
export function presentBulletin({ bulletin: b, heading }: BulletinView): MonthlyBulletin {
  return {
    month: b.month,
    heading: { scope: heading.scope, name: heading.name, title: heading.title },
    asOf: b.asOf,
    summary: { ...b.summary },
    perUnit: b.perUnit.map((u) => ({ ...u, unit: { id: u.unit.id, name: u.unit.name } })),
    overdueList: b.overdueList,
    redList: b.redList,
    yellowList: b.yellowList,
    closedList: b.closedList,
    instructions: b.instructions.map((i) => ({
      taskId: i.taskId,
      taskTitle: i.taskTitle,
      author: i.author,
      at: i.at.toISOString(),
      date: i.date,
      text: i.text,
    })),
  };
}

/** 年度考核. */
export function presentScoreboard(scores: readonly DomainUnitScore[]): Scoreboard {
  return scores.map((s) => ({ ...s, unit: { id: s.unit.id, name: s.unit.name } }));
}

/** 消息: a page of the user's notifications. */
export function presentNotifications(
  list: { total: number; unread: number; items: NotificationItem[] },
  paging: { page: number; pageSize: number },
): NotificationPage {
  return {
    items: list.items.map((n) => ({
      id: n.id,
      kind: n.kind,
      kindLabel: NOTIFICATION_KIND_LABELS[n.kind] ?? "通知",
      text: n.text,
      taskId: n.task_id,
      taskTitle: n.task_title,
      createdAt: new Date(n.created_at).toISOString(),
      isRead: n.read_at !== null,
    })),
    total: list.total,
    unread: list.unread,
    page: paging.page,
    pageSize: paging.pageSize,
  };
}
