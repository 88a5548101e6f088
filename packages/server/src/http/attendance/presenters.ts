/**
 * What the attendance answers show: counts by school and 乡镇, and pupils masked (张*明) — a full name
 * leaves the server only through the registry's audited unmasked read.
 */
import type { AbsenceReadRow, EnrolledPupilRow, FlagReadRow, SchoolDayRow } from "@luoshi/db";
import type { AbsenceList, AttendanceDay, AttendanceSheet, FlagList } from "@luoshi/contracts";
import {
  ABSENCE_REASON_LABELS,
  RISK_RULE_LABELS,
  classDays,
  explainFlag,
  pastCutoff,
  type AbsenceReason,
  type FlagExplanation,
  type RiskRule,
  type RuleSet,
} from "@luoshi/domain/attendance";
import { maskName } from "@luoshi/domain/pii";
import { CASE_STATE_LABELS, type CaseState } from "@luoshi/domain/dropout";
import { gradeLabel } from "@luoshi/domain/registry";
import type { EduLevel } from "@luoshi/domain/stats";
import { openPersonal, type Db } from "@luoshi/db";

const gl = (level: string, grade: number) => gradeLabel({ level: level as EduLevel, grade });

/** The day of the schools in scope: summary, townships ranked by schools missing, each school. */
export function presentDay(
  day: string,
  rules: RuleSet,
  rows: readonly SchoolDayRow[],
  now: Date,
): AttendanceDay {
  const expecting = rows.filter((r) => r.enrolled > 0 || r.reported);
  const towns = new Map<string, { township: string; schools: number; reported: number; missing: number }>();
  for (const r of expecting) {
    const name = r.township ?? "县直";
    const t = towns.get(name) ?? { township: name, schools: 0, reported: 0, missing: 0 };
    t.schools += 1;
    t.reported += r.reported ? 1 : 0;
    t.missing += r.reported ? 0 : 1;
    towns.set(name, t);
  }
  const sum = (f: (r: SchoolDayRow) => number) => expecting.reduce((n, r) => n + f(r), 0);
  return {
    date: day,
    cutoff: rules.params.cutoff,
    pastCutoff: pastCutoff(now, day, rules.params.cutoff),
    summary: {
      schools: expecting.length,
      reported: sum((r) => (r.reported ? 1 : 0)),
      zeroReports: sum((r) => (r.reported && r.zeroReport ? 1 : 0)),
      missing: sum((r) => (r.reported ? 0 : 1)),
      expected: sum((r) => r.expected),
      present: sum((r) => r.present),
      absences: {
        sick: sum((r) => r.sick),
        personal: sum((r) => r.personal),
        truant: sum((r) => r.truant),
        unknown: sum((r) => r.unknown),
      },
    },
    townships: [...towns.values()].sort(
      (a, b) => b.missing - a.missing || a.township.localeCompare(b.township, "zh"),
    ),
    schools: expecting.map((r) => ({
      unitId: r.unitId,
      schoolCode: r.code,
      schoolName: r.name,
      township: r.township,
      enrolled: r.enrolled,
      reported: r.reported,
      zeroReport: r.zeroReport,
      expected: r.expected,
      present: r.present,
      reportedAt: r.reportedAt?.toISOString() ?? null,
      absences: { sick: r.sick, personal: r.personal, truant: r.truant, unknown: r.unknown },
    })),
  };
}

/** One school's sheet: classes with their pupils (masked) and each pupil's reported absence, if any. */
export function presentSheet(
  db: Db,
  s: {
    day: string;
    unit: { id: string; name: string };
    pupils: readonly EnrolledPupilRow[];
    absences: readonly AbsenceReadRow[];
    report: SchoolDayRow | undefined;
  },
): AttendanceSheet {
  const absent = new Map(
    s.absences.filter((a) => a.unitId === s.unit.id).map((a) => [a.studentId, a.reason]),
  );
  const counts = classDays(s.pupils, new Set(absent.keys()));
  return {
    date: s.day,
    unitId: s.unit.id,
    schoolName: s.unit.name,
    reported: s.report?.reported ?? false,
    zeroReport: s.report?.zeroReport ?? false,
    reportedAt: s.report?.reportedAt?.toISOString() ?? null,
    classes: counts.map((c) => ({
      ...c,
      gradeLabel: gl(c.level, c.grade),
      pupils: s.pupils
        .filter((p) => p.level === c.level && p.grade === c.grade && p.className === c.className)
        .map((p) => ({
          id: p.id,
          name: maskName(openPersonal(db, p.personal).name),
          leftBehind: p.leftBehind,
          absence: (absent.get(p.id) as AbsenceReason | undefined) ?? null,
        })),
    })),
  };
}

/** The day's absent pupils, masked. */
export function presentAbsences(day: string, rows: readonly AbsenceReadRow[]): AbsenceList {
  return {
    date: day,
    items: rows.map((r) => ({
      studentId: r.studentId,
      name: maskName(r.personal.name),
      schoolName: r.schoolName,
      gradeLabel: gl(r.level, r.grade),
      className: r.className,
      reason: r.reason as AbsenceReason,
      reasonLabel: ABSENCE_REASON_LABELS[r.reason as AbsenceReason],
    })),
  };
}

/** Open flags, masked, each explained; and their counts by school. */
export function presentFlags(
  page: {
    rows: readonly FlagReadRow[];
    total: number;
    counts: readonly {
      unitId: string;
      schoolName: string;
      township: string | null;
      rule: string;
      n: number;
    }[];
    cases: readonly { id: string; studentId: string; state: string }[];
  },
  paging: { page: number; pageSize: number },
): FlagList {
  const caseOf = new Map(page.cases.map((c) => [c.studentId, c] as const));
  const bySchool = new Map<string, FlagList["bySchool"][number]>();
  for (const c of page.counts) {
    const s = bySchool.get(c.unitId) ?? {
      unitId: c.unitId,
      schoolName: c.schoolName,
      township: c.township,
      total: 0,
      byRule: {},
    };
    s.total += c.n;
    s.byRule[c.rule] = c.n;
    bySchool.set(c.unitId, s);
  }
  return {
    total: page.total,
    ...paging,
    items: page.rows.map((r) => ({
      id: r.id,
      studentId: r.studentId,
      name: maskName(r.personal.name),
      schoolName: r.schoolName,
      township: r.township,
      gradeLabel: gl(r.level, r.grade),
      className: r.className,
      leftBehind: r.leftBehind,
      rule: r.rule as RiskRule,
      ruleLabel: RISK_RULE_LABELS[r.rule as RiskRule],
      ruleVersion: r.ruleVersion,
      raisedOn: r.raisedOn,
      explanation: explainFlag(r.explanation as FlagExplanation, r.ruleVersion),
      case: ((c) =>
        c === undefined ? null : { id: c.id, stateLabel: CASE_STATE_LABELS[c.state as CaseState] })(
        caseOf.get(r.studentId),
      ),
    })),
    bySchool: [...bySchool.values()].sort((a, b) => b.total - a.total),
  };
}
