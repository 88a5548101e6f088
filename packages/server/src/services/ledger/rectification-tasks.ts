/**
 * 整改 as ledger tasks: a 督导 finding becomes a task owned by the county's bureau, led by the school,
 * already 交办 (the 整改通知书 is the 交办) with its deadline by severity — from then on it is a task like
 * any other: 签收, 进展 and 办结报告 with evidence, lights, 催办, bulletins. Its 销号 waits for the
 * 督学's 复查 (the gate in act-on-task.ts); the 督学 who issued it may not 销号 it (岗位分离).
 */
import { taskWriteRepo, type Db } from "@luoshi/db";
import type { Actor } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { sendNotices } from "./notifications.ts";

/** One 整改 task to open. */
export interface RectificationTask {
  title: string;
  content: string;
  schoolId: string;
  deadline: string;
  priority: "high" | "normal";
  sourceNote: string;
}

/** Opens the tasks (state 已交办) inside the caller's transaction; returns their ids in order. */
export async function openRectificationTasks(
  db: Db,
  actor: Actor,
  at: { now: Date; today: string; ownerId: string },
  tasks: readonly RectificationTask[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const t of tasks) {
    const id = crypto.randomUUID();
    await taskWriteRepo.insertTask(db, {
      task: {
        id,
        org_unit_id: at.ownerId,
        plan_id: null,
        plan_node_id: null,
        source_kind: "other",
        source_note: t.sourceNote,
        title: t.title,
        content: t.content,
        priority: t.priority,
        frequency: "once",
        state: "assigned",
        assigned_on: at.today,
        assigned_by: actor.userId,
        deadline: t.deadline,
        created_by: actor.userId,
      },
      unitIds: [t.schoolId],
      milestones: [],
      planTargetIds: [],
    });
    await taskWriteRepo.insertEvent(db, {
      task_id: id,
      actor_id: actor.userId,
      action: "create",
      to_state: "pending",
      at: at.now,
      comment: t.sourceNote,
    });
    await taskWriteRepo.insertEvent(db, {
      task_id: id,
      actor_id: actor.userId,
      action: "assign",
      from_state: "pending",
      to_state: "assigned",
      at: at.now,
    });
    await sendNotices(db, actor, at.now, [
      {
        to: { unitId: t.schoolId },
        taskId: id,
        kind: "assigned",
        text: `督导整改“${t.title}”由您单位办理，整改时限${t.deadline}，请签收并按时报送整改情况`,
      },
    ]);
    await recordAudit(db, actor, {
      action: "task.create",
      entityType: "task",
      entityId: id,
      after: { title: t.title, deadline: t.deadline, leadUnitId: t.schoolId, source: "inspection" },
    });
    ids.push(id);
  }
  return ids;
}
