/**
 * 报送义务 (report obligations): every (task, unit, period) report owed, with what came in. The
 * monthly bulletin, the 月调度 board and the year scoreboard all count from these.
 */
import { chinaDate, endOfChinaDay } from "@luoshi/common";
import { addDays, isIsoDate, minDate, type IsoDate } from "./dates.ts";
import {
  reportingPeriods,
  reportTimeliness,
  type PeriodOptions,
  type ReportingPeriod,
  type ReportTimeliness,
} from "./periods.ts";
import type { LedgerTask, LedgerUnit, ProgressReport, TaskState } from "./types.ts";

/** 单位角色: 牵头 or 协办. */
export type UnitRole = "lead" | "co";

/** One report owed by one unit for one period of one task, and its 报送情况 as of a day. */
export interface ReportObligation {
  taskId: string;
  unitId: string;
  role: UnitRole;
  period: string;
  dueDate: IsoDate;
  submittedAt: Date | null;
  status: ReportTimeliness;
}

/**
 * A task's state as it stood on `asOf`, as far as the row tells: a task closed after `asOf` was still
 * 办理中 then. (The row keeps no full history; other states are taken as they are now.)
 */
export function stateAsOf(task: Pick<LedgerTask, "state" | "closedAt">, asOf: IsoDate): TaskState {
  if (task.state === "closed" && (task.closedAt === null || chinaDate(task.closedAt) > asOf)) {
    return task.closedAt === null ? "closed" : "inProgress";
  }
  return task.state;
}

/** The day a task was closed (China time), or null when it was not closed by `asOf`. */
export function closedOn(task: Pick<LedgerTask, "state" | "closedAt">, asOf: IsoDate): IsoDate | null {
  if (task.state !== "closed" || task.closedAt === null) {
    return null;
  }
  const day = chinaDate(task.closedAt);
  return day <= asOf ? day : null;
}

/** True when a task had been 交办 by `asOf` (待交办 tasks are not yet supervised). */
export function isSupervised(task: Pick<LedgerTask, "state" | "assignedAt">, asOf: IsoDate): boolean {
  return task.state !== "pending" && task.assignedAt !== null && task.assignedAt <= asOf;
}

const dueCache = new Map<string, ReportingPeriod[]>();

/**
 * A task's periods due from `from` to `to`. Periods are consecutive and each falls due within itself, so
 * the walk may start at `from` and stop the day after `to` (a period cut short there is due after `to`);
 * tasks sharing those bounds share the walk.
 */
function periodsDue(
  frequency: LedgerTask["frequency"],
  assignedAt: IsoDate,
  deadline: IsoDate,
  from: IsoDate,
  to: IsoDate,
  options: Partial<PeriodOptions>,
): ReportingPeriod[] {
  const start = frequency !== "once" && from > assignedAt && isIsoDate(assignedAt) ? from : assignedAt;
  const end = frequency === "once" ? deadline : minDate(deadline, addDays(to, 1));
  const key = [
    frequency,
    start,
    end,
    from,
    to,
    options.monthlyDueDay,
    options.quarterlyDueDay,
    options.weeklyDueWeekday,
  ].join("|");
  let periods = dueCache.get(key);
  if (periods === undefined) {
    periods = reportingPeriods(frequency, start, end, options).filter(
      (p) => p.dueDate >= from && p.dueDate <= to,
    );
    if (dueCache.size >= 10_000) {
      dueCache.clear();
    }
    dueCache.set(key, periods);
  }
  return periods;
}

/**
 * 报送义务: reports due from `from` to `to` (inclusive), judged on `asOf`. Each unit (牵头 first, then
 * 协办 in order) owes one per period; its earliest report for the period, sent by `asOf`, counts.
 * Suspended tasks owe nothing; a closed task owes nothing due after its closing day.
 */
