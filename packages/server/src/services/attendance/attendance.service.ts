/**
 * 日考勤、日报告: a school reports its day (absent pupils with reasons, or a 零报告); the bureau sees who
 * reported, who is missing (ranked by 乡镇) and the absences by school, and chases the missing schools;
 * the risk rules run on each report and on the bureau's daily run, and raise flags that carry their
 * explanation. Every read is limited to the reader's scope; every write is audited (counts only).
 */
import { chinaDate } from "@luoshi/common";
import {
  DEFAULT_RULE_PARAMS,
  DEFAULT_RULE_SET,
  SCHOOL_CALENDAR,
  absenceRuleDays,
  classDays,
  evaluateAbsences,
  evaluateTransfer,
  lookbackStart,
  ruleParamProblems,
  type AbsenceReason,
  type FlagFinding,
  type RuleParams,
  type RuleSet,
} from "@luoshi/domain/attendance";
import {
  attendanceFlagRepo,
  dropoutCaseRepo,
  attendanceRepo,
  inTransaction,
  notificationRepo,
  type Db,
  type FlagWrite,
  type OrgUnitRow,
  type Scope,
} from "@luoshi/db";
import type { AttendanceReportBody, FlagListQuery, RuleSetBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { registryScope } from "../registry/registry-scope.ts";

const pathIds = (path: string): string[] => path.split("/").filter((s) => s !== "");

/** The rule set in force for a unit: the latest version saved by the nearest area on its path. */
async function ruleSetFor(db: Db, unitPath: string): Promise<RuleSet> {
  const saved = await attendanceFlagRepo.ruleSetFor(db, pathIds(unitPath));
  return saved === undefined
    ? DEFAULT_RULE_SET
    : {
        version: saved.version,
        params: { ...DEFAULT_RULE_PARAMS, ...(saved.params as Partial<RuleParams>) },
      };
}

async function countyCode(db: Db, unit: OrgUnitRow): Promise<string> {
  const code = await attendanceRepo.countyCodeOf(db, unit.id);
  if (code === undefined) {
    throw new AppError("bad-request", `${unit.name}不在任何县（区）之下，无法报送考勤`);
  }
  return code;
}

function notFuture(deps: ServiceDeps, day: string): void {
  if (day > chinaDate(deps.now())) {
    throw new AppError("bad-request", "不能报送今天以后的考勤");
  }
}

/** The school a school-level request acts for: the named one, else the actor's own; must be a school. */
async function schoolFor(deps: ServiceDeps, actor: Actor, unitId: string | undefined) {
  const { unit, scope } = await registryScope(deps.handle.db, actor, unitId ?? actor.orgUnitId ?? undefined);
  if (unit.kind !== "school") {
    throw new AppError("bad-request", "请选择一所学校");
  }
  return { unit, scope };
}

/**
 * The flags a day's absences raise: the pupils absent on `day` (at `unitIds`, or the whole county),
 * their absences over the rules' look-back (one range of partitions), the rules, the new flags.
 */
export async function raiseAbsenceFlags(
  db: Db,
  county: string,
  unitIds: readonly string[] | null,
  day: string,
  rules: RuleSet,
): Promise<number> {
  const from = lookbackStart(day, rules.params, SCHOOL_CALENDAR);
  const history = await attendanceRepo.historyOfAbsent(db, county, unitIds, day, from);
  const days = absenceRuleDays(day, rules, SCHOOL_CALENDAR);
  const flags: FlagWrite[] = [];
  let i = 0;
  while (i < history.length) {
    const first = history[i];
    if (first === undefined) {
      break;
    }
    const absences: { day: string; reason: AbsenceReason }[] = [];
    while (i < history.length && history[i]?.studentId === first.studentId) {
      const h = history[i];
      if (h !== undefined) {
        absences.push({ day: h.day, reason: h.reason as AbsenceReason });
      }
      i += 1;
    }
    for (const f of evaluateAbsences(
      { leftBehind: first.leftBehind, absences },
      day,
      rules,
      SCHOOL_CALENDAR,
      days,
    )) {
      flags.push(flagWrite(county, first.studentId, first.unitId, f, day));
    }
  }
  return attendanceFlagRepo.insertFlags(db, flags);
}

function flagWrite(
  county: string,
  studentId: string,
  unitId: string,
  f: FlagFinding,
  day: string,
): FlagWrite {
  return {
    countyCode: county,
    studentId,
    unitId,
    rule: f.rule,
    ruleVersion: f.version,
    raisedOn: day,
    explanation: f.explanation,
  };
}

/** One school's pupils by class (for the school's sheet) and its report of the day. */
export async function attendanceSheet(
  deps: ServiceDeps,
  actor: Actor,
  query: { date?: string | undefined; unitId?: string | undefined },
) {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const { unit, scope } = await schoolFor(deps, actor, query.unitId);
  const day = query.date ?? chinaDate(deps.now());
  const pupils = await attendanceRepo.enrolledOfSchool(db, scope, unit.id);
  const absences = await attendanceRepo.absencesOn(db, scope, day, 10_000);
  const report = (await attendanceRepo.schoolDays(db, scope, day)).find((s) => s.unitId === unit.id);
  return { day, unit, pupils, absences, report };
}

/** A school's day: its absent pupils with reasons, or a 零报告; replaces an earlier report of the day. */
export async function reportAttendance(deps: ServiceDeps, actor: Actor, body: AttendanceReportBody) {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  notFuture(deps, body.date);
  const { unit, scope } = await schoolFor(deps, actor, body.unitId);
  const county = await countyCode(db, unit);
  const pupils = await attendanceRepo.enrolledOfSchool(db, scope, unit.id);
  const known = new Set(pupils.map((p) => p.id));
  const seen = new Set<string>();
  for (const a of body.absences) {
    if (!known.has(a.studentId)) {
      throw new AppError("bad-request", "缺勤名单中有不是本校在读学生的记录");
    }
    if (seen.has(a.studentId)) {
      throw new AppError("bad-request", "同一名学生在缺勤名单中出现了两次");
    }
    seen.add(a.studentId);
  }
  const classes = classDays(pupils, seen);
  const expected = classes.reduce((n, c) => n + c.expected, 0);
  const present = classes.reduce((n, c) => n + c.present, 0);
  const rules = await ruleSetFor(db, unit.path);
  const flagsRaised = await inTransaction(db, async (trx) => {
    await attendanceRepo.ensurePartitions(trx, body.date, body.date);
    await attendanceRepo.saveReport(trx, {
      countyCode: county,
      day: body.date,
      unitId: unit.id,
      expected,
      present,
      classes,
      reportedBy: actor.userId,
      absences: body.absences,
    });
    const raised = await raiseAbsenceFlags(trx, county, [unit.id], body.date, rules);
    const byReason: Record<string, number> = {};
    for (const a of body.absences) {
      byReason[a.reason] = (byReason[a.reason] ?? 0) + 1;
    }
    await recordAudit(trx, actor, {
      action: "attendance.report",
      entityType: "attendance_report",
      entityId: unit.id,
      after: { date: body.date, expected, present, zeroReport: body.absences.length === 0, byReason, raised },
    });
    return raised;
  });
  return {
    date: body.date,
    schoolName: unit.name,
    zeroReport: body.absences.length === 0,
    expected,
    present,
    absences: body.absences.length,
    flagsRaised,
  };
}

/** The day of the schools in scope; the latest reported day when none is named (today if none). */
export async function attendanceDay(
  deps: ServiceDeps,
  actor: Actor,
  query: { date?: string | undefined; unitId?: string | undefined },
) {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const { unit, scope } = await registryScope(db, actor, query.unitId);
  const day = query.date ?? (await attendanceRepo.latestDay(db, scope)) ?? chinaDate(deps.now());
  const rules = await ruleSetFor(db, unit.path);
  const schools = await attendanceRepo.schoolDays(db, scope, day);
  return { day, rules, schools };
}

/** The day's absent pupils in scope (personal values opened for the presenter to mask). */
export async function listAbsences(
  deps: ServiceDeps,
  actor: Actor,
  query: { date: string; unitId?: string | undefined },
) {
  authorize(actor, "pupil.read");
  const { scope } = await registryScope(deps.handle.db, actor, query.unitId);
  return attendanceRepo.absencesOn(deps.handle.db, scope, query.date, 2000);
}

/** Notifies each school in scope that has not reported `date` (once per school and day). */
export async function chaseMissing(
  deps: ServiceDeps,
  actor: Actor,
  body: { date: string; unitId?: string | undefined },
) {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const { unit, scope } = await registryScope(db, actor, body.unitId);
  const missing = (await attendanceRepo.schoolDays(db, scope, body.date)).filter(
    (s) => !s.reported && s.enrolled > 0,
  );
  const day = `${String(Number(body.date.slice(5, 7)))}月${String(Number(body.date.slice(8, 10)))}日`;
  const notified = await inTransaction(db, async (trx) => {
    const n = await notificationRepo.insert(
      trx,
      missing.map((s) => ({
        org_unit_id: s.unitId,
        audience: null,
        task_id: null,
        kind: "attendance-reminder",
        text: `请报送${day}的学生考勤（无缺勤请报“零报告”）`,
        created_by: actor.userId,
        created_at: deps.now(),
        dedupe_key: `attendance:${s.unitId}:${body.date}`,
      })),
    );
    await recordAudit(trx, actor, {
      action: "attendance.chase",
      entityType: "org_unit",
      entityId: unit.id,
      after: { date: body.date, missing: missing.length, notified: n },
    });
    return n;
  });
  return { date: body.date, missing: missing.length, notified };
}

/**
 * The day's rule run over the scope: absence rules on every pupil absent that day, and the transfer rule
 * on every pending 转出. Flags already open are kept.
 */
export async function evaluateFlags(
  deps: ServiceDeps,
  actor: Actor,
  body: { date: string; unitId?: string | undefined },
) {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  notFuture(deps, body.date);
  const { unit, scope } = await registryScope(db, actor, body.unitId);
  const rules = await ruleSetFor(db, unit.path);
  const schools = await attendanceRepo.schoolDays(db, scope, body.date);
  const raised = await inTransaction(db, async (trx) => {
    let n = 0;
    const byCounty = new Map<string, string[]>();
    for (const s of schools) {
      const county = await attendanceRepo.countyCodeOf(trx, s.unitId);
      if (county !== undefined) {
        byCounty.set(county, [...(byCounty.get(county) ?? []), s.unitId]);
      }
    }
    for (const [county, unitIds] of byCounty) {
      n += await raiseAbsenceFlags(trx, county, unitIds, body.date, rules);
    }
    n += await raiseTransferFlags(trx, scope, body.date, rules);
    await recordAudit(trx, actor, {
      action: "attendance.evaluate",
      entityType: "org_unit",
      entityId: unit.id,
      after: { date: body.date, ruleVersion: rules.version, raised: n },
    });
    return n;
  });
  return { date: body.date, ruleVersion: rules.version, raised };
}

async function raiseTransferFlags(db: Db, scope: Scope, day: string, rules: RuleSet): Promise<number> {
  const flags: FlagWrite[] = [];
  for (const m of await attendanceRepo.pendingTransfers(db, scope, day)) {
    const f = evaluateTransfer(
      { transferOutOn: m.occurredOn, transferredInSince: m.transferredInSince },
      day,
      rules,
      SCHOOL_CALENDAR,
    );
    const county = f === null ? undefined : await attendanceRepo.countyCodeOf(db, m.unitId);
    if (f !== null && county !== undefined) {
      flags.push(flagWrite(county, m.studentId, m.unitId, f, day));
    }
  }
  return attendanceFlagRepo.insertFlags(db, flags);
}

/** The open flags in scope (a page) and their counts by school and rule. */
export async function listFlags(deps: ServiceDeps, actor: Actor, query: FlagListQuery) {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const { scope } = await registryScope(db, actor, query.unitId);
  const page = await attendanceFlagRepo.openFlags(
    db,
    scope,
    query.rule === undefined ? {} : { rule: query.rule },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const counts = await attendanceFlagRepo.flagCounts(db, scope);
  // each flag shows whether its pupil already has a case being handled (to 立案 once, not twice)
  const cases = await dropoutCaseRepo.openCasesOfStudents(
    db,
    actor.scope,
    page.rows.map((r) => r.studentId),
  );
  return { ...page, counts, cases };
}

/** The rule set in force for the actor's area (or a unit within it). */
export async function getRules(deps: ServiceDeps, actor: Actor, unitId: string | undefined) {
  authorize(actor, "pupil.read");
  const { unit } = await registryScope(deps.handle.db, actor, unitId);
  return ruleSetFor(deps.handle.db, unit.path);
}

/** Saves a new version of the area's rule parameters (the bureau: `pupil.unmasked` caseworkers). */
export async function saveRules(deps: ServiceDeps, actor: Actor, body: RuleSetBody): Promise<RuleSet> {
  authorize(actor, "pupil.unmasked");
  const { db } = deps.handle;
  const { unit } = await registryScope(db, actor, body.unitId);
  const problems = ruleParamProblems(body.params);
  if (problems.length > 0) {
    throw new AppError("bad-request", problems.join("；"));
  }
  const version = await inTransaction(db, async (trx) => {
    const v = await attendanceFlagRepo.saveRuleSet(trx, unit.id, body.params, actor.userId);
    await recordAudit(trx, actor, {
      action: "attendance.rules",
      entityType: "attendance_rule_set",
      entityId: unit.id,
      after: { version: v, ...body.params },
    });
    return v;
  });
  return { version, params: body.params };
}
