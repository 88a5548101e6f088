/**
 * 演示考勤: a term of daily attendance (2024 秋季学期) for the demo registry, deterministic and synthetic
 * (packages/domain/src/attendance/synthetic.ts), with the flags the rules would have raised day by day.
 * On the term's last day a few schools have not reported, so the bureau's page has someone to chase.
 */
import { generateDemoCounty } from "@luoshi/domain/demo";
import { generateDemoStatistics } from "@luoshi/domain/stats";
import { DEMO_REGISTRY_YEAR, demoRegistry } from "@luoshi/domain/registry";
import {
  DEFAULT_RULE_SET,
  DEMO_TERM,
  SCHOOL_CALENDAR,
  classDays,
  flagsOverTerm,
  schoolDaysBetween,
  syntheticTerm,
} from "@luoshi/domain/attendance";
import { hashSeed } from "@luoshi/domain/demo";
import {
  attendanceFlagRepo,
  attendanceRepo,
  inTransaction,
  studentNumberIndex,
  studentRepo,
  WHOLE_TREE,
  type FlagWrite,
} from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** Schools left unreported on the term's last day (out of 100, by a hash of their code). */
const MISSING_PER_100 = 4;

/**
 * Writes the demo term for the demo registry; returns the counts written (zero when the registry is empty
 * or attendance is already there).
 */
export async function loadDemoAttendance(
  deps: ServiceDeps,
  actor: Actor,
): Promise<{ days: number; reports: number; absences: number; flags: number }> {
  const { db } = deps.handle;
  const none = { days: 0, reports: 0, absences: 0, flags: 0 };
  if ((await attendanceRepo.latestDay(db, WHOLE_TREE)) !== undefined) {
    return none;
  }
  const county = generateDemoCounty();
  const records = demoRegistry(county, generateDemoStatistics(county, [DEMO_REGISTRY_YEAR]).records);
  const held = new Map(
    (await studentRepo.heldInScope(db, WHOLE_TREE)).map((h) => [h.studentNoIndex, h] as const),
  );
  const pupils = records.flatMap((r) => {
    const h = held.get(studentNumberIndex(db, "studentNo", r.studentNo));
    return h === undefined || h.status !== "enrolled"
      ? []
      : [
          {
            key: r.studentNo,
            id: h.id,
            unitId: h.unitId,
            schoolCode: r.schoolCode,
            level: r.grade.level,
            grade: r.grade.grade,
            className: r.className,
            leftBehind: r.leftBehind,
          },
        ];
  });
  if (pupils.length === 0) {
    return none;
  }
  const countyCode = county.countyCode;
  const days = schoolDaysBetween(DEMO_TERM.from, DEMO_TERM.to, SCHOOL_CALENDAR);
  const term = syntheticTerm(pupils, days);
  const bySchool = new Map<string, typeof pupils>();
  for (const p of pupils) {
    const list = bySchool.get(p.unitId) ?? [];
    list.push(p);
    bySchool.set(p.unitId, list);
  }
  const absentOn = new Map<string, { unitId: string; studentId: string; reason: string }[]>();
  const flags: FlagWrite[] = [];
  for (const p of pupils) {
    const absences = term.get(p.key) ?? [];
    for (const a of absences) {
      const list = absentOn.get(a.day) ?? [];
      list.push({ unitId: p.unitId, studentId: p.id, reason: a.reason });
      absentOn.set(a.day, list);
    }
    for (const f of flagsOverTerm(
      { leftBehind: p.leftBehind, absences },
      DEFAULT_RULE_SET,
      SCHOOL_CALENDAR,
    )) {
      flags.push({
        countyCode,
        studentId: p.id,
        unitId: p.unitId,
        rule: f.rule,
        ruleVersion: f.version,
        raisedOn: f.raisedOn,
        explanation: f.explanation,
      });
    }
  }
  const lastDay = days.at(-1);
  let reports = 0;
  let absences = 0;
  await inTransaction(db, async (trx) => {
    await attendanceRepo.ensurePartitions(trx, DEMO_TERM.from, DEMO_TERM.to);
    for (const day of days) {
      const todays = absentOn.get(day) ?? [];
      const absentIds = new Set(todays.map((a) => a.studentId));
      const reporting = [...bySchool.entries()].filter(
        ([, ps]) =>
          day !== lastDay || hashSeed("demo-missing", ps[0]?.schoolCode ?? "") % 100 >= MISSING_PER_100,
      );
      const reportingIds = new Set(reporting.map(([unitId]) => unitId));
      const rows = reporting.map(([unitId, ps]) => {
        const classes = classDays(ps, absentIds);
        return {
          unitId,
          classes,
          expected: classes.reduce((n, c) => n + c.expected, 0),
          present: classes.reduce((n, c) => n + c.present, 0),
        };
      });
      await attendanceRepo.insertReports(trx, countyCode, day, rows);
      const written = todays.filter((a) => reportingIds.has(a.unitId));
      await attendanceRepo.insertAbsences(trx, countyCode, day, written);
      reports += rows.length;
      absences += written.length;
    }
    await attendanceFlagRepo.insertFlags(trx, flags);
    await recordAudit(trx, actor, {
      action: "attendance.demo",
      entityType: "attendance_report",
      entityId: null,
      after: {
        from: DEMO_TERM.from,
        to: DEMO_TERM.to,
        days: days.length,
        reports,
        absences,
        flags: flags.length,
      },
    });
  });
  return { days: days.length, reports, absences, flags: flags.length };
}
