/**
 * Who sees and who may handle a task: the actor's task scope, one task within it (404 / 403), and the
 * actor's part in a task (lead unit, co-unit, bureau) as the ledger rules define it.
 */
import {
  actorKindOf,
  availableActions,
  checkReport,
  separationProblem,
  type LedgerTask,
} from "@luoshi/domain/ledger";
import { taskDetailRepo, taskRepo, type TaskBundle, type TaskListRow, type TaskScope } from "@luoshi/db";
import { can } from "@luoshi/domain/auth";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { toLedgerTask } from "./ledger-task.ts";

/**
 * Which tasks an actor sees: bureau staff and leaders those their jurisdiction owns, a unit or school
 * those that name a unit within its scope. Callers add filters to this; they never replace it.
 */
export function taskScopeFor(actor: Actor): TaskScope {
  // a 责任督学 (scope limited to the 责任区 schools) sees the tasks that name those schools: 整改 tasks
  const named = actor.role === "unitUser" || actor.role === "schoolUser" || actor.scope.within !== undefined;
  const reach = named ? "named" : "owned";
  return { scope: actor.scope, reach };
}

/** One task with its rows and its ledger view. */
export interface LoadedTask {
  row: TaskListRow;
  bundle: TaskBundle;
  task: LedgerTask;
  /** 会签: the lead's current 办结报告 and the co-units' verdicts on it. */
  coSign: Awaited<ReturnType<typeof taskDetailRepo.coSignState>>;
}

/** One task the actor may see, with its ledger view; 404 when there is none, 403 outside the actor's tasks. */
export async function loadTask(deps: ServiceDeps, actor: Actor, taskId: string): Promise<LoadedTask> {
  authorize(actor, "task.read");
  const { db } = deps.handle;
  const bundle = await taskRepo.loadBundle(db, { ...taskScopeFor(actor), taskId });
  const row = bundle.tasks[0];
  if (row === undefined) {
    throw (await taskDetailRepo.exists(db, taskId))
      ? new AppError("forbidden", "无权查看该任务：不是本单位承办的任务或不在您的管辖范围内")
      : new AppError("not-found", "该任务不存在");
  }
  const task = toLedgerTask(row, bundle);
  if (task.coUnits.length === 0) {
    return { row, bundle, task, coSign: { reportId: null, signOffs: [] } };
  }
  const coSign = await taskDetailRepo.coSignState(db, taskId);
  const names = new Map(bundle.units.map((u) => [u.org_unit_id, u.name]));
  const coSignOffs = task.coUnits.map((unitId) => {
    const signed = coSign.signOffs.find((s) => s.org_unit_id === unitId);
    return {
      unit: { id: unitId, name: names.get(unitId) ?? "" },
      verdict: signed?.verdict ?? null,
      note: signed?.note ?? "",
    };
  });
  return { row, bundle, task: { ...task, coSignOffs }, coSign };
}

/** The ledger actor kind of a user for a task, or 403. */
export function ledgerActor(actor: Actor, task: LedgerTask) {
  const kind = actor.role === null ? null : actorKindOf(actor.role, actor.orgUnitId, task);
  if (kind === null) {
    throw new AppError("forbidden", "您与该任务无关，不能办理");
  }
  return { kind, userId: actor.userId ?? "" };
}

/** Actions the actor may take now (for the task page's buttons); no 销号 for its 立项人 or 交办人. */
export function actionsFor(actor: Actor, task: LedgerTask): string[] {
  const kind = actor.role === null ? null : actorKindOf(actor.role, actor.orgUnitId, task);
  const actions = kind === null ? [] : availableActions(task.state, kind);
  return closeRefusal(actor, task) === null ? actions : actions.filter((a) => a !== "approve");
}

/** Why the actor, a reviewer of the task, may not 销号 it (岗位分离), or null. */
export function closeRefusal(actor: Actor, task: LedgerTask): string | null {
  const kind = actor.role === null ? null : actorKindOf(actor.role, actor.orgUnitId, task);
  if (kind !== "bureau" || task.state !== "underReview") {
    return null;
  }
  return separationProblem(task, actor.userId ?? "")?.message ?? null;
}

/** True when the actor's unit may report on the task now. */
export function canReport(actor: Actor, task: LedgerTask): boolean {
  const kind = actor.role === null ? null : actorKindOf(actor.role, actor.orgUnitId, task);
  return (kind === "leadUnit" || kind === "coUnit") && checkReport(task, { kind }).ok;
}

/** Roles that handle tasks; others (administrators, inspectors, leaders) only read them. */
export const HANDLING_ROLES: readonly string[] = [
  "bureauPlanner",
  "bureauSupervisor",
  "unitUser",
  "schoolUser",
];

/** True when the actor handles tasks and works in one of the task's co-units (who may 会签). */
export function isCoUnitMember(actor: Actor, task: LedgerTask): boolean {
  return (
    actor.role !== null &&
    HANDLING_ROLES.includes(actor.role) &&
    actor.orgUnitId !== null &&
    task.coUnits.includes(actor.orgUnitId)
  );
}

/** True when the actor's unit is a co-unit that may 会签 the lead's current 办结报告 now. */
export function canSignOff(actor: Actor, task: LedgerTask, reportId: string | null): boolean {
  return isCoUnitMember(actor, task) && reportId !== null && task.state === "inProgress";
}

/** True when the actor may edit or 改派 the task: bureau staff with task.write, until 销号. */
export function canEdit(actor: Actor, task: LedgerTask): boolean {
  return (
    actor.role !== null &&
    can(actor.role, "task.write") &&
    actorKindOf(actor.role, actor.orgUnitId, task) === "bureau" &&
    task.state !== "closed"
  );
}
