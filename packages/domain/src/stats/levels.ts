/**
 * 学段 (education levels) and 班额 bands as 教育事业统计 基层表 count them. Every per-level data element
 * (在校生、班数、专任教师 …) is named after one of these levels.
 */
import type { SchoolType } from "../org/org-unit.ts";

/**
 * 学段: 学前 (preschool), 小学, 初中, 普通高中 (senior), 中职 (vocational — also 特教学校附设中职班) and
 * 特殊教育 (special: pupils of 特殊教育学校, whatever their grade).
 */
export const EDU_LEVELS = ["preschool", "primary", "junior", "senior", "vocational", "special"] as const;
/** One of {@link EDU_LEVELS}. */
export type EduLevel = (typeof EDU_LEVELS)[number];

/** Chinese labels for {@link EduLevel}, as the statistics tables print them. */
export const EDU_LEVEL_LABELS: Readonly<Record<EduLevel, string>> = {
  preschool: "学前",
  primary: "小学",
  junior: "初中",
  senior: "普通高中",
  vocational: "中职",
  special: "特殊教育",
};

/** Grade names per level (empty: the level is counted as a whole, e.g. 特殊教育). */
export const GRADE_LABELS: Readonly<Record<EduLevel, readonly string[]>> = {
  preschool: ["小班", "中班", "大班"],
  primary: ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"],
  junior: ["七年级", "八年级", "九年级"],
  senior: ["高一", "高二", "高三"],
  vocational: ["一年级", "二年级", "三年级"],
  special: [],
};

/** Levels whose classes are counted by 班额 band (the 56–65 / ≥66 rules concern 中小学). */
export const BANDED_LEVELS = ["primary", "junior", "senior"] as const satisfies readonly EduLevel[];

/**
 * 班额 bands of the 基层表 (spec §4, S22: 36–45 正常, 46–55 偏大, 56–65 大班额, ≥66 超大班额). `max` is
 * inclusive; the last band is open.
 */
export const CLASS_SIZE_BANDS = [
  { key: "sizeUpTo25", label: "25人及以下", min: 0, max: 25 },
  { key: "size26to35", label: "26-35人", min: 26, max: 35 },
  { key: "size36to45", label: "36-45人", min: 36, max: 45 },
  { key: "size46to55", label: "46-55人", min: 46, max: 55 },
  { key: "size56to65", label: "56-65人", min: 56, max: 65 },
  { key: "size66plus", label: "66人及以上", min: 66, max: Number.POSITIVE_INFINITY },
] as const;
/**
 * The 5-wide 班额 bands the 基层表 itself prints (25人及以下, 26-30 … 61-65, 66人及以上). The two open ends
 * are the bands of {@link CLASS_SIZE_BANDS}; the eight inner ones split its 10-wide bands, so a limit of 50
 * (初中, 优质均衡) can be judged. `of` names the 10-wide band a 5-wide band belongs to.
 */
export const FINE_CLASS_SIZE_BANDS = [
  { key: "size26to30", label: "26-30人", min: 26, max: 30, of: "size26to35" },
  { key: "size31to35", label: "31-35人", min: 31, max: 35, of: "size26to35" },
  { key: "size36to40", label: "36-40人", min: 36, max: 40, of: "size36to45" },
  { key: "size41to45", label: "41-45人", min: 41, max: 45, of: "size36to45" },
  { key: "size46to50", label: "46-50人", min: 46, max: 50, of: "size46to55" },
  { key: "size51to55", label: "51-55人", min: 51, max: 55, of: "size46to55" },
  { key: "size56to60", label: "56-60人", min: 56, max: 60, of: "size56to65" },
  { key: "size61to65", label: "61-65人", min: 61, max: 65, of: "size56to65" },
] as const;

/** Key of one 班额 band, e.g. `size56to65` (大班额). */
export type ClassSizeBandKey = (typeof CLASS_SIZE_BANDS)[number]["key"];

/** The band a class of `size` pupils falls in. */
export function classSizeBand(size: number): ClassSizeBandKey {
  for (const b of CLASS_SIZE_BANDS) {
    if (size <= b.max) {
      return b.key;
    }
  }
  return "size66plus";
}

/**
 * Levels each 办学类型 may carry. 小学 and 九年一贯制 may run 附设幼儿班; 特殊教育学校 may run a 附设中职班
 * (崆峒区 2020: 21 pupils).
 */
export const SCHOOL_TYPE_LEVELS: Readonly<Record<SchoolType, readonly EduLevel[]>> = {
  kindergarten: ["preschool"],
  primary: ["primary", "preschool"],
  teachingPoint: ["primary", "preschool"],
  junior: ["junior"],
  nineYear: ["primary", "junior", "preschool"],
  twelveYear: ["primary", "junior", "senior"],
  completeSecondary: ["junior", "senior"],
  senior: ["senior"],
  special: ["special", "vocational"],
  vocational: ["vocational"],
};

/** School types that may carry `level`. */
export function schoolTypesWithLevel(level: EduLevel): readonly SchoolType[] {
  return (Object.keys(SCHOOL_TYPE_LEVELS) as SchoolType[]).filter((t) =>
    SCHOOL_TYPE_LEVELS[t].includes(level),
  );
}
