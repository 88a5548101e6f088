import { actionOfRequest, commentOfAction, transition, type LedgerAction } from "@luoshi/domain/ledger";
import { taskWriteRepo } from "@luoshi/db";
import type { TaskActionBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { ledgerActor, loadTask } from "./task-access.ts";

/** Roles that handle tasks; others (administrators, inspectors, leaders) only read them. */
const HANDLING_ROLES: readonly string[] = ["bureauPlanner", "bureauSupervisor", "unitUser", "schoolUser"];

/**
 * 流转: one state transition, checked by the ledger rules. A wrong state or an unmet precondition is a
 * 409, an action that is not the actor's a 403; the change, its event and its audit row go in together.
 */
export async function actOnTask(
  deps: ServiceDeps,
  actor: Actor,
  taskId: string,
  input: TaskActionBody | Extract<LedgerAction, { type: "requestAdjustment" | "decideAdjustment" }>,
): Promise<void> {
  if (actor.role !== null && !HANDLING_ROLES.includes(actor.role)) {
    throw new AppError("forbidden", "您的角色不能办理任务");
  }
  const { row, task } = await loadTask(deps, actor, taskId);
  const action: LedgerAction = "type" in input ? input : actionOfRequest(input.action, input.comment);
  const now = deps.now();
  const result = transition(task, action, ledgerActor(actor, task), now);
  if (!result.ok) {
    throw new AppError(result.kind === "actor" ? "forbidden" : "invalid-transition", result.message, {
      reason: result.code,
    });
  }
  const c = result.changes;
  const comment = commentOfAction(action);
  await deps.handle.db.transaction().execute(async (trx) => {
    await taskWriteRepo.updateTask(trx, taskId, {
      state: result.next,
      updated_at: now,
      ...(c.assignedAt === undefined ? {} : { assigned_on: c.assignedAt }),
      ...(c.closedAt === undefined ? {} : { closed_at: c.closedAt }),
      ...(c.deadline === undefined ? {} : { deadline: c.deadline }),
      ...(c.title === undefined ? {} : { title: c.title }),
      ...(c.suspendedFrom === undefined ? {} : { suspended_from: c.suspendedFrom }),
      ...(action.type === "suspend" ? { suspended_reason: action.reason } : {}),
    });
    if (action.type === "accept" && actor.orgUnitId !== null) {
      await taskWriteRepo.markAccepted(trx, taskId, actor.orgUnitId, now);
    }
    if (action.type === "requestAdjustment") {
      await taskWriteRepo.insertAdjustment(trx, {
        task_id: taskId,
        new_deadline: action.newDeadline ?? null,
        new_title: action.newTitle ?? null,
        reason: action.reason,
        requested_by: actor.userId,
        requested_at: now,
      });
    }
    if (action.type === "decideAdjustment") {
      await taskWriteRepo.decideAdjustment(trx, taskId, {
        decision: action.isApproved ? "approved" : "refused",
        decided_by: actor.userId,
        decided_at: now,
        decision_comment: action.comment ?? null,
      });
    }
    await taskWriteRepo.insertEvent(trx, {
      task_id: taskId,
      at: now,
      actor_id: actor.userId,
      actor_unit_id: actor.orgUnitId,
      action: action.type,
      from_state: row.state,
      to_state: result.next,
      comment,
      details: JSON.stringify(c),
    });
    await recordAudit(trx, actor, {
      action: `task.${action.type}`,
      entityType: "task",
      entityId: taskId,
      before: { state: row.state, deadline: row.deadline, title: row.title },
      after: { state: result.next, ...c },
      details: comment === null ? undefined : { comment },
    });
  });
}
