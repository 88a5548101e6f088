/**
 * 控辍 risk rules on daily attendance and 学籍 movements: pure functions of a pupil's absences (or a
 * movement), the day, the rule parameters and the school calendar. Each flag carries what met the rule
 * (the days, the counts, the thresholds and the rule version), so that anyone reading it sees why.
 *
 * The thresholds are parameters, set per area and versioned (docs/attendance.md gives their sources):
 * - 连续无故缺勤: the absence ladder many counties publish — unexplained absence is chased the same day,
 *   and **3 school days** in a row is reported to the county as suspected 辍学 (local rule);
 * - 当月累计无故缺勤: **5 school days** in a calendar month (local rule, the same ladder's monthly form);
 * - 转出未转入: a 转出 with no receiving school after **10 working days** (the transfer clock: each party
 *   completes its step within 10 working days, 江西 2014, provincial);
 * - 留守 + 出勤下降: a 留守 pupil whose attendance over the last 20 school days is below **88 %** (Ed-Fi's
 *   early-warning band) and at least 5 points below the 20 school days before.
 */
import { addWorkingDays, isWorkingDay, type WorkingCalendar } from "@luoshi/common";
import { isUnexplained, type AbsenceReason } from "./reasons.ts";

export const RISK_RULES = [
  "unexplained-consecutive",
  "unexplained-month",
  "transfer-unreceived",
  "left-behind-falling",
] as const;
export type RiskRule = (typeof RISK_RULES)[number];

/** The rules' thresholds (one version of them). */
export interface RuleParams {
  /** Consecutive school days of 旷课/不明 that raise a flag. */
  consecutiveDays: number;
  /** School days of 旷课/不明 in one calendar month that raise a flag. */
  monthDays: number;
  /** Working days after a 转出 with no 转入 before it is flagged. */
  transferDays: number;
  /** School days in each of the two windows the 留守 rule compares. */
  windowDays: number;
  /** Attendance rate (0–1) below which a 留守 pupil's falling attendance is flagged. */
  rateBelow: number;
  /** The fall (0–1) from the earlier window to the last that counts as falling. */
  dropAtLeast: number;
  /** The time of day (China time, HH:MM) by which schools report; later, a school is chased. */
  cutoff: string;
}

/** A versioned set of parameters: every flag names the version that raised it. */
export interface RuleSet {
  version: number;
  params: RuleParams;
}

export const DEFAULT_RULE_PARAMS: RuleParams = {
  consecutiveDays: 3,
  monthDays: 5,
  transferDays: 10,
  windowDays: 20,
  rateBelow: 0.88,
  dropAtLeast: 0.05,
  cutoff: "10:00",
};

/** The built-in rule set (version 1), used until an area saves its own. */
export const DEFAULT_RULE_SET: RuleSet = { version: 1, params: DEFAULT_RULE_PARAMS };

/** Checks a rule set's parameters; the messages are the ones shown to the bureau. */
export function ruleParamProblems(p: RuleParams): string[] {
  const problems: string[] = [];
  const whole = (v: number, min: number, max: number, label: string) => {
    if (!Number.isInteger(v) || v < min || v > max) {
      problems.push(`${label}应为 ${String(min)}–${String(max)} 之间的整数`);
    }
  };
  whole(p.consecutiveDays, 1, 30, "连续无故缺勤天数");
  whole(p.monthDays, 1, 31, "当月累计无故缺勤天数");
  whole(p.transferDays, 1, 60, "转出未转入的工作日数");
  whole(p.windowDays, 5, 60, "出勤率比较的上学日数");
  if (!(p.rateBelow > 0 && p.rateBelow < 1)) {
    problems.push("出勤率预警线应在 0 与 1 之间");
  }
  if (!(p.dropAtLeast > 0 && p.dropAtLeast < 1)) {
    problems.push("出勤率下降幅度应在 0 与 1 之间");
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(p.cutoff)) {
    problems.push("报送截止时间应写成 时:分（如 10:00）");
  }
  return problems;
}

/** One absence of a pupil. */
export interface Absence {
  day: string;
  reason: AbsenceReason;
}

/** What a rule found: the rule, its version, and the evidence — days and counts, never a name. */
export interface FlagFinding {
  rule: RiskRule;
  version: number;
  explanation: FlagExplanation;
}

export type FlagExplanation =
  | { rule: "unexplained-consecutive"; days: string[]; threshold: number }
  | { rule: "unexplained-month"; month: string; days: string[]; threshold: number }
  | { rule: "transfer-unreceived"; transferOutOn: string; deadline: string; workingDays: number }
  | {
      rule: "left-behind-falling";
      rate: number;
      previousRate: number;
      windowDays: number;
      rateBelow: number;
      dropAtLeast: number;
    };

const DAY_MS = 86_400_000;
const shift = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The `n` school days ending with `day` (included when it is one), latest first. */
export function schoolDaysBack(day: string, n: number, calendar: WorkingCalendar): string[] {
  const out: string[] = [];
  let d = day;
  // a school year has long holidays: never look back more than a year
  for (let guard = 0; out.length < n && guard < 366; guard++) {
    if (isWorkingDay(d, calendar)) {
      out.push(d);
    }
    d = shift(d, -1);
  }
  return out;
}

