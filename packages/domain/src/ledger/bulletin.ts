/**
 * 月通报 (monthly bulletin), 月调度 (dispatch board) and 年度绩效 (unit scoreboard): the ledger's
 * numbers for a month or a year, from plain rows. Rates are fractions 0–1, unrounded (rounding belongs
 * to presentation), and null when nothing was due.
 */
import { chinaDate, endOfChinaDay } from "@luoshi/common";
import { daysBetween, isoDate, minDate, monthBounds, type IsoDate } from "./dates.ts";
import { lightOf, type LightOptions, type LightResult } from "./lights.ts";
import {
  closedOn,
  countReports,
  isSupervised,
  orderedUnitIds,
  punctuality,
  reportObligations,
  stateAsOf,
  unitLookup,
  type ReportCounts,
  type ReportObligation,
  type UnitRole,
  type UnitTaskTally,
  unitTaskTally,
} from "./obligations.ts";
import { periodLabel, type PeriodOptions, type ReportTimeliness } from "./periods.ts";
import type { Instruction, LedgerTask, LedgerUnit, ProgressReport } from "./types.ts";

/** Options of the month and year views: the day they are judged on, and light/period tuning. */
export interface LedgerViewOptions extends Partial<LightOptions>, Partial<PeriodOptions> {
  /**
   * 统计截止日: the day the figures stand on. Defaults to the month's (year's) last day; pass the
   * earlier of that and today for the running month, or reports due later count as missing.
   */
  asOf?: IsoDate;
}

/** 通报总体情况. `closed` is cumulative; `overdue` and the lights count open tasks on `asOf`. */
export interface BulletinSummary extends Omit<ReportCounts, "due" | "notDue"> {
  total: number;
  closed: number;
  closedThisMonth: number;
  inProgress: number;
  suspended: number;
  overdue: number;
  red: number;
  yellow: number;
  blue: number;
  green: number;
  /** Reports whose due day falls in the month (a report for a period due later is not among them). */
  dueReports: number;
  /** 本月收到: reports submitted within the month by `asOf`, whatever period they are for. */
  receivedInMonth: number;
}

/**
 * 各单位落实情况: tasks the unit leads or helps with, closed ones, 按期办结 (closed by the deadline),
 * overdue open ones, and its 报送及时率 for reports due in the month.
 */
export interface BulletinUnitRow {
  unit: LedgerUnit;
  tasks: number;
  leadTasks: number;
  onTime: number;
  overdue: number;
  closed: number;
  dueReports: number;
  onTimeReports: number;
  punctuality: number | null;
}

/** A task line of the bulletin's lists, with its units (牵头 first) and the reason shown. */
export interface BulletinTaskLine {
  taskId: string;
  title: string;
  units: string[];
  deadline: IsoDate;
  /** Days past the deadline: to `asOf` when still open, to the closing day when 逾期销号. */
  daysOverdue: number;
  isClosed: boolean;
  reason: string;
  /** The lead unit's latest progress text by `asOf`, if any. */
  latestProgress: string | null;
}

/** A task closed (销号) in the month: 按期 when closed by its deadline, else 逾期 by `daysOverdue`. */
export interface BulletinClosedLine {
  taskId: string;
  title: string;
  units: string[];
  deadline: IsoDate;
  closedOn: IsoDate;
  isOnTime: boolean;
  daysOverdue: number;
}

/** A 领导批示 of the month with its task's title. */
export interface BulletinInstruction {
  taskId: string;
  taskTitle: string;
  author: string;
  at: Date;
  date: IsoDate;
  text: string;
}

/** 月通报 of one month (`YYYY-MM`). */
export interface MonthlyBulletin {
  month: string;
  asOf: IsoDate;
  summary: BulletinSummary;
  perUnit: BulletinUnitRow[];
  /** 逾期任务: open past the deadline, and those closed late this month. Longest overdue first. */
  overdueList: BulletinTaskLine[];
  /** 红灯任务 (open and overdue on `asOf`). */
  redList: BulletinTaskLine[];
  /** 黄灯任务 (behind 序时进度 or report missing). */
  yellowList: BulletinTaskLine[];
  /** 本月销号任务, by closing day. */
  closedList: BulletinClosedLine[];
  instructions: BulletinInstruction[];
}

