/**
 * 年度考核评分: a unit's score for a year under a configurable scheme — 基础分 less weighted deductions
 * for 迟报, 未报, 红灯 tasks, 逾期未办结 tasks and 约谈 — and its rank. The task figures come from
 * {@link unitScoreboard} (so from {@link unitTaskTally}, the 月通报's rule): the 逾期未办结 count is the
 * December bulletin's 逾期 column, weighted.
 */
import { closedOn, isSupervised, stateAsOf } from "./obligations.ts";
import type { UnitScore } from "./bulletin.ts";
import type { IsoDate } from "./dates.ts";
import type { LedgerTask } from "./types.ts";

/** Points taken off per item (per task: times the task's weight). */
export interface AssessmentDeductions {
  /** Per report sent after its due day (迟报). */
  lateReport: number;
  /** Per report due and not sent (未报). */
  missingReport: number;
  /** Per task that was red (past its deadline, not closed) on some day of the year. */
  redLight: number;
  /** Per task still open past its deadline on the 统计截止日 (逾期未办结), on top of `redLight`. */
  overdueOpen: number;
  /** Per 约谈/问责 record against the unit in the year. */
  interview: number;
}

/** 考核方案: 基础分, the weight of a task (default 1, per-task overrides by task id) and deductions. */
export interface AssessmentScheme {
  base: number;
  defaultWeight: number;
  taskWeights: Record<string, number>;
  deductions: AssessmentDeductions;
}

/** The scheme a bureau starts from (its settings may change every figure). */
export const DEFAULT_ASSESSMENT_SCHEME: AssessmentScheme = {
  base: 100,
  defaultWeight: 1,
  taskWeights: {},
  deductions: { lateReport: 0.5, missingReport: 1, redLight: 2, overdueOpen: 3, interview: 5 },
};

/** A 约谈/问责 record against a unit on a day. */
export interface InterviewRecord {
  unitId: string;
  day: IsoDate;
}

/** The counts a unit is marked down for; task counts are weighted sums. */
export interface AssessmentCounts {
  lateReports: number;
  missingReports: number;
  redTasks: number;
  overdueOpen: number;
  interviews: number;
}

/** One unit's 年度考核: its scoreboard row, the counts, the points off per item, score and rank. */
export interface UnitAssessment {
  row: UnitScore;
  counts: AssessmentCounts;
  deductions: AssessmentCounts;
  score: number;
  rank: number;
}

/** True when the task was past its deadline and not closed on some day from `from` to `asOf`. */
function wasRedWithin(t: LedgerTask, from: IsoDate, asOf: IsoDate): boolean {
  if (t.deadline >= asOf) {
    return false;
  }
  const closed = closedOn(t, asOf);
  if (closed !== null) {
    return closed > t.deadline && closed > from;
  }
  return stateAsOf(t, asOf) !== "suspended";
}

/** 逾期未办结 on `asOf`: the {@link unitTaskTally} rule for `overdue`. */
function isOverdueOpen(t: LedgerTask, asOf: IsoDate): boolean {
  const state = stateAsOf(t, asOf);
  return closedOn(t, asOf) === null && state !== "closed" && state !== "suspended" && t.deadline < asOf;
}

/**
 * 年度考核: each unit's score = 基础分 − Σ deductions (not below 0), ranked by score (equal scores share
 * a place, 1, 1, 3; ties keep the scoreboard's order). `rows` are the year's {@link unitScoreboard};
 * `tasks` the same tasks it was computed from; `interviews` the year's 约谈 records.
 */
export function assessUnits(
  rows: readonly UnitScore[],
  tasks: readonly LedgerTask[],
  interviews: readonly InterviewRecord[],
  year: number,
  asOf: IsoDate,
  scheme: AssessmentScheme = DEFAULT_ASSESSMENT_SCHEME,
): UnitAssessment[] {
  const yearStart = `${String(year)}-01-01`;
  const scope = tasks.filter((t) => isSupervised(t, asOf));
  const weight = (t: LedgerTask) => scheme.taskWeights[t.id] ?? scheme.defaultWeight;
  const d = scheme.deductions;
  const assessed = rows.map((row): Omit<UnitAssessment, "rank"> => {
    const mine = scope.filter((t) => t.leadUnit === row.unit.id || t.coUnits.includes(row.unit.id));
    const counts: AssessmentCounts = {
      lateReports: row.lateReports,
      missingReports: row.missingReports,
      redTasks: mine.filter((t) => wasRedWithin(t, yearStart, asOf)).reduce((s, t) => s + weight(t), 0),
      overdueOpen: mine.filter((t) => isOverdueOpen(t, asOf)).reduce((s, t) => s + weight(t), 0),
      interviews: interviews.filter((i) => i.unitId === row.unit.id && i.day >= yearStart && i.day <= asOf)
        .length,
    };
    const deductions: AssessmentCounts = {
      lateReports: counts.lateReports * d.lateReport,
      missingReports: counts.missingReports * d.missingReport,
      redTasks: counts.redTasks * d.redLight,
      overdueOpen: counts.overdueOpen * d.overdueOpen,
      interviews: counts.interviews * d.interview,
    };
    const off =
      deductions.lateReports +
      deductions.missingReports +
      deductions.redTasks +
      deductions.overdueOpen +
      deductions.interviews;
    return { row, counts, deductions, score: Math.max(0, scheme.base - off) };
  });
  const order = assessed.map((a, i) => ({ a, i })).sort((x, y) => y.a.score - x.a.score || x.i - y.i);
  const out: UnitAssessment[] = [];
  order.forEach(({ a }, i) => {
    const prev = out[i - 1];
    out.push({ ...a, rank: prev !== undefined && prev.score === a.score ? prev.rank : i + 1 });
  });
  return out;
}
