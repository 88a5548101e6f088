/**
 * 年级 as a 学籍 export writes it ("一年级", "七年级", "高一", "小班", or the national system's two-digit
 * codes 11–16, 21–23, 31–33) and the 学段 + grade number the statistics count it under
 * (`pupils.<level>.g<n>`). 初中 grades are numbered within 初中: 七年级 is junior grade 1.
 */
import { GRADE_LABELS, type EduLevel } from "../stats/levels.ts";

/** One grade: its 学段 and the grade number within it (1-based; 0 for 特殊教育, counted as a whole). */
export interface Grade {
  level: EduLevel;
  grade: number;
}

const CN_DIGITS = "一二三四五六七八九";

const BY_LABEL = new Map<string, Grade>();
for (const [i, label] of GRADE_LABELS.primary.entries()) {
  BY_LABEL.set(label, { level: "primary", grade: i + 1 });
}
for (const [i, label] of GRADE_LABELS.junior.entries()) {
  BY_LABEL.set(label, { level: "junior", grade: i + 1 });
  BY_LABEL.set(`初${CN_DIGITS[i] ?? ""}`, { level: "junior", grade: i + 1 });
}
for (const [i, label] of GRADE_LABELS.senior.entries()) {
  BY_LABEL.set(label, { level: "senior", grade: i + 1 });
}
for (const [i, label] of GRADE_LABELS.vocational.entries()) {
  BY_LABEL.set(`中职${label}`, { level: "vocational", grade: i + 1 });
}
for (const [i, label] of GRADE_LABELS.preschool.entries()) {
  BY_LABEL.set(label, { level: "preschool", grade: i + 1 });
}
/** National codes: first digit 学段 (1 小学, 2 初中, 3 高中, 4 学前), second the grade. */
const CODE_LEVELS: Readonly<Record<string, { level: EduLevel; max: number }>> = {
  "1": { level: "primary", max: 6 },
  "2": { level: "junior", max: 3 },
  "3": { level: "senior", max: 3 },
  "4": { level: "preschool", max: 3 },
};

/** Reads a grade as written; null when it is none of the known forms. */
export function parseGrade(raw: string): Grade | null {
  const text = raw.replace(/[\s\u3000]/g, "");
  const known = BY_LABEL.get(text);
  if (known !== undefined) {
    return known;
  }
  const code = /^([1-4])([1-9])$/.exec(text);
  const levelOf = code === null ? undefined : CODE_LEVELS[code[1] ?? ""];
  if (code !== null && levelOf !== undefined && Number(code[2]) <= levelOf.max) {
    return { level: levelOf.level, grade: Number(code[2]) };
  }
  return null;
}

/** The label a grade is shown with ("七年级"; "特殊教育" for the special level). */
export function gradeLabel(g: Grade): string {
  if (g.level === "special") {
    return "特殊教育";
  }
  const labels = GRADE_LABELS[g.level];
  const label = labels[g.grade - 1] ?? `${g.grade}年级`;
  return g.level === "vocational" ? `中职${label}` : label;
}

/** The last grade of a level: pupils in it leave by 毕业 at the end of the school year. */
export function isFinalGrade(g: Grade): boolean {
  const n = GRADE_LABELS[g.level].length;
  return n > 0 && g.grade === n;
}

/** The statistics data element counting the grade's pupils (`pupils.junior.g1`; `pupils.special`). */
export function gradeElement(g: Grade): string {
  return g.level === "special" || g.grade === 0 ? `pupils.${g.level}` : `pupils.${g.level}.g${g.grade}`;
}