/** Each task's lead-unit report latest by `asOf`, as the bulletin shows it (one pass over the reports). */
function latestProgressByTask(
  tasks: readonly LedgerTask[],
  reports: readonly ProgressReport[],
  asOf: IsoDate,
): Map<string, string> {
  const leads = new Map(tasks.map((t) => [t.id, t.leadUnit]));
  const best = new Map<string, ProgressReport>();
  const cutoff = endOfChinaDay(asOf);
  for (const r of reports) {
    if (leads.get(r.taskId) !== r.unitId || !(r.submittedAt.getTime() < cutoff)) {
      continue;
    }
    const seen = best.get(r.taskId);
    if (seen === undefined || r.submittedAt > seen.submittedAt) {
      best.set(r.taskId, r);
    }
  }
  return new Map([...best].map(([id, r]) => [id, `${periodLabel(r.period)}：${r.text}`]));
}

/** Obligations grouped by unit, in their order. */
function groupByUnit(obligations: readonly ReportObligation[]): Map<string, ReportObligation[]> {
  const map = new Map<string, ReportObligation[]>();
  for (const o of obligations) {
    const list = map.get(o.unitId);
    if (list === undefined) {
      map.set(o.unitId, [o]);
    } else {
      list.push(o);
    }
  }
  return map;
}

/** Reports grouped by task, so that per-task rules read only their own. */
function reportsByTask(reports: readonly ProgressReport[]): Map<string, ProgressReport[]> {
  const map = new Map<string, ProgressReport[]>();
  for (const r of reports) {
    const list = map.get(r.taskId);
    if (list === undefined) {
      map.set(r.taskId, [r]);
    } else {
      list.push(r);
    }
  }
  return map;
}

/** A task closed on `closed`, as the bulletin's 本月销号 list shows it. */
function closedLine(t: LedgerTask, closed: IsoDate, unit: (id: string) => LedgerUnit): BulletinClosedLine {
  return {
    taskId: t.id,
    title: t.title,
    units: [t.leadUnit, ...t.coUnits].map((id) => unit(id).name),
    deadline: t.deadline,
    closedOn: closed,
    isOnTime: closed <= t.deadline,
    daysOverdue: closed > t.deadline ? daysBetween(t.deadline, closed) : 0,
  };
}

/** Reports on `tasks` submitted from `from` to `to` (China days, inclusive), whatever their period. */
function receivedWithin(
  tasks: readonly LedgerTask[],
  reports: readonly ProgressReport[],
  from: IsoDate,
  to: IsoDate,
): number {
  const ids = new Set(tasks.map((t) => t.id));
  return reports.filter((r) => {
    const day = chinaDate(r.submittedAt);
    return ids.has(r.taskId) && day >= from && day <= to;
  }).length;
}

/**
 * 月通报: the summary numbers, the per-unit table, the overdue / red / yellow lists with reasons and
 * the month's 领导批示. Tasks count once 交办 by `asOf`; reports count when due within the month.
 */
