import { chinaDate, startOfChinaDay } from "@luoshi/common";
import {
  filterLedgerRows,
  lightOf,
  sortLedgerRows,
  type LedgerFilters,
  type LedgerSort,
  type LightResult,
  type LightTask,
  type EscalationLevel,
  type ProgressReport,
} from "@luoshi/domain/ledger";
import {
  escalationRepo,
  scopeKey,
  taskRepo,
  type TaskBundle,
  type TaskLightData,
  type TaskListRow,
  type TaskScope,
} from "@luoshi/db";
import type { TaskListQuery } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { taskScopeFor } from "./task-access.ts";
import { acceptByOf, bundleIndex, groupBy, toLedgerTask } from "./ledger-task.ts";
import { byLedgerVersion } from "./light-cache.ts";

/** Lights look at the current and the previous reporting period only. */
const RECENT_DAYS = 62;

const EMPTY_BUNDLE: TaskBundle = {
  tasks: [],
  units: [],
  milestones: [],
  adjustments: [],
  evidence: new Map(),
  finalReports: new Set<string>(),
};

/** One 台账 row: the task's rows, its ledger view and its light. */
export interface TaskListItem {
  row: TaskListRow;
  task: ReturnType<typeof toLedgerTask>;
  light: LightResult;
  /** The highest 督办升级 recorded for the task, if any. */
  escalation: EscalationLevel | null;
}

const LEVEL_ORDER: readonly EscalationLevel[] = ["urge", "notice", "interview"];

/** The highest level among a task's 督办升级 records. */
export function highestEscalation(levels: readonly string[]): EscalationLevel | null {
  return LEVEL_ORDER.filter((l) => levels.includes(l)).at(-1) ?? null;
}

/** A page of the 台账 and the bundle its rows came from. */
export interface TaskList {
  total: number;
  items: TaskListItem[];
  bundle: TaskBundle;
}

/**
 * The actor's task scope with the list's filters: `mine` (the user's own unit) or `unitId` narrow it,
 * as does `planId`; none of them can widen it (the repository ANDs every filter to the scope).
 */
function listScope(actor: Actor, q: TaskListQuery): TaskScope {
  const unitId = q.mine === "true" && actor.orgUnitId !== null ? actor.orgUnitId : q.unitId;
  return {
    ...taskScopeFor(actor),
    ...(q.planId === undefined ? {} : { planId: q.planId }),
    ...(unitId === undefined ? {} : { unitId }),
  };
}

/** One task of a scope with its light today. */
interface LitTask {
  t: TaskLightData["tasks"][number];
  light: LightResult;
}

/** Every task of the scope with its light on `today`, from narrow rows (set-based, three queries in one). */
async function lightsOf(deps: ServiceDeps, scope: TaskScope, today: string): Promise<LitTask[]> {
  const since = new Date(startOfChinaDay(today).getTime() - RECENT_DAYS * 86_400_000);
  const data = await taskRepo.lightData(deps.handle.db, scope, since, today);
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
  return data.tasks.map((t) => {
    const task: LightTask = {
      id: t.id,
      state: t.state,
      deadline: t.deadline,
      assignedAt: t.assigned_on,
      frequency: t.frequency,
      leadUnit: t.lead_unit ?? "",
      acceptBy: acceptByOf(t),
      milestones: (milestonesByTask.get(t.id) ?? []).map((m) => ({
        title: m.title,
        dueDate: m.due_on,
        reachedOn: m.reached_on,
      })),
    };
    return { t, light: lightOf(task, today, reportsByTask.get(t.id) ?? []) };
  });
}

/** The lit tasks of one list scope, and those tasks in each order the list was asked for so far. */
interface LitScope {
  all: LitTask[];
  ordered: Map<LedgerSort, LitTask[]>;
}

/** The scope's tasks in the list's `sort` order, sorted once per order and kept with the lights. */
function inOrder(lit: LitScope, sort: LedgerSort): LitTask[] {
  let rows = lit.ordered.get(sort);
  if (rows === undefined) {
    rows = sortLedgerRows(lit.all, sort);
    lit.ordered.set(sort, rows);
  }
  return rows;
}

/**
 * The lights of the actor's list scope today, kept while the ledger does not change (light-cache.ts):
 * the key is the scope the actor's own role and jurisdiction give, with the list's narrowing filters.
 */
function cachedLights(deps: ServiceDeps, scope: TaskScope, today: string): Promise<LitScope> {
  const key = JSON.stringify([
    scopeKey(scope.scope),
    scope.reach,
    scope.unitId ?? null,
    scope.planId ?? null,
    today,
  ]);
  return byLedgerVersion(deps.handle.db, key, async () => ({
    all: await lightsOf(deps, scope, today),
    ordered: new Map(),
  }));
}

/** 台账: tasks in scope with computed lights, filtered, sorted and paged. */
export async function listTasks(deps: ServiceDeps, actor: Actor, q: TaskListQuery): Promise<TaskList> {
  authorize(actor, "task.read");
  const { db } = deps.handle;
  const scope = listScope(actor, q);
  const today = chinaDate(deps.now());
  const filters: LedgerFilters = {
    state: q.state,
    light: q.light,
    deadlineBefore: q.deadlineBefore,
    text: q.q,
  };
  // sorted once per order while the ledger stands still; a request only filters (stable: same list)
  const ordered = inOrder(await cachedLights(deps, scope, today), q.sort);
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== "");
  const rows = filtered ? filterLedgerRows(ordered, filters) : ordered;
  const page = rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const bundle =
    page.length === 0
      ? EMPTY_BUNDLE
      : await taskRepo.loadBundle(db, { ...scope, taskIds: page.map((x) => x.t.id) });
  const full = new Map(bundle.tasks.map((row) => [row.id, row]));
  const escalations = groupBy(
    await escalationRepo.forTasks(
      db,
      page.map((x) => x.t.id),
    ),
    (e) => e.task_id,
  );
  const items = page.flatMap(({ t, light }) => {
    const row = full.get(t.id);
    const escalation = highestEscalation((escalations.get(t.id) ?? []).map((e) => e.level));
    return row === undefined ? [] : [{ row, task: toLedgerTask(row, bundle), light, escalation }];
  });
  return { total: rows.length, items, bundle };
}

/** The units of one listed task, lead first, with their names. */
export function unitsOf(bundle: TaskBundle, taskId: string): TaskBundle["units"] {
  return bundleIndex(bundle).units.get(taskId) ?? [];
}
