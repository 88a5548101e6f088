/**
 * 督办升级 (escalation by light): what the 督查室 issues for a task on a day. 黄灯 → 催办 (a 催办单 and
 * a reminder to the lead unit, once a month); 红灯 → 督办通知 (once per deadline); still overdue
 * `interviewAfterWorkingDays` working days after the deadline (the official calendar: 法定节假日 off,
 * 调休 weekends on; @luoshi/common `addWorkingDays`) → 约谈/问责 record
 * (once per deadline). Pure: the caller stores the steps and skips those already stored by `key`.
 */
import { addWorkingDays as addOfficialWorkingDays } from "@luoshi/common";
import { addDays, type IsoDate } from "./dates.ts";
import type { LightResult } from "./lights.ts";
import type { LedgerTask } from "./types.ts";

/** 催办, 督办通知, 约谈/问责. */
export type EscalationLevel = "urge" | "notice" | "interview";

/** Chinese names of the escalation levels. */
export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  urge: "催办",
  notice: "督办通知",
  interview: "约谈/问责",
};

/** One step to take: its level, the key that makes it once only, the reason and the day it fell due. */
export interface EscalationStep {
  level: EscalationLevel;
  key: string;
  reason: string;
  dueDay: IsoDate;
}

/** Tuning of {@link escalationSteps}. */
export interface EscalationOptions {
  /** Working days after the deadline an open task may stay overdue before 约谈 (default 5). */
  interviewAfterWorkingDays: number;
}

/** The day `n` working days after `day`, on the official calendar (holidays off, 调休 weekends on). */
export function addWorkingDays(day: IsoDate, n: number): IsoDate {
  return addOfficialWorkingDays(day, n);
}

/**
 * The escalation steps a task has earned on `today` given its light then. A red task earns the 督办通知
 * and, from the `interviewAfterWorkingDays`-th working day after its deadline, the 约谈 as well; a
 * yellow one earns the month's 催办. Other lights earn nothing.
 */
export function escalationSteps(
  task: Pick<LedgerTask, "id" | "deadline">,
  light: LightResult,
  today: IsoDate,
  options: Partial<EscalationOptions> = {},
): EscalationStep[] {
  const after = options.interviewAfterWorkingDays ?? 5;
  if (light.light === "yellow") {
    return [
      { level: "urge", key: `urge:${task.id}:${today.slice(0, 7)}`, reason: light.reason, dueDay: today },
    ];
  }
  if (light.light !== "red") {
    return [];
  }
  const steps: EscalationStep[] = [
    {
      level: "notice",
      key: `notice:${task.id}:${task.deadline}`,
      reason: light.reason,
      dueDay: addDays(task.deadline, 1),
    },
  ];
  const interviewDay = addWorkingDays(task.deadline, after);
  if (today >= interviewDay) {
    steps.push({
      level: "interview",
      key: `interview:${task.id}:${task.deadline}`,
      reason: `逾期${String(after)}个工作日仍未办结（截止${task.deadline}）`,
      dueDay: interviewDay,
    });
  }
  return steps;
}
