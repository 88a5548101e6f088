/**
 * 学籍 record: one pupil as a county's 学籍 export lists them. Personal fields (身份证件号, 姓名, 出生日期,
 * 户籍地, 监护人) are plain here; the data layer encrypts them and the presenters mask them.
 */
import type { Grade } from "./grades.ts";

/** 学籍状态 as the export's status column may state it. */
export const STUDENT_STATUSES = [
  "enrolled",
  "suspended",
  "transferredOut",
  "dropout",
  "graduated",
  "deceased",
] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export const STUDENT_STATUS_LABELS: Readonly<Record<StudentStatus, string>> = {
  enrolled: "在读",
  suspended: "休学",
  transferredOut: "转出",
  dropout: "辍学",
  graduated: "毕业",
  deceased: "死亡",
};

/** 性别. */
export type Sex = "M" | "F";
export const SEX_LABELS: Readonly<Record<Sex, string>> = { M: "男", F: "女" };

/** One pupil's row of a 学籍 import. */
export interface StudentRecord {
  /** 全国学籍号: G + 身份证号 (formal), L… (temporary), J… (no usable ID). */
  studentNo: string;
  /** 身份证件号, canonical (upper-case X); null for a J number without an ID. */
  idNumber: string | null;
  name: string;
  sex: Sex;
  /** 出生日期, YYYY-MM-DD. */
  birthDate: string;
  /** 学校标识码. */
  schoolCode: string;
  grade: Grade;
  /** 班级 as written ("3班", "七(2)班"). */
  className: string;
  /** 户籍所在地. */
  hukou: string;
  migrant: boolean;
  leftBehind: boolean;
  disabled: boolean;
  guardianName: string | null;
  guardianPhone: string | null;
  status: StudentStatus;
}

/** The kinds of 学籍 change the registry derives between two imports. */
export const MOVEMENT_KINDS = [
  "transferIn",
  "transferOut",
  "suspension",
  "resumption",
  "dropout",
  "graduation",
  "death",
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const MOVEMENT_KIND_LABELS: Readonly<Record<MovementKind, string>> = {
  transferIn: "转入",
  transferOut: "转出",
  suspension: "休学",
  resumption: "复学",
  dropout: "辍学",
  graduation: "毕业",
  death: "死亡",
};
