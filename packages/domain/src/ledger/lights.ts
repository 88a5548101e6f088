/**
 * 红黄蓝绿灰 (lights): a task's status light, computed from the data on a given day and never stored.
 * Precedence: 灰 closed or suspended; 红 past the deadline; 黄 behind its 序时进度 or the current
 * period's report missing; 蓝 deadline within 7 days; 绿 on track.
 */
import { endOfChinaDay, type LIGHTS } from "@luoshi/common";
import { addDays, daysBetween, isIsoDate, minDate, type IsoDate } from "./dates.ts";
import { periodLabel, reportingPeriods, type PeriodOptions, type ReportingPeriod } from "./periods.ts";
import type { LedgerTask, ProgressReport } from "./types.ts";

/** 灯: the five lights. */
export type Light = (typeof LIGHTS)[number];

/** Chinese names of the lights. */
export const LIGHT_LABELS: Record<Light, string> = {
  red: "红灯",
  yellow: "黄灯",
  blue: "蓝灯",
  green: "绿灯",
  grey: "灰灯",
};

/** A light with a stable `code` (for programs) and a Chinese `reason` (for people). */
export interface LightResult {
  light: Light;
  code:
    | "closed"
    | "suspended"
    | "overdue"
    | "accept-overdue"
    | "milestone-behind"
    | "progress-behind"
    | "report-missing"
    | "due-soon"
    | "on-track";
  reason: string;
}

/** Tuning of `lightOf`; the period options decide when reports fall due. */
export interface LightOptions extends Partial<PeriodOptions> {
  /** 蓝灯 when the deadline is this many days away or fewer (default 7). */
  warningDays: number;
  /** Percentage points a reported progress may trail the linear expectation before 黄灯 (default 10). */
  progressTolerance: number;
}

/** The fields of a task the light reads. */
export type LightTask = Pick<
  LedgerTask,
  "id" | "state" | "deadline" | "assignedAt" | "milestones" | "frequency" | "leadUnit" | "acceptBy"
>;

const passedCache = new Map<string, ReportingPeriod | undefined>();

/** The latest period due before `today` of the walk from `start` to `end` (memoised: lists share walks). */
function lastPassed(
  frequency: LightTask["frequency"],
  start: IsoDate,
  end: IsoDate,
  today: IsoDate,
  options: Partial<PeriodOptions>,
  minCount: number,
): ReportingPeriod | undefined {
  const key = [
    frequency,
    start,
    end,
    today,
    minCount,
    options.monthlyDueDay,
    options.quarterlyDueDay,
    options.weeklyDueWeekday,
  ].join("|");
  if (passedCache.has(key)) {
    return passedCache.get(key);
  }
  const passed = reportingPeriods(frequency, start, end, options).filter((p) => p.dueDate < today);
  const result = passed.length >= minCount ? passed.at(-1) : undefined;
  if (passedCache.size >= 10_000) {
    passedCache.clear();
  }
  passedCache.set(key, result);
  return result;
}

/**
 * The latest reporting period due before `today`, walking only the last year or so: periods are
 * consecutive, so from the second period on a walk started later lists the same ones, and no period
 * ending after `today` can be passed. Falls back to the walk from the assignment when that does not hold.
 */
function latestPassedPeriod(
  frequency: LightTask["frequency"],
  assignedAt: IsoDate,
  deadline: IsoDate,
  today: IsoDate,
  options: Partial<PeriodOptions>,
): ReportingPeriod | undefined {
  const end = minDate(deadline, addDays(today, 1));
  const from = addDays(today, -400);
  if (frequency !== "once" && from > assignedAt && from <= end && isIsoDate(assignedAt)) {
    const recent = lastPassed(frequency, from, end, today, options, 2);
    if (recent !== undefined) {
      return recent;
    }
  }
  return lastPassed(frequency, assignedAt, end, today, options, 1);
}

/**
 * 亮灯: the light of a task on `today`. `reports` are progress reports (any task's; only this task's
 * lead-unit reports — the consolidated ones — sent by `today` are read, so a past day gives the light
 * as it was then).
 *
 * 黄灯 rules, in order: a task not 签收 after its 签收时限 (`acceptBy`); the latest milestone whose due day has passed is not reached by `today` (its
 * `reachedOn` is empty or later; due today is not yet behind); with no milestones, the latest reported percent trails the linear expectation
 * (elapsed share of assignment→deadline) by more than `progressTolerance` points — checked only once the
 * lead unit has reported, the missing-report rule covers silence; the report of the latest period whose
 * due day has passed is missing. 蓝灯: 0–7 days to the deadline (due today is blue, not red).
 */
export function lightOf(
  task: LightTask,
  today: IsoDate,
  reports: readonly ProgressReport[],
  options: Partial<LightOptions> = {},
): LightResult {
  const warningDays = options.warningDays ?? 7;
  const tolerance = options.progressTolerance ?? 10;
  if (task.state === "closed") {
    return { light: "grey", code: "closed", reason: "已销号" };
  }
  if (task.state === "suspended") {
    return { light: "grey", code: "suspended", reason: "已中止" };
  }
  const left = daysBetween(today, task.deadline);
  if (left < 0) {
    return { light: "red", code: "overdue", reason: `已逾期${String(-left)}天（截止${task.deadline}）` };
  }
  if (
    task.state === "assigned" &&
    task.acceptBy !== undefined &&
    task.acceptBy !== null &&
    task.acceptBy < today
  ) {
    return { light: "yellow", code: "accept-overdue", reason: `逾期未签收（应于${task.acceptBy}前签收）` };
  }
  const milestone = task.milestones
    .filter((m) => m.dueDate < today)
    .reduce<LightTask["milestones"][number] | undefined>(
      (latest, m) => (latest === undefined || m.dueDate >= latest.dueDate ? m : latest),
      undefined,
    );
  if (milestone !== undefined && (milestone.reachedOn === null || milestone.reachedOn > today)) {
    return {
      light: "yellow",
      code: "milestone-behind",
      reason: `未完成序时进度「${milestone.title}」（应于${milestone.dueDate}前完成）`,
    };
  }
  const cutoff = endOfChinaDay(today); // chinaDate(t) <= today ⇔ t < cutoff
  const own = reports
    .filter((r) => r.taskId === task.id && r.unitId === task.leadUnit && r.submittedAt.getTime() < cutoff)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const latest = own.at(-1);
  if (task.milestones.length === 0 && task.assignedAt !== null && latest !== undefined) {
    const span = daysBetween(task.assignedAt, task.deadline);
    if (span > 0) {
      const expected = Math.min(100, Math.max(0, (daysBetween(task.assignedAt, today) / span) * 100));
      if (latest.percent + tolerance < expected) {
        return {
          light: "yellow",
          code: "progress-behind",
          reason: `进度滞后：按时间应完成${String(Math.round(expected))}%，报送进度${String(latest.percent)}%`,
        };
      }
    }
  }
  if (task.assignedAt !== null) {
    const passed = latestPassedPeriod(task.frequency, task.assignedAt, task.deadline, today, options);
    if (passed !== undefined && !own.some((r) => r.period === passed.key)) {
      return {
        light: "yellow",
        code: "report-missing",
        reason: `${periodLabel(passed.key)}进展逾期未报（应于${passed.dueDate}前报送）`,
      };
    }
  }
  if (left <= warningDays) {
    return {
      light: "blue",
      code: "due-soon",
      reason: left === 0 ? "今天到期" : `距截止还有${String(left)}天`,
    };
  }
  return { light: "green", code: "on-track", reason: "按序时推进" };
}
