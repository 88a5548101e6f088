/**
 * What the registry's answers show of a pupil: masked by default (张*明, 6208**********1234,
 * 100****5678, the 户籍地 down to the 乡镇, the birth date as its year), in full only for an audited
 * unmasked read. No other presenter sees a pupil's personal values.
 */
import type { MovementReadRow, StudentReadRow } from "@luoshi/db";
import type { MovementList, StudentDetail, StudentView } from "@luoshi/contracts";
import { maskAddress, maskIdNumber, maskName, maskPhone } from "@luoshi/domain/pii";
import {
  MOVEMENT_KIND_LABELS,
  STUDENT_STATUS_LABELS,
  gradeLabel,
  type MovementKind,
  type StudentStatus,
} from "@luoshi/domain/registry";
import type { EduLevel } from "@luoshi/domain/stats";

/** A 学籍号 masked: its letter, then the number masked like an ID number. */
const maskStudentNo = (no: string): string => `${no.slice(0, 1)}${maskIdNumber(no.slice(1))}`;

/** One pupil for a list: masked unless `unmasked`. */
export function presentStudent(r: StudentReadRow, unmasked = false): StudentView {
  const p = r.personal;
  const level = r.level as EduLevel;
  return {
    id: r.id,
    studentNo: unmasked ? p.studentNo : maskStudentNo(p.studentNo),
    idNumber: p.idNumber === null ? null : unmasked ? p.idNumber : maskIdNumber(p.idNumber),
    name: unmasked ? p.name : maskName(p.name),
    sex: r.sex,
    birthDate: unmasked ? p.birthDate : `${p.birthDate.slice(0, 4)}-**-**`,
    schoolCode: r.schoolCode,
    schoolName: r.schoolName,
    level,
    grade: r.grade,
    gradeLabel: gradeLabel({ level, grade: r.grade }),
    className: r.className,
    migrant: r.migrant,
    leftBehind: r.leftBehind,
    disabled: r.disabled,
    status: r.status as StudentStatus,
    statusLabel: STUDENT_STATUS_LABELS[r.status as StudentStatus],
    schoolYear: r.schoolYear,
    term: r.term,
    masked: !unmasked,
  };
}

/** One pupil's detail: masked unless `unmasked`. */
export function presentStudentDetail(r: StudentReadRow, unmasked = false): StudentDetail {
  const p = r.personal;
  return {
    ...presentStudent(r, unmasked),
    hukou: unmasked ? p.hukou : maskAddress(p.hukou),
    guardianName: p.guardianName === null ? null : unmasked ? p.guardianName : maskName(p.guardianName),
    guardianPhone: p.guardianPhone === null ? null : unmasked ? p.guardianPhone : maskPhone(p.guardianPhone),
  };
}

/** Movements, always masked. */
export function presentMovements(rows: readonly MovementReadRow[], total: number): MovementList {
  return {
    total,
    items: rows.map((m) => ({
      id: m.id,
      studentId: m.studentId,
      name: maskName(m.personal.name),
      studentNo: maskStudentNo(m.personal.studentNo),
      schoolCode: m.schoolCode,
      schoolName: m.schoolName,
      otherSchoolName: m.otherSchoolName,
      gradeLabel: gradeLabel({ level: m.level as EduLevel, grade: m.grade }),
      kind: m.kind as MovementKind,
      kindLabel: MOVEMENT_KIND_LABELS[m.kind as MovementKind],
      occurredOn: m.occurredOn,
      pending: m.pending,
    })),
  };
}
