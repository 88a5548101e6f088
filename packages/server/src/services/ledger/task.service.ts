import {
  actorKindOf,
  availableActions,
  checkReport,
  lightOf,
  transition,
  type LedgerAction,
  type LedgerTask,
  type LightTask,
  type ProgressReport,
  type TaskState,
} from "@luoshi/domain/ledger";
import {
  orgUnitRepo,
  planRepo,
  taskRepo,
  type TaskBundle,
  type TaskListRow,
  type TaskScope,
} from "@luoshi/db";
import type { TaskActionBody, TaskCreateBody, TaskListQuery } from "@luoshi/contracts";
import { TaskCreateBody as TaskCreateSchema } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import { inScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";

/** Today in China as YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
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
    frequency: row.frequency as LedgerTask["frequency"],
    milestones: (index.milestones.get(row.id) ?? []).map((m) => ({
      title: m.title,
      dueDate: m.due_on,
      isReached: m.reached_on !== null,
    })),
    priority: row.priority as LedgerTask["priority"],
    targets: [],
    state: row.state as TaskState,
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
    suspendedFrom: (row.suspended_from as TaskState | null) ?? null,
  };
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

/**
 * Which tasks an actor sees: bureau staff and leaders those their jurisdiction owns, a unit or school
 * those that name a unit within its scope. Callers add filters to this; they never replace it.
 */
export function taskScopeFor(actor: Actor): TaskScope {
  const reach = actor.role === "unitUser" || actor.role === "schoolUser" ? "named" : "owned";
  return { scope: actor.scope, reach };
}

/** One task the actor may see, with its ledger view; 404 outside the actor's tasks. */
export async function loadTask(deps: ServiceDeps, actor: Actor, taskId: string) {
  authorize(actor, "task.read");
  const bundle = await taskRepo.loadBundle(deps.handle.db, { ...taskScopeFor(actor), taskId });
  const row = bundle.tasks[0];
  if (row === undefined) {
    const exists = await deps.handle.db
      .selectFrom("tasks")
      .select("id")
      .where("id", "=", taskId)
      .executeTakeFirst();
    throw exists === undefined
      ? new AppError("not-found", "该任务不存在")
      : new AppError("forbidden", "无权查看该任务：不是本单位承办的任务或不在您的管辖范围内");
  }
  return { row, bundle, task: toLedgerTask(row, bundle) };
}

/** Lights look at the current and the previous reporting period only. */
const RECENT_DAYS = 62;

/** 台账: tasks in scope with computed lights, filtered, sorted and paged. */
export async function listTasks(deps: ServiceDeps, actor: Actor, q: TaskListQuery) {
  authorize(actor, "task.read");
  const { db } = deps.handle;
  const base = taskScopeFor(actor);
  const scope: TaskScope = {
    ...base,
    ...(q.planId === undefined ? {} : { planId: q.planId }),
    ...(q.unitId === undefined ? {} : { unitId: q.unitId }),
    ...(q.mine === "true" && actor.orgUnitId !== null ? { unitId: actor.orgUnitId } : {}),
  };
  const now = deps.now();
  const today = chinaToday(now);
  // the lights of the whole scope from narrow rows; full rows only for the page shown
  const data = await taskRepo.lightData(db, scope, new Date(now.getTime() - RECENT_DAYS * 86_400_000), today);
  const reportsByTask = groupBy(
    data.reports.map((r): ProgressReport => ({
      taskId: r.task_id,
      unitId: r.org_unit_id,
      period: r.period,
      submittedAt: r.submitted_at,
      percent: r.progress,
      text: "",
    })),
    (r) => r.taskId,
  );
  const milestonesByTask = groupBy(data.milestones, (m) => m.task_id);
  const needle = q.q?.toLowerCase() ?? "";
  const rows = data.tasks
    .filter(
      (t) =>
        (q.state === undefined || t.state === q.state) &&
        (q.deadlineBefore === undefined || t.deadline <= q.deadlineBefore) &&
        (needle === "" || t.title.toLowerCase().includes(needle)),
    )
    .map((t) => {
      const task: LightTask = {
        id: t.id,
        state: t.state as TaskState,
        deadline: t.deadline,
        assignedAt: t.assigned_on,
        frequency: t.frequency as LedgerTask["frequency"],
        leadUnit: t.lead_unit ?? "",
        milestones: (milestonesByTask.get(t.id) ?? []).map((m) => ({
          title: m.title,
          dueDate: m.due_on,
          isReached: m.reached_on !== null,
        })),
      };
      return { t, light: lightOf(task, today, reportsByTask.get(t.id) ?? []) };
    })
    .filter((x) => q.light === undefined || x.light.light === q.light);
  const lightOrder = { red: 0, yellow: 1, blue: 2, green: 3, grey: 4 };
  rows.sort((a, b) => {
    switch (q.sort) {
      case "-deadline":
        return b.t.deadline.localeCompare(a.t.deadline);
      case "light":
        return (
          lightOrder[a.light.light] - lightOrder[b.light.light] || a.t.deadline.localeCompare(b.t.deadline)
        );
      case "title":
        return a.t.title.localeCompare(b.t.title, "zh-CN");
      default:
        return a.t.deadline.localeCompare(b.t.deadline);
    }
  });
  const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const bundle =
    page.length === 0
      ? {
          tasks: [],
          units: [],
          milestones: [],
          adjustments: [],
          evidence: new Map(),
          finalReports: new Set<string>(),
        }
      : await taskRepo.loadBundle(db, { ...scope, taskIds: page.map((x) => x.t.id) });
  const full = new Map(bundle.tasks.map((row) => [row.id, row]));
  const items = page.flatMap(({ t, light }) => {
    const row = full.get(t.id);
    return row === undefined ? [] : [{ row, task: toLedgerTask(row, bundle), light }];
  });
  return { total: rows.length, items, bundle };
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
  const today = chinaToday(deps.now());
  const assignedOn = body.assignedOn ?? today;
  if (body.deadline < assignedOn) {
    throw new AppError("validation-failed", `完成时限 ${body.deadline} 早于交办日期 ${assignedOn}`, {
      fields: [{ path: "body.deadline", message: "完成时限不能早于交办日期" }],
    });
  }
  const unitIds = [body.leadUnitId, ...body.coUnitIds];
  if (new Set(unitIds).size !== unitIds.length) {
    throw new AppError("validation-failed", "牵头单位和协办单位不能重复", {
      fields: [{ path: "body.coUnitIds", message: "单位重复" }],
    });
  }
  for (const [i, id] of unitIds.entries()) {
    const unit = await orgUnitRepo.findById(db, id);
    const path = i === 0 ? "body.leadUnitId" : `body.coUnitIds.${i - 1}`;
    if (unit === undefined || !inScope(actor, unit)) {
      throw new AppError("validation-failed", `${i === 0 ? "牵头单位" : "协办单位"}不在本辖区内`, {
        fields: [{ path, message: "单位不在本辖区内" }],
      });
    }
  }
  let planId: string | null = null;
  if (body.planNodeId !== undefined) {
    const node = await db
      .selectFrom("plan_nodes")
      .selectAll()
      .where("id", "=", body.planNodeId)
      .executeTakeFirst();
    const plan = node === undefined ? undefined : await planRepo.findById(db, node.plan_id);
    if (plan === undefined || plan.org_unit_id !== owner.id || plan.status !== "confirmed") {
      throw new AppError("validation-failed", "督办依据须是本辖区已确认规划中的条目", {
        fields: [{ path: "body.planNodeId", message: "不是已确认规划中的条目" }],
      });
    }
    planId = plan.id;
  }
  const id = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("tasks")
      .values({
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
      })
      .execute();
    await trx
      .insertInto("task_units")
      .values(
        unitIds.map((u, position) => ({
          task_id: id,
          org_unit_id: u,
          role: position === 0 ? "lead" : "co",
          position,
        })),
      )
      .execute();
    if (body.milestones.length > 0) {
      await trx
        .insertInto("task_milestones")
        .values(
          body.milestones.map((m, position) => ({ task_id: id, title: m.title, due_on: m.dueOn, position })),
        )
        .execute();
    }
    if (body.planTargetIds.length > 0) {
      await trx
        .insertInto("task_targets")
        .values(body.planTargetIds.map((t) => ({ task_id: id, plan_target_id: t })))
        .execute();
    }
    await trx
      .insertInto("task_events")
      .values({ task_id: id, actor_id: actor.userId, action: "create", to_state: "pending", at: deps.now() })
      .execute();
    await recordAudit(trx, actor, { action: "task.create", entityType: "task", entityId: id, after: body });
  });
  return id;
}

