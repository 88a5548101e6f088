/**
 * A school's day: which pupils are expected (应到), how many are present (实到), and whether the school
 * counts as having reported.
 */
import { CHINA_UTC_OFFSET_MS } from "@luoshi/common";

/** One class's day, counts only. */
export interface ClassDay {
  level: string;
  grade: number;
  className: string;
  expected: number;
  present: number;
}

/**
 * 应到/实到 per class from the school's pupils in school (在读) and the day's absent pupils: 应到 is the
 * class's enrolled pupils, 实到 those not reported absent.
 */
export function classDays(
  pupils: readonly { id: string; level: string; grade: number; className: string }[],
  absent: ReadonlySet<string>,
): ClassDay[] {
  const byClass = new Map<string, ClassDay>();
  for (const p of pupils) {
    const key = `${p.level}\u001f${String(p.grade)}\u001f${p.className}`;
    let c = byClass.get(key);
    if (c === undefined) {
      c = { level: p.level, grade: p.grade, className: p.className, expected: 0, present: 0 };
      byClass.set(key, c);
    }
    c.expected += 1;
    if (!absent.has(p.id)) {
      c.present += 1;
    }
  }
  return [...byClass.values()].sort(
    (a, b) => a.level.localeCompare(b.level) || a.grade - b.grade || a.className.localeCompare(b.className),
  );
}

/**
 * cQube's definition: a school counts as reporting on a day when it recorded attendance for more than half
 * of its enrolled pupils. A school with no enrolled pupils has nothing to report.
 */
export function countsAsReported(recordedPupils: number, enrolledPupils: number): boolean {
  return enrolledPupils > 0 && recordedPupils * 2 > enrolledPupils;
}

/** True when `now` is past the reporting cut-off (China time, "HH:MM") of `day`, or `day` is over. */
export function pastCutoff(now: Date, day: string, cutoff: string): boolean {
  const china = new Date(now.getTime() + CHINA_UTC_OFFSET_MS).toISOString();
  const today = china.slice(0, 10);
  if (today !== day) {
    return today > day;
  }
  return china.slice(11, 16) >= cutoff;
}
