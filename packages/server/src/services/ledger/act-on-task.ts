import {
  actionOfRequest,
  commentOfAction,
  transition,
  type LedgerAction,
  type LedgerTask,
} from "@luoshi/domain/ledger";
import { inspectionVisitRepo, taskWriteRepo, inTransaction } from "@luoshi/db";
import type { TaskActionBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { HANDLING_ROLES, ledgerActor, loadTask } from "./task-access.ts";
import { acceptByOf } from "./ledger-task.ts";
import { sendNotices, type Notice } from "./notifications.ts";

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
  if (action.type === "approve") {
    // a 督导 finding's 整改 is closed only after the 督学's 复查 passed it (docs/inspection.md)
    const gate = await inspectionVisitRepo.closeGate(deps.handle.db, taskId);
    if (gate !== null) {
      throw new AppError("invalid-transition", gate, { reason: "inspection-recheck" });
    }
  }
  const c = result.changes;
  const comment = commentOfAction(action);
  await inTransaction(deps.handle.db, async (trx) => {
    await taskWriteRepo.updateTask(trx, taskId, {
      state: result.next,
      updated_at: now,
      ...(c.assignedAt === undefined ? {} : { assigned_on: c.assignedAt }),
      ...(c.assignedBy === undefined ? {} : { assigned_by: c.assignedBy }),
      ...(c.closedAt === undefined ? {} : { closed_at: c.closedAt }),
      ...(c.deadline === undefined ? {} : { deadline: c.deadline }),
      ...(c.title === undefined ? {} : { title: c.title }),
      ...(c.suspendedFrom === undefined ? {} : { suspended_from: c.suspendedFrom }),
      ...(action.type === "suspend" ? { suspended_reason: action.reason } : {}),
    });
    if (action.type === "submitForReview") {
      // a new request for 销号 needs a new 复查 of a 督导 finding's 整改
      await inspectionVisitRepo.resetRecheck(trx, taskId);
    }
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
    await sendNotices(trx, actor, now, noticesFor(action, row, task, result.task, comment));
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

/**
 * Who hears of a transition: 交办 the lead unit (to 签收) and the co-units; 提请销号 the reviewers;
 * 退回 the lead unit (or, when the lead unit hands a task back, the reviewers); 销号 the lead unit.
 */
function noticesFor(
  action: LedgerAction,
  row: { org_unit_id: string; accept_within_days: number },
  before: LedgerTask,
  after: LedgerTask,
  comment: string | null,
): Notice[] {
  const title = `“${before.title}”`;
  const taskId = before.id;
  const ownerId = row.org_unit_id;
  switch (action.type) {
    case "assign": {
      const acceptBy = acceptByOf({
        assigned_on: after.assignedAt,
        accept_within_days: row.accept_within_days,
      });
      const limit = acceptBy === null ? "" : `，请于${acceptBy}前签收`;
      return [
        {
          to: { unitId: before.leadUnit },
          taskId,
          kind: "assigned",
          text: `交办任务${title}由您单位牵头，完成时限${before.deadline}${limit}`,
        },
        ...before.coUnits.map((u): Notice => ({
          to: { unitId: u },
          taskId,
          kind: "assigned",
          text: `交办任务${title}由您单位协办，完成时限${before.deadline}`,
        })),
      ];
    }
    case "submitForReview":
      return [
        {
          to: { reviewersOf: ownerId },
          taskId,
          kind: "review-request",
          text: `任务${title}已提请销号，请复核`,
        },
      ];
    case "return":
      return before.state === "underReview"
        ? [
            {
              to: { unitId: before.leadUnit },
              taskId,
              kind: "returned",
              text: `任务${title}的销号申请被退回：${comment ?? ""}`,
            },
          ]
        : [
            {
              to: { reviewersOf: ownerId },
              taskId,
              kind: "returned",
              text: `牵头单位退回了交办的任务${title}：${comment ?? ""}`,
            },
          ];
    case "approve":
      return [{ to: { unitId: before.leadUnit }, taskId, kind: "closed", text: `任务${title}已销号` }];
    default:
      return [];
  }
}
