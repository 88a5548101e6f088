import { chinaDate } from "@luoshi/common";
import { FREQUENCY_LABELS, PRIORITY_LABELS } from "@luoshi/domain/ledger";
import { orgUnitRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { noticeDocx, urgeDocx, type NoticeFacts } from "../../reports/supervision-notice-docx.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import { unitsOf } from "./list-tasks.ts";
import { loadTaskDetail } from "./task-detail.ts";

const SOURCE_LABELS: Record<string, string> = { leader: "领导交办事项", meeting: "会议议定事项" };

/** 督办通知单 or 催办单 of a task the actor sees, with the file name; the download is audited. */
export async function taskNoticeDocx(
  deps: ServiceDeps,
  actor: Actor,
  taskId: string,
  kind: "notice" | "urge",
): Promise<{ buffer: Buffer; fileName: string }> {
  const d = await loadTaskDetail(deps, actor, taskId);
  const { row, bundle, task, light } = d;
  const units = unitsOf(bundle, row.id);
  const facts: NoticeFacts = {
    title: row.title,
    content: row.content,
    basis:
      row.source_kind === "plan" && row.plan_title !== null
        ? `《${row.plan_title}》第${row.clause_path ?? ""}条`
        : `${SOURCE_LABELS[row.source_kind] ?? "督办事项"}${row.source_note === null ? "" : `（${row.source_note}）`}`,
    basisText: d.sourceText,
    leadUnit: units.find((u) => u.role === "lead")?.name ?? "",
    coUnits: units.filter((u) => u.role === "co").map((u) => u.name),
    assignedOn: row.assigned_on,
    deadline: row.deadline,
    frequencyLabel: FREQUENCY_LABELS[task.frequency],
    priorityLabel: PRIORITY_LABELS[task.priority],
    milestones: bundle.milestones.map((m) => ({ title: m.title, dueOn: m.due_on })),
    lightReason: light.light === "red" || light.light === "yellow" ? light.reason : null,
    isRed: light.light === "red",
  };
  const { db } = deps.handle;
  // the issuing bureau: the jurisdiction root for bureau staff, the task's owner for anyone else
  const owner =
    actor.role === "unitUser" || actor.role === "schoolUser"
      ? await orgUnitRepo.findById(db, row.org_unit_id)
      : await scopeRoot(db, actor);
  const county = (owner?.name ?? "").replace(/教育局$/, "");
  const by = { county, issuer: `${county}教育局`, date: chinaDate(deps.now()) };
  const buffer = kind === "notice" ? await noticeDocx(facts, by) : await urgeDocx(facts, by);
  await recordAudit(db, actor, {
    action: kind === "notice" ? "ledger.notice-export" : "ledger.urge-export",
    entityType: "task",
    entityId: taskId,
  });
  const label = kind === "notice" ? "督办通知单" : "催办单";
  return { buffer, fileName: `${label}-${row.title.slice(0, 40)}.docx` };
}
