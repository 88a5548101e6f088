import { chinaDate } from "@luoshi/common";
import { orgUnitRepo, planRepo, taskDetailRepo, taskWriteRepo, inTransaction, type Db } from "@luoshi/db";
import type { TaskCreateBody } from "@luoshi/contracts";
import { TaskCreateBody as TaskCreateSchema } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import { unitInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";

/**
 * The lead and co-units of a task: distinct, and each within the actor's jurisdiction. `where` names
 * the row in messages ("第3行：") and `field` prefixes the error paths.
 */
export async function checkTaskUnits(
  db: Db,
  actor: Actor,
  leadUnitId: string,
  coUnitIds: readonly string[],
  at: { where: string; field: string },
): Promise<void> {
  const unitIds = [leadUnitId, ...coUnitIds];
  if (new Set(unitIds).size !== unitIds.length) {
    throw new AppError("validation-failed", `${at.where}牵头单位和协办单位不能重复`, {
      fields: [{ path: `${at.field}coUnitIds`, message: "单位重复" }],
    });
  }
  for (const [i, id] of unitIds.entries()) {
    const unit = await orgUnitRepo.findById(db, id);
    const path = i === 0 ? `${at.field}leadUnitId` : `${at.field}coUnitIds.${String(i - 1)}`;
    const role = i === 0 ? "牵头单位" : "协办单位";
    if (unit === undefined) {
      throw new AppError("validation-failed", `${at.where}所选${role}不存在（可能已撤销），请重新选择`, {
        fields: [{ path, message: "单位不存在，请重新选择" }],
      });
    }
    if (!unitInScope(actor, unit)) {
      throw new AppError("validation-failed", `${at.where}${role}“${unit.name}”不在本辖区内`, {
        fields: [{ path, message: `“${unit.name}”不在本辖区内` }],
      });
    }
  }
}

/**
 * 新建任务 (待交办): from a confirmed plan's node (its 督办依据) or by hand. The lead and co-units must lie
 * in the bureau's jurisdiction; the deadline may not precede the assignment.
 */
export async function createTask(deps: ServiceDeps, actor: Actor, input: TaskCreateBody): Promise<string> {
  authorize(actor, "task.write");
  const body = TaskCreateSchema.parse(input);
  const { db } = deps.handle;
  const owner = await scopeRoot(db, actor);
  const today = chinaDate(deps.now());
  const assignedOn = body.assignedOn ?? today;
  if (body.deadline < assignedOn) {
    throw new AppError("validation-failed", `完成时限 ${body.deadline} 早于交办日期 ${assignedOn}`, {
      fields: [{ path: "body.deadline", message: "完成时限不能早于交办日期" }],
    });
  }
  await checkTaskUnits(db, actor, body.leadUnitId, body.coUnitIds, { where: "", field: "body." });
  let planId: string | null = null;
  if (body.planNodeId !== undefined) {
    const nodePlanId = await taskDetailRepo.planIdOfNode(db, body.planNodeId);
    const plan = nodePlanId === undefined ? undefined : await planRepo.findById(db, nodePlanId);
    if (plan === undefined || plan.org_unit_id !== owner.id || plan.status !== "confirmed") {
      throw new AppError("validation-failed", "督办依据须是本辖区已确认规划中的条目", {
        fields: [{ path: "body.planNodeId", message: "不是已确认规划中的条目" }],
      });
    }
    planId = plan.id;
  }
  const id = crypto.randomUUID();
  await inTransaction(db, async (trx) => {
    await taskWriteRepo.insertTask(trx, {
      task: {
        id,
        org_unit_id: owner.id,
        plan_id: planId,
        plan_node_id: body.planNodeId ?? null,
        source_kind: body.planNodeId === undefined && body.sourceKind === "plan" ? "other" : body.sourceKind,
        source_note: body.sourceNote ?? null,
        title: body.title,
        content: body.content,
        priority: body.priority,
        frequency: body.frequency,
        assigned_on: assignedOn,
        deadline: body.deadline,
        created_by: actor.userId,
      },
      unitIds: [body.leadUnitId, ...body.coUnitIds],
      milestones: body.milestones,
      planTargetIds: body.planTargetIds,
    });
    await taskWriteRepo.insertEvent(trx, {
      task_id: id,
      actor_id: actor.userId,
      action: "create",
      to_state: "pending",
      at: deps.now(),
    });
    await recordAudit(trx, actor, { action: "task.create", entityType: "task", entityId: id, after: body });
  });
  return id;
}