/** The first day the 留守 rule needs absences from, looking back from `day`. */
export function lookbackStart(day: string, params: RuleParams, calendar: WorkingCalendar): string {
  const back = schoolDaysBack(day, params.windowDays * 2, calendar);
  const first = back.at(-1) ?? day;
  const monthStart = `${day.slice(0, 7)}-01`;
  return first < monthStart ? first : monthStart;
}

/**
 * The school days the absence rules look back over from `day`, worked out once for every pupil of a
 * day's run (a province-day evaluates some 100,000 pupils against the same calendar).
 */
export interface AbsenceRuleDays {
  day: string;
  /** The school days ending with `day`, latest first, as many as the longest rule needs. */
  back: readonly string[];
  /** The same days as a set, for the membership test of each absence. */
  schoolDays: ReadonlySet<string>;
}

/** The {@link AbsenceRuleDays} of `day` under `rules` and `calendar`. */
export function absenceRuleDays(day: string, rules: RuleSet, calendar: WorkingCalendar): AbsenceRuleDays {
  const n = Math.max(rules.params.consecutiveDays, rules.params.windowDays * 2);
  const back = schoolDaysBack(day, n, calendar);
  return { day, back, schoolDays: new Set(back) };
}

/**
 * The attendance rules on one pupil as of `day` (normally a day the pupil was absent): every rule met.
 * `absences` are the pupil's absences up to `day`, in any order; those on days that are not school days
 * are ignored. `days` (from {@link absenceRuleDays} for the same day, rules and calendar) saves working
 * out the calendar again for each pupil; the findings are the same with or without it.
 */
export function evaluateAbsences(
  pupil: { leftBehind: boolean; absences: readonly Absence[] },
  day: string,
  rules: RuleSet,
  calendar: WorkingCalendar,
  days: AbsenceRuleDays = absenceRuleDays(day, rules, calendar),
): FlagFinding[] {
  const { params, version } = rules;
  const oldest = days.back.at(-1) ?? day;
  const isSchoolDay = (d: string) =>
    d >= oldest && days.day === day ? days.schoolDays.has(d) : isWorkingDay(d, calendar);
  const byDay = new Map<string, AbsenceReason>();
  for (const a of pupil.absences) {
    if (a.day <= day && isSchoolDay(a.day)) {
      byDay.set(a.day, a.reason);
    }
  }
  const unexplained = (d: string) => {
    const r = byDay.get(d);
    return r !== undefined && isUnexplained(r);
  };
  const found: FlagFinding[] = [];

  const run: string[] = [];
  const back = (n: number) =>
    days.day === day && days.back.length >= n ? days.back.slice(0, n) : schoolDaysBack(day, n, calendar);
  for (const d of back(params.consecutiveDays)) {
    if (!unexplained(d)) {
      break;
    }
    run.push(d);
  }
  if (run.length >= params.consecutiveDays) {
    found.push({
      rule: "unexplained-consecutive",
      version,
      explanation: {
        rule: "unexplained-consecutive",
        days: run.reverse(),
        threshold: params.consecutiveDays,
      },
    });
  }

  const month = day.slice(0, 7);
  const inMonth = [...byDay.keys()].filter((d) => d.startsWith(month) && unexplained(d)).sort();
  if (inMonth.length >= params.monthDays) {
    found.push({
      rule: "unexplained-month",
      version,
      explanation: { rule: "unexplained-month", month, days: inMonth, threshold: params.monthDays },
    });
  }

  if (pupil.leftBehind) {
    const windows = back(params.windowDays * 2);
    if (windows.length === params.windowDays * 2) {
      const rate = (window: readonly string[]) =>
        1 - window.filter((d) => byDay.has(d)).length / Math.max(1, window.length);
      const last = rate(windows.slice(0, params.windowDays));
      const before = rate(windows.slice(params.windowDays));
      // compare in whole hundredths so that 0.85 − 0.80 counts as a 5-point fall
      const drop = Math.round((before - last) * 1e6) / 1e6;
      if (last < params.rateBelow && drop >= params.dropAtLeast) {
        found.push({
          rule: "left-behind-falling",
          version,
          explanation: {
            rule: "left-behind-falling",
            rate: last,
            previousRate: before,
            windowDays: params.windowDays,
            rateBelow: params.rateBelow,
            dropAtLeast: params.dropAtLeast,
          },
        });
      }
    }
  }
  return found;
}

/**
 * The transfer rule: a 转出 (pending: no receiving school known) on `transferOutOn`, with no 转入 of the
 * pupil since, is flagged once `day` is past the deadline of `transferDays` working days.
 */
export function evaluateTransfer(
  movement: { transferOutOn: string; transferredInSince: boolean },
  day: string,
  rules: RuleSet,
  calendar: WorkingCalendar,
): FlagFinding | null {
  if (movement.transferredInSince) {
    return null;
  }
  const deadline = addWorkingDays(movement.transferOutOn, rules.params.transferDays, calendar);
  if (day <= deadline) {
    return null;
  }
  return {
    rule: "transfer-unreceived",
    version: rules.version,
    explanation: {
      rule: "transfer-unreceived",
      transferOutOn: movement.transferOutOn,
      deadline,
      workingDays: rules.params.transferDays,
    },
  };
}