export function monthlyBulletin(
  tasks: readonly LedgerTask[],
  reports: readonly ProgressReport[],
  instructions: readonly Instruction[],
  month: string,
  units: readonly LedgerUnit[],
  options: LedgerViewOptions = {},
): MonthlyBulletin {
  const bounds = monthBounds(month);
  const asOf = options.asOf ?? bounds.end;
  const unit = unitLookup(units);
  const scope = tasks.filter((t) => isSupervised(t, asOf));
  const byTask = reportsByTask(reports);
  const lights = new Map<string, LightResult>(
    scope.map((t) => [
      t.id,
      lightOf({ ...t, state: stateAsOf(t, asOf) }, asOf, byTask.get(t.id) ?? [], options),
    ]),
  );
  const obligations = reportObligations(
    scope,
    reports,
    bounds.start,
    minDate(bounds.end, asOf),
    asOf,
    options,
  );
  const counts = countReports(obligations);
  const progress = latestProgressByTask(scope, reports, asOf);

  const line = (t: LedgerTask, daysOverdue: number, isClosed: boolean, reason: string): BulletinTaskLine => ({
    taskId: t.id,
    title: t.title,
    units: [t.leadUnit, ...t.coUnits].map((id) => unit(id).name),
    deadline: t.deadline,
    daysOverdue,
    isClosed,
    reason,
    latestProgress: progress.get(t.id) ?? null,
  });

  const summary: BulletinSummary = {
    total: scope.length,
    closed: 0,
    closedThisMonth: 0,
    inProgress: 0,
    suspended: 0,
    overdue: 0,
    red: 0,
    yellow: 0,
    blue: 0,
    green: 0,
    dueReports: counts.due - counts.notDue,
    receivedInMonth: receivedWithin(scope, reports, bounds.start, minDate(bounds.end, asOf)),
    received: counts.received,
    onTime: counts.onTime,
    late: counts.late,
    missing: counts.missing,
  };
  const overdueList: BulletinTaskLine[] = [];
  const redList: BulletinTaskLine[] = [];
  const yellowList: BulletinTaskLine[] = [];
  const closedList: BulletinClosedLine[] = [];
  for (const t of scope) {
    const light = lights.get(t.id);
    const closed = closedOn(t, asOf);
    const state = stateAsOf(t, asOf);
    if (closed !== null || state === "closed") {
      summary.closed += 1;
      if (closed !== null && closed >= bounds.start) {
        summary.closedThisMonth += 1;
        closedList.push(closedLine(t, closed, unit));
        if (closed > t.deadline) {
          const late = daysBetween(t.deadline, closed);
          overdueList.push(line(t, late, true, `逾期${String(late)}天销号（${closed}）`));
        }
      }
    } else if (state === "suspended") {
      summary.suspended += 1;
    } else {
      summary.inProgress += 1;
    }
    if (light === undefined) {
      continue;
    }
    if (light.light === "red") {
      summary.red += 1;
      summary.overdue += 1;
      const entry = line(t, daysBetween(t.deadline, asOf), false, light.reason);
      overdueList.push(entry);
      redList.push(entry);
    } else if (light.light === "yellow") {
      summary.yellow += 1;
      yellowList.push(line(t, 0, false, light.reason));
    } else if (light.light === "blue") {
      summary.blue += 1;
    } else if (light.light === "green") {
      summary.green += 1;
    }
  }
  const byDays = (a: BulletinTaskLine, b: BulletinTaskLine): number => b.daysOverdue - a.daysOverdue;
  overdueList.sort(byDays);
  redList.sort(byDays);
  closedList.sort((a, b) => a.closedOn.localeCompare(b.closedOn) || a.title.localeCompare(b.title));

  const obligationsByUnit = groupByUnit(obligations);
  const perUnit = orderedUnitIds(units, scope).map((id): BulletinUnitRow => {
    const c = countReports(obligationsByUnit.get(id) ?? []);
    const tally = unitTaskTally(scope, id, asOf);
    return {
      unit: unit(id),
      tasks: tally.tasks,
      leadTasks: tally.leadTasks,
      onTime: tally.closedOnTime,
      overdue: tally.overdue,
      closed: tally.closed,
      dueReports: c.due - c.notDue,
      onTimeReports: c.onTime,
      punctuality: punctuality(c),
    };
  });

  const titles = new Map(tasks.map((t) => [t.id, t.title]));
  const monthInstructions = instructions
    .map((i) => ({ i, date: chinaDate(i.at) }))
    .filter(({ date }) => date >= bounds.start && date <= minDate(bounds.end, asOf))
    .sort((a, b) => a.i.at.getTime() - b.i.at.getTime())
    .map(({ i, date }) => ({
      taskId: i.taskId,
      taskTitle: titles.get(i.taskId) ?? i.taskId,
      author: i.author,
      at: i.at,
      date,
      text: i.text,
    }));

  return {
    month,
    asOf,
    summary,
    perUnit,
    overdueList,
    redList,
    yellowList,
    closedList,
    instructions: monthInstructions,
  };
}

/** One line of the 月调度 board: one report owed by one unit for one period. */
export interface DispatchRow {
  taskId: string;
  taskTitle: string;
  unit: LedgerUnit;
  role: UnitRole;
  period: string;
  periodLabel: string;
  dueDate: IsoDate;
  submittedAt: Date | null;
  status: ReportTimeliness;
}

