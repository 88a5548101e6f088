import { z } from "zod";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期应为 YYYY-MM-DD" });
const UnitId = z.uuid({ error: "单位编号格式不对" });
/** 病假, 事假, 旷课, 不明. */
export const AbsenceReason = z.enum(["sick", "personal", "truant", "unknown"], {
  error: "缺勤原因应为 病假、事假、旷课 或 不明",
});
const RiskRule = z.enum([
  "unexplained-consecutive",
  "unexplained-month",
  "transfer-unreceived",
  "left-behind-falling",
]);

/** GET /api/attendance/day — one day of the schools in scope (the latest reported day when absent). */
export const AttendanceDayQuery = z.strictObject({
  date: IsoDate.optional(),
  unitId: UnitId.optional(),
});
export type AttendanceDayQuery = z.infer<typeof AttendanceDayQuery>;

const ReasonCounts = z.object({
  sick: z.number().int(),
  personal: z.number().int(),
  truant: z.number().int(),
  unknown: z.number().int(),
});

/** A school's day as the bureau sees it. */
export const SchoolDay = z.object({
  unitId: z.uuid(),
  schoolCode: z.string(),
  schoolName: z.string(),
  township: z.string().nullable(),
  enrolled: z.number().int(),
  reported: z.boolean(),
  zeroReport: z.boolean(),
  expected: z.number().int(),
  present: z.number().int(),
  reportedAt: z.string().nullable(),
  absences: ReasonCounts,
});

/** A township's reporting: schools, how many reported, how many are missing. */
export const TownshipDay = z.object({
  township: z.string(),
  schools: z.number().int(),
  reported: z.number().int(),
  missing: z.number().int(),
});

export const AttendanceDay = z.object({
  date: z.string(),
  cutoff: z.string(),
  pastCutoff: z.boolean(),
  summary: z.object({
    schools: z.number().int(),
    reported: z.number().int(),
    zeroReports: z.number().int(),
    missing: z.number().int(),
    expected: z.number().int(),
    present: z.number().int(),
    absences: ReasonCounts,
  }),
  /** Townships ranked by schools missing, most first. */
  townships: z.array(TownshipDay),
  schools: z.array(SchoolDay),
});
export type AttendanceDay = z.infer<typeof AttendanceDay>;

/** GET /api/attendance/sheet — one school's pupils by class (masked) and its report of the day. */
export const AttendanceSheetQuery = z.strictObject({
  date: IsoDate.optional(),
  unitId: UnitId.optional(),
});
export type AttendanceSheetQuery = z.infer<typeof AttendanceSheetQuery>;

export const AttendanceSheet = z.object({
  date: z.string(),
  unitId: z.uuid(),
  schoolName: z.string(),
  reported: z.boolean(),
  zeroReport: z.boolean(),
  reportedAt: z.string().nullable(),
  classes: z.array(
    z.object({
      level: z.string(),
      grade: z.number().int(),
      gradeLabel: z.string(),
      className: z.string(),
      expected: z.number().int(),
      present: z.number().int(),
      pupils: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          leftBehind: z.boolean(),
          absence: AbsenceReason.nullable(),
        }),
      ),
    }),
  ),
});
export type AttendanceSheet = z.infer<typeof AttendanceSheet>;

/** POST /api/attendance/reports — a school's day: its absent pupils, or none (零报告). */
export const AttendanceReportBody = z.strictObject({
  unitId: UnitId.optional(),
  date: IsoDate,
  absences: z
    .array(z.strictObject({ studentId: z.uuid({ error: "学生编号格式不对" }), reason: AbsenceReason }))
    .max(10_000, { error: "一次最多报送 10000 名缺勤学生" }),
});
export type AttendanceReportBody = z.infer<typeof AttendanceReportBody>;

export const AttendanceReportResult = z.object({
  date: z.string(),
  schoolName: z.string(),
  zeroReport: z.boolean(),
  expected: z.number().int(),
  present: z.number().int(),
  absences: z.number().int(),
  flagsRaised: z.number().int(),
});
export type AttendanceReportResult = z.infer<typeof AttendanceReportResult>;

/** GET /api/attendance/absences — the day's absent pupils (masked). */
export const AbsenceListQuery = z.strictObject({
  date: IsoDate,
  unitId: UnitId.optional(),
});
export type AbsenceListQuery = z.infer<typeof AbsenceListQuery>;

export const AbsenceList = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      studentId: z.uuid(),
      name: z.string(),
      schoolName: z.string(),
      gradeLabel: z.string(),
      className: z.string(),
      reason: AbsenceReason,
      reasonLabel: z.string(),
    }),
  ),
});
export type AbsenceList = z.infer<typeof AbsenceList>;

/** POST /api/attendance/chase — notify the schools in scope that have not reported the day. */
export const AttendanceChaseBody = z.strictObject({ date: IsoDate, unitId: UnitId.optional() });
export type AttendanceChaseBody = z.infer<typeof AttendanceChaseBody>;
export const AttendanceChaseResult = z.object({
  date: z.string(),
  missing: z.number().int(),
  notified: z.number().int(),
});

/** POST /api/attendance/flags/evaluate — the day's rule run over the scope (absences and transfers). */
export const FlagEvaluateBody = z.strictObject({ date: IsoDate, unitId: UnitId.optional() });
export type FlagEvaluateBody = z.infer<typeof FlagEvaluateBody>;
export const FlagEvaluateResult = z.object({
  date: z.string(),
  ruleVersion: z.number().int(),
  raised: z.number().int(),
});

/** GET /api/attendance/flags — open risk flags in scope (masked pupils; the pupil id opens a case). */
export const FlagListQuery = z.strictObject({
  unitId: UnitId.optional(),
  rule: RiskRule.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FlagListQuery = z.infer<typeof FlagListQuery>;

export const FlagList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      studentId: z.uuid(),
      name: z.string(),
      schoolName: z.string(),
      township: z.string().nullable(),
      gradeLabel: z.string(),
      className: z.string(),
      leftBehind: z.boolean(),
      rule: RiskRule,
      ruleLabel: z.string(),
      ruleVersion: z.number().int(),
      raisedOn: z.string(),
      explanation: z.string(),
      /** The pupil's 一生一案 case not yet 销号, if one is open (opened from this flag or otherwise). */
      case: z.object({ id: z.uuid(), stateLabel: z.string() }).nullable(),
    }),
  ),
  bySchool: z.array(
    z.object({
      unitId: z.uuid(),
      schoolName: z.string(),
      township: z.string().nullable(),
      total: z.number().int(),
      byRule: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type FlagList = z.infer<typeof FlagList>;

/** The rules' parameters (GET and PUT /api/attendance/rules). */
export const RuleParamsBody = z.strictObject({
  consecutiveDays: z.number().int(),
  monthDays: z.number().int(),
  transferDays: z.number().int(),
  windowDays: z.number().int(),
  rateBelow: z.number(),
  dropAtLeast: z.number(),
  cutoff: z.string(),
});
export const RuleSetView = z.object({
  version: z.number().int(),
  params: RuleParamsBody,
  rules: z.array(z.object({ rule: RiskRule, label: z.string() })),
});
export type RuleSetView = z.infer<typeof RuleSetView>;
export const RuleSetQuery = z.strictObject({ unitId: UnitId.optional() });
export const RuleSetBody = z.strictObject({ unitId: UnitId.optional(), params: RuleParamsBody });
export type RuleSetBody = z.infer<typeof RuleSetBody>;
