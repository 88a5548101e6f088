/**
 * 学籍变动: the movements between two imports of a county's (or a school's) registry, derived pupil by
 * pupil on the lifelong 学籍号 (or, when the number changed from L to G, on the 身份证件号):
 * - a pupil new to the registry is 转入 (on a first import there is no earlier state: no movements);
 * - a pupil whose school changed is 转出 at the old school and 转入 at the new one;
 * - a status change follows the status column (休学, 复学, 辍学, 毕业, 死亡, 转出);
 * - a pupil absent from the new file is 毕业 when the earlier import had them in the last grade of their
 *   学段 and the new import is of a later school year, otherwise 转出 pending confirmation (待确认): the
 *   receiving school starts a transfer, so a pupil who vanished without one is whom 控辍保学 looks for.
 */
import { isFinalGrade } from "./grades.ts";
import type { MovementKind, StudentRecord, StudentStatus } from "./record.ts";

/** A pupil as the registry held them before the new import. */
export interface HeldStudent {
  /** The stored pupil's id (movements point at it). */
  id: string;
  record: StudentRecord;
}

/** One derived movement. */
export interface Movement {
  kind: MovementKind;
  /** The stored pupil's id, or null for one the new import adds. */
  studentId: string | null;
  studentNo: string;
  /** The school the movement is recorded at (scope). */
  schoolCode: string;
  /** The other school of a transfer within the registry, when there is one. */
  otherSchoolCode: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** 转出 inferred from absence, awaiting the receiving school or a confirmation. */
  pending: boolean;
}

/** The import being compared, as far as movements need it. */
export interface MovementContext {
  /** The date movements are dated with: the export's date (its 截至日期), else the import day. */
  date: string;
  /** True when the new import is of a later 学年 than the held one (final grades then graduate). */
  newSchoolYear: boolean;
  /**
   * The schools the new import covers: a pupil of another school who is absent from the file is not
   * absent from the registry (a school imports only its own pupils).
   */
  coveredSchools: ReadonlySet<string>;
}

const STATUS_MOVES: Partial<Record<StudentStatus, MovementKind>> = {
  suspended: "suspension",
  dropout: "dropout",
  graduated: "graduation",
  deceased: "death",
  transferredOut: "transferOut",
};

/** The movement a status change means, if any. */
function statusMovement(before: StudentStatus, after: StudentStatus): MovementKind | null {
  if (before === after) {
    return null;
  }
  if (after === "enrolled") {
    return before === "suspended" || before === "dropout" ? "resumption" : "transferIn";
  }
  return STATUS_MOVES[after] ?? null;
}

/** Derives the movements from `held` (the registry now) to `next` (the new import's records). */
export function deriveMovements(
  held: readonly HeldStudent[],
  next: readonly StudentRecord[],
  ctx: MovementContext,
): Movement[] {
  const out: Movement[] = [];
  const byNo = new Map(held.map((h) => [h.record.studentNo, h]));
  const byId = new Map(held.filter((h) => h.record.idNumber !== null).map((h) => [h.record.idNumber, h]));
  const matched = new Set<string>();
  const move = (
    kind: MovementKind,
    r: StudentRecord,
    studentId: string | null,
    other: string | null = null,
    schoolCode: string = r.schoolCode,
  ): void => {
    out.push({
      kind,
      studentId,
      studentNo: r.studentNo,
      schoolCode,
      otherSchoolCode: other,
      date: ctx.date,
      pending: false,
    });
  };
  for (const r of next) {
    const before = byNo.get(r.studentNo) ?? (r.idNumber === null ? undefined : byId.get(r.idNumber));
    if (before === undefined) {
      if (held.length > 0 && r.status === "enrolled") {
        move("transferIn", r, null);
      }
      continue;
    }
    matched.add(before.id);
    const was = before.record;
    if (was.schoolCode !== r.schoolCode) {
      move("transferOut", was, before.id, r.schoolCode, was.schoolCode);
      move("transferIn", r, before.id, was.schoolCode);
    }
    const kind = statusMovement(was.status, r.status);
    if (kind !== null && !(kind === "transferIn" && was.schoolCode !== r.schoolCode)) {
      move(kind, r, before.id);
    }
  }
  for (const h of held) {
    const r = h.record;
    const active = r.status === "enrolled" || r.status === "suspended";
    if (matched.has(h.id) || !active || !ctx.coveredSchools.has(r.schoolCode)) {
      continue;
    }
    if (ctx.newSchoolYear && isFinalGrade(r.grade)) {
      move("graduation", r, h.id);
    } else {
      out.push({
        kind: "transferOut",
        studentId: h.id,
        studentNo: r.studentNo,
        schoolCode: r.schoolCode,
        otherSchoolCode: null,
        date: ctx.date,
        pending: true,
      });
    }
  }
  return out;
}

/** The status a movement leaves a pupil in (absent pupils: 转出 or 毕业). */
export function statusAfter(kind: MovementKind): StudentStatus {
  switch (kind) {
    case "transferOut":
      return "transferredOut";
    case "graduation":
      return "graduated";
    case "death":
      return "deceased";
    case "dropout":
      return "dropout";
    case "suspension":
      return "suspended";
    default:
      return "enrolled";
  }
}