/** 月调度: the reports due in a month, task by task (牵头 first), with the totals. */
export interface DispatchBoard {
  month: string;
  asOf: IsoDate;
  rows: DispatchRow[];
  totals: ReportCounts;
}

/**
 * 月调度台账: for each task and unit, the reports due in `month` and whether they came (按时、迟报、
 * 未报, or 未到期 when the due day is after `asOf`).
 */
export function dispatchBoard(
  tasks: readonly LedgerTask[],
  reports: readonly ProgressReport[],
  month: string,
  units: readonly LedgerUnit[],
  options: LedgerViewOptions = {},
): DispatchBoard {
  const bounds = monthBounds(month);
  const asOf = options.asOf ?? bounds.end;
  const unit = unitLookup(units);
  const titles = new Map(tasks.map((t) => [t.id, t.title]));
  const obligations = reportObligations(tasks, reports, bounds.start, bounds.end, asOf, options);
  const rows = obligations.map((o): DispatchRow => ({
    taskId: o.taskId,
    taskTitle: titles.get(o.taskId) ?? o.taskId,
    unit: unit(o.unitId),
    role: o.role,
    period: o.period,
    periodLabel: periodLabel(o.period),
    dueDate: o.dueDate,
    submittedAt: o.submittedAt,
    status: o.status,
  }));
  return { month, asOf, rows, totals: countReports(obligations) };
}

/**
 * 年度绩效 of one unit on the year's 统计截止日 (`asOf`), by the rule the 月通报 uses
 * ({@link unitTaskTally}, so the year's scoreboard and its December bulletin agree): `tasks`,
 * `closed`, `closedOnTime`, `overdue` count the tasks it leads or helps with. Completion counts the
 * tasks it leads, whatever their deadline year: 应办结 = those due by `asOf` plus those already closed
 * early; 办结率 = closed / 应办结, 按期办结率 = closed by the deadline / 应办结. 报送及时率 covers every
 * report it owed (牵头 or 协办) due in the year.
 */
export interface UnitScore extends UnitTaskTally {
  unit: LedgerUnit;
  leadTasks: number;
  expected: number;
  completed: number;
  completedOnTime: number;
  completionRate: number | null;
  onTimeRate: number | null;
  dueReports: number;
  onTimeReports: number;
  lateReports: number;
  missingReports: number;
  punctuality: number | null;
}

/** 年度绩效考核: the units' scores for a year, in the order of `units`. */
export function unitScoreboard(
  tasks: readonly LedgerTask[],
  reports: readonly ProgressReport[],
  year: number,
  units: readonly LedgerUnit[],
  options: LedgerViewOptions = {},
): UnitScore[] {
  const start = isoDate(year, 1, 1);
  const end = isoDate(year, 12, 31);
  const asOf = options.asOf ?? end;
  const unit = unitLookup(units);
  const scope = tasks.filter((t) => isSupervised(t, asOf));
  const obligations = reportObligations(scope, reports, start, minDate(end, asOf), asOf, options);
  const obligationsByUnit = groupByUnit(obligations);
  return orderedUnitIds(units, scope).map((id): UnitScore => {
    const led = scope.filter((t) => t.leadUnit === id);
    const withClose = led.map((t) => ({ t, day: closedOn(t, asOf) }));
    const expected = withClose.filter(({ t, day }) => t.deadline <= asOf || day !== null);
    const completed = expected.filter(({ day }) => day !== null).length;
    const completedOnTime = expected.filter(({ t, day }) => day !== null && day <= t.deadline).length;
    const c = countReports(obligationsByUnit.get(id) ?? []);
    return {
      ...unitTaskTally(scope, id, asOf),
      unit: unit(id),
      leadTasks: led.length,
      expected: expected.length,
      completed,
      completedOnTime,
      completionRate: expected.length === 0 ? null : completed / expected.length,
      onTimeRate: expected.length === 0 ? null : completedOnTime / expected.length,
      dueReports: c.due - c.notDue,
      onTimeReports: c.onTime,
      lateReports: c.late,
      missingReports: c.missing,
      punctuality: punctuality(c),
    };
  });
}
