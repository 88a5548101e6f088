/**
 * 学籍与统计比对: pupils in school (在读 and 休学) by school and grade in the registry against the
 * yearly statistics' 在校生 of the same grade (`pupils.<level>.g<n>`), within the reader's scope.
 * A difference is shown, not judged: the statistics count at 学年初, the registry at its last import.
 */
import { statsRepo, studentMovementRepo } from "@luoshi/db";
import { gradeElement, gradeLabel, gradeCountsFromStatistics } from "@luoshi/domain/registry";
import type { EduLevel } from "@luoshi/domain/stats";
import type { CrossCheck } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

/** The cross-check of `year` for the reader's scope. */
export async function registryCrossCheck(deps: ServiceDeps, actor: Actor, year: number): Promise<CrossCheck> {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const counts = await studentMovementRepo.countsInScope(db, actor.scope);
  const stats = await statsRepo.listInScope(db, "school_stats", actor.scope, year, year);
  const names = new Map((await statsRepo.listUnitsInScope(db, actor.scope)).map((u) => [u.code, u.name]));
  const statCounts = gradeCountsFromStatistics(
    stats.map((s) => ({ schoolCode: s.code, year, values: s.values })),
  );
  const key = (code: string, level: string, grade: number) => `${code}|${level}|${grade}`;
  const rows = new Map<string, CrossCheck["rows"][number]>();
  const statsOf = new Map(stats.map((s) => [s.code, s.values]));
  for (const c of counts) {
    const grade = { level: c.level as EduLevel, grade: c.grade };
    rows.set(key(c.schoolCode, c.level, c.grade), {
      schoolCode: c.schoolCode,
      schoolName: c.schoolName,
      level: grade.level,
      grade: c.grade,
      gradeLabel: gradeLabel(grade),
      registry: c.pupils,
      statistics: statsOf.has(c.schoolCode) ? (statsOf.get(c.schoolCode)?.[gradeElement(grade)] ?? 0) : null,
      difference: null,
    });
  }
  for (const s of statCounts) {
    const k = key(s.schoolCode, s.grade.level, s.grade.grade);
    if (!rows.has(k)) {
      rows.set(k, {
        schoolCode: s.schoolCode,
        schoolName: names.get(s.schoolCode) ?? s.schoolCode,
        level: s.grade.level,
        grade: s.grade.grade,
        gradeLabel: gradeLabel(s.grade),
        registry: 0,
        statistics: s.pupils,
        difference: null,
      });
    }
  }
  const out = [...rows.values()]
    .map((r) => ({ ...r, difference: r.statistics === null ? null : r.registry - r.statistics }))
    .sort(
      (a, b) =>
        a.schoolCode.localeCompare(b.schoolCode) || a.level.localeCompare(b.level) || a.grade - b.grade,
    );
  return {
    year,
    registryTotal: out.reduce((s, r) => s + r.registry, 0),
    statisticsTotal: out.reduce((s, r) => s + (r.statistics ?? 0), 0),
    rows: out,
  };
}