export function reportObligations(
  tasks: readonly LedgerTask[],
  reports: readonly ProgressReport[],
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
  options: Partial<PeriodOptions> = {},
): ReportObligation[] {
  const firstReport = new Map<string, Date>();
  const cutoff = endOfChinaDay(asOf);
  for (const r of reports) {
    if (!(r.submittedAt.getTime() < cutoff)) {
      continue;
    }
    const key = `${r.taskId}\u0000${r.unitId}\u0000${r.period}`;
    const seen = firstReport.get(key);
    if (seen === undefined || r.submittedAt < seen) {
      firstReport.set(key, r.submittedAt);
    }
  }
  const out: ReportObligation[] = [];
  for (const task of tasks) {
    if (task.assignedAt === null || !isSupervised(task, asOf) || stateAsOf(task, asOf) === "suspended") {
      continue;
    }
    const closed = closedOn(task, asOf);
    const periods = periodsDue(task.frequency, task.assignedAt, task.deadline, from, to, options).filter(
      (p) => closed === null || p.dueDate <= closed,
    );
    const units: [string, UnitRole][] = [
      [task.leadUnit, "lead"],
      ...task.coUnits.map((u): [string, UnitRole] => [u, "co"]),
    ];
    for (const p of periods) {
      for (const [unitId, role] of units) {
        const submittedAt = firstReport.get(`${task.id}\u0000${unitId}\u0000${p.key}`) ?? null;
        out.push({
          taskId: task.id,
          unitId,
          role,
          period: p.key,
          dueDate: p.dueDate,
          submittedAt,
          status: reportTimeliness(p.dueDate, submittedAt, asOf),
        });
      }
    }
  }
  return out;
}

/** Counts of obligations by status; `received` = on time + late. */
export interface ReportCounts {
  due: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
}

/** Tally obligations by status. */
export function countReports(obligations: readonly ReportObligation[]): ReportCounts {
  const c: ReportCounts = { due: 0, received: 0, onTime: 0, late: 0, missing: 0, notDue: 0 };
  for (const o of obligations) {
    c.due += 1;
    c[o.status] += 1;
    if (o.status === "onTime" || o.status === "late") {
      c.received += 1;
    }
  }
  return c;
}

/**
 * 报送及时率: on-time reports over reports whose due day has passed (not-yet-due ones are left out);
 * null when none was due.
 */
export function punctuality(counts: ReportCounts): number | null {
  const settled = counts.due - counts.notDue;
  return settled === 0 ? null : counts.onTime / settled;
}

/**
 * Look units up by id; an id missing from the list shows as itself, so a report never loses a row.
 */
export function unitLookup(units: readonly LedgerUnit[]): (id: string) => LedgerUnit {
  const byId = new Map(units.map((u) => [u.id, u]));
  return (id) => byId.get(id) ?? { id, name: id };
}

/** The unit ids of tasks in the order of `units`, then any unknown ids in first-seen order. */
export function orderedUnitIds(units: readonly LedgerUnit[], tasks: readonly LedgerTask[]): string[] {
  const used = new Set<string>();
  for (const t of tasks) {
    used.add(t.leadUnit);
    t.coUnits.forEach((u) => used.add(u));
  }
  const known = units.map((u) => u.id).filter((id) => used.has(id));
  const rest = [...used].filter((id) => !units.some((u) => u.id === id));
  return [...known, ...rest];
}

/**
 * 单位任务统计, the one rule the 月通报's 各单位落实情况 and the 年度考核 share (docs/supervision.md):
 * a unit's tasks are those it leads or helps with that were 交办 by `asOf`, whatever their deadline;
 * `closed` counts those 销号 by `asOf` (`closedOnTime` by their deadline), `overdue` those still open
 * (not 中止) past their deadline on `asOf`.
 */
export interface UnitTaskTally {
  tasks: number;
  leadTasks: number;
  closed: number;
  closedOnTime: number;
  overdue: number;
}

/** {@link UnitTaskTally} of one unit over supervised tasks (`scope`), on `asOf`. */
export function unitTaskTally(scope: readonly LedgerTask[], unitId: string, asOf: IsoDate): UnitTaskTally {
  const tally: UnitTaskTally = { tasks: 0, leadTasks: 0, closed: 0, closedOnTime: 0, overdue: 0 };
  for (const t of scope) {
    if (t.leadUnit !== unitId && !t.coUnits.includes(unitId)) {
      continue;
    }
    tally.tasks += 1;
    tally.leadTasks += t.leadUnit === unitId ? 1 : 0;
    const day = closedOn(t, asOf);
    const state = stateAsOf(t, asOf);
    if (day !== null) {
      tally.closed += 1;
      tally.closedOnTime += day <= t.deadline ? 1 : 0;
    } else if (state !== "closed" && state !== "suspended" && t.deadline < asOf) {
      tally.overdue += 1;
    }
  }
  return tally;
}