/** The ledger actor kind of a user for a task, or 403. */
export function ledgerActor(actor: Actor, task: LedgerTask) {
  const kind = actor.role === null ? null : actorKindOf(actor.role, actor.orgUnitId, task);
  if (kind === null) {
    throw new AppError("forbidden", "您与该任务无关，不能办理");
  }
  return { kind, userId: actor.userId ?? "" };
}

/** Actions the actor may take now (for the task page's buttons). */
export function actionsFor(actor: Actor, task: LedgerTask): string[] {
  const kind = actor.role === null ? null : actorKindOf(actor.role, actor.orgUnitId, task);
  return kind === null ? [] : availableActions(task.state, kind);
}

/** True when the actor's unit may report on the task now. */
export function canReport(actor: Actor, task: LedgerTask): boolean {
  const kind = actor.role === null ? null : actorKindOf(actor.role, actor.orgUnitId, task);
  return (kind === "leadUnit" || kind === "coUnit") && checkReport(task, { kind }).ok;
}

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
  if (
    actor.role !== null &&
    !["bureauPlanner", "bureauSupervisor", "unitUser", "schoolUser"].includes(actor.role)
  ) {
    throw new AppError("forbidden", "您的角色不能办理任务");
  }
  const { row, task } = await loadTask(deps, actor, taskId);
  const action: LedgerAction =
    "type" in input
      ? input
      : input.action === "return"
        ? { type: "return", comment: input.comment ?? "" }
        : input.action === "suspend"
          ? { type: "suspend", reason: input.comment ?? "" }
          : input.action === "approve"
            ? { type: "approve", ...(input.comment === undefined ? {} : { comment: input.comment }) }
            : { type: input.action };
  const now = deps.now();
  const result = transition(task, action, ledgerActor(actor, task), now);
  if (!result.ok) {
    throw new AppError(result.kind === "actor" ? "forbidden" : "invalid-transition", result.message, {
      reason: result.code,
    });
  }
  const c = result.changes;
  await deps.handle.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("tasks")
      .set({
        state: result.next,
        updated_at: now,
        ...(c.assignedAt === undefined ? {} : { assigned_on: c.assignedAt }),
        ...(c.closedAt === undefined ? {} : { closed_at: c.closedAt }),
        ...(c.deadline === undefined ? {} : { deadline: c.deadline }),
        ...(c.title === undefined ? {} : { title: c.title }),
        ...(c.suspendedFrom === undefined ? {} : { suspended_from: c.suspendedFrom }),
        ...(action.type === "suspend" ? { suspended_reason: action.reason } : {}),
      })
      .where("id", "=", taskId)
      .execute();
    if (action.type === "accept" && actor.orgUnitId !== null) {
      await trx
        .updateTable("task_units")
        .set({ accepted_at: now })
        .where("task_id", "=", taskId)
        .where("org_unit_id", "=", actor.orgUnitId)
        .execute();
    }
    if (action.type === "requestAdjustment") {
      await trx
        .insertInto("task_adjustments")
        .values({
          task_id: taskId,
          new_deadline: action.newDeadline ?? null,
          new_title: action.newTitle ?? null,
          reason: action.reason,
          requested_by: actor.userId,
          requested_at: now,
        })
        .execute();
    }
    if (action.type === "decideAdjustment") {
      await trx
        .updateTable("task_adjustments")
        .set({
          decision: action.isApproved ? "approved" : "refused",
          decided_by: actor.userId,
          decided_at: now,
          decision_comment: action.comment ?? null,
        })
        .where("task_id", "=", taskId)
        .where("decision", "is", null)
        .execute();
    }
    const comment =
      "comment" in action ? (action.comment ?? null) : "reason" in action ? action.reason : null;
    await trx
      .insertInto("task_events")
      .values({
        task_id: taskId,
        at: now,
        actor_id: actor.userId,
        actor_unit_id: actor.orgUnitId,
        action: action.type,
        from_state: row.state,
        to_state: result.next,
        comment,
        details: JSON.stringify(c),
      })
      .execute();
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
