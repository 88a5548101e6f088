import { chinaDate } from "@luoshi/common";
import { planRepo, taskDetailRepo, taskWriteRepo, inTransaction } from "@luoshi/db";
import type { TaskBatchBody } from "@luoshi/contracts";
import { TaskBatchBody as TaskBatchSchema } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import { authorize } from "../access/authorize.ts";
import { groupMembersFor } from "../plans/plan-unit-names.service.ts";
import { checkTaskUnits } from "./create-task.ts";

/** The most tasks one batch creates, after unit groups are fanned out. */
const MAX_TASKS = 1000;

/**
 * 批量立项: tasks (待交办) from chosen clauses of one confirmed plan of the actor's jurisdiction, each
 * with its units, deadline and reporting cycle. A row led by a unit group (各乡镇 …) becomes one task
 * per member of the group (docs/supervision.md, 单位组). Every row is checked first; one bad row creates
 * nothing and the message names the row and its clause. All tasks go in one transaction, each with
 * its 立项 event and audit row.
 */
export async function batchCreateTasks(
  deps: ServiceDeps,
  actor: Actor,
  input: TaskBatchBody,
): Promise<string[]> {
  authorize(actor, "task.write");
  const body = TaskBatchSchema.parse(input);
  const { db } = deps.handle;
  const owner = await scopeRoot(db, actor);
  const plan = await planRepo.findById(db, body.planId);
  if (plan === undefined || plan.org_unit_id !== owner.id) {
    throw new AppError("not-found", "该规划不存在或不属于本辖区");
  }
  if (plan.status !== "confirmed") {
    throw new AppError("invalid-transition", "规划尚未确认，确认后才能批量立项");
  }
  const nodes = new Map(
    (
      await taskDetailRepo.nodesOfPlan(
        db,
        plan.id,
        body.rows.map((r) => r.planNodeId),
      )
    ).map((n) => [n.id, n.path]),
  );
  const today = chinaDate(deps.now());
  const seen = new Set<string>();
  const planned: {
    row: (typeof body.rows)[number];
    leadUnitId: string;
    coUnitIds: string[];
    note: string | null;
  }[] = [];
  for (const [i, row] of body.rows.entries()) {
    const path = nodes.get(row.planNodeId);
    const where = `第${String(i + 1)}行${path === undefined ? "" : `（第 ${path} 条）`}：`;
    const field = `body.rows.${String(i)}.`;
    if (path === undefined) {
      throw new AppError("validation-failed", `${where}不是该规划中的条目`, {
        fields: [{ path: `${field}planNodeId`, message: "不是该规划中的条目" }],
      });
    }
    if (seen.has(row.planNodeId)) {
      throw new AppError("validation-failed", `${where}同一条目选了两次`, {
        fields: [{ path: `${field}planNodeId`, message: "条目重复" }],
      });
    }
    seen.add(row.planNodeId);
    if (row.deadline < today) {
      throw new AppError("validation-failed", `${where}完成时限 ${row.deadline} 早于今天`, {
        fields: [{ path: `${field}deadline`, message: "完成时限不能早于今天" }],
      });
    }
    if (row.leadGroup === undefined) {
      await checkTaskUnits(db, actor, row.leadUnitId ?? "", row.coUnitIds, { where, field });
      planned.push({ row, leadUnitId: row.leadUnitId ?? "", coUnitIds: row.coUnitIds, note: null });
      continue;
    }
    const members = await groupMembersFor(deps, actor, owner.id, row.leadGroup);
    if (members === undefined || members.length === 0) {
      const why = members === undefined ? "不是本辖区设定的单位组" : "在本辖区没有成员单位";
      throw new AppError("validation-failed", `${where}“${row.leadGroup}”${why}`, {
        fields: [{ path: `${field}leadGroup`, message: `“${row.leadGroup}”${why}` }],
      });
    }
    const first = members[0]?.id ?? "";
    await checkTaskUnits(
      db,
      actor,
      first,
      row.coUnitIds.filter((c) => c !== first),
      { where, field },
    );
    // 单位组分解: one task per member, the member its lead (each signs, reports and is 销号 on its own)
    for (const m of members) {
      planned.push({
        row,
        leadUnitId: m.id,
        coUnitIds: row.coUnitIds.filter((c) => c !== m.id),
        note: `由单位组“${row.leadGroup}”分解（共 ${String(members.length)} 个单位）`,
      });
    }
  }
  if (planned.length > MAX_TASKS) {
    throw new AppError(
      "validation-failed",
      `一次批量立项最多 ${String(MAX_TASKS)} 项任务，单位组分解后共 ${String(planned.length)} 项；请分批立项`,
      { fields: [{ path: "body.rows", message: "任务过多" }] },
    );
  }
  const ids = planned.map(() => crypto.randomUUID());
  await inTransaction(db, async (trx) => {
    for (const [i, { row, leadUnitId, coUnitIds, note }] of planned.entries()) {
      const id = ids[i] ?? "";
      await taskWriteRepo.insertTask(trx, {
        task: {
          id,
          org_unit_id: owner.id,
          plan_id: plan.id,
          plan_node_id: row.planNodeId,
          source_kind: "plan",
          source_note: note,
          title: row.title,
          content: "",
          priority: row.priority,
          frequency: row.frequency,
          assigned_on: today,
          deadline: row.deadline,
          accept_within_days: row.acceptWithinDays,
          created_by: actor.userId,
        },
        unitIds: [leadUnitId, ...coUnitIds],
        milestones: [],
        planTargetIds: [],
      });
      await taskWriteRepo.insertEvent(trx, {
        task_id: id,
        actor_id: actor.userId,
        action: "create",
        to_state: "pending",
        comment: `由规划「${plan.title}」批量立项`,
        at: deps.now(),
      });
      await recordAudit(trx, actor, {
        action: "task.create",
        entityType: "task",
        entityId: id,
        after: { ...row, leadUnitId, coUnitIds },
      });
    }
    await recordAudit(trx, actor, {
      action: "task.batch-create",
      entityType: "plan",
      entityId: plan.id,
      details: { count: ids.length, taskIds: ids },
    });
  });
  return ids;
}
