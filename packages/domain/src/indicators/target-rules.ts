/**
 * Targets without a number (基本消除大班额 …) as checkable rules, and the metric-synonym table that links
 * the names documents use (学前教育毛入园率, 毛入园率 …) to indicator codes. Both are plain data so that a
 * bureau can extend them.
 */
import {
  assessTarget,
  worstStatus,
  type IndicatorTarget,
  type SeriesPoint,
  type TargetAssessment,
  type TargetOptions,
  type TargetStatus,
} from "./targets.ts";

/** One condition of a qualitative target. */
export interface RuleCondition {
  indicatorCode: string;
  comparator: IndicatorTarget["comparator"];
  value: number;
}

/** A qualitative target (定性目标) mapped to conditions on indicators. */
export interface QualitativeTargetRule {
  /** Stable code. */
  code: string;
  /** How documents word it; the longest phrase contained in a target's text wins. */
  phrases: readonly string[];
  conditions: readonly RuleCondition[];
  source: string;
}

/**
 * Qualitative targets with a checkable meaning. 基本消除 follows the national yardstick (spec §4, S23):
 * 超大班额 ≤ 2% of classes, 大班额 ≤ 5%; 全面消除 means none at all.
 */
export const QUALITATIVE_TARGET_RULES: readonly QualitativeTargetRule[] = [
  {
    code: "large-classes-basically-eliminated",
    phrases: ["基本消除大班额", "大班额问题基本消除", "大班额基本消除", "基本消除义务教育大班额"],
    conditions: [
      { indicatorCode: "large-class-share", comparator: "<=", value: 5 },
      { indicatorCode: "extra-large-class-share", comparator: "<=", value: 2 },
    ],
    source: "standards §4 (S23) [C]",
  },
  {
    code: "extra-large-classes-basically-eliminated",
    phrases: ["基本消除超大班额", "超大班额基本消除"],
    conditions: [{ indicatorCode: "extra-large-class-share", comparator: "<=", value: 2 }],
    source: "standards §4 (S23) [C]",
  },
  {
    code: "large-classes-eliminated",
    phrases: ["全面消除大班额", "消除大班额", "化解大班额"],
    conditions: [{ indicatorCode: "large-class-share", comparator: "<=", value: 0 }],
    source: "standards §4 (S22) [C]",
  },
  {
    code: "extra-large-classes-eliminated",
    phrases: ["全面消除超大班额", "消除超大班额"],
    conditions: [{ indicatorCode: "extra-large-class-share", comparator: "<=", value: 0 }],
    source: "standards §4 (S22) [C]",
  },
];

/** The rule whose longest phrase occurs in `text`, or null. */
export function findQualitativeRule(
  text: string,
  rules: readonly QualitativeTargetRule[] = QUALITATIVE_TARGET_RULES,
): QualitativeTargetRule | null {
  let best: QualitativeTargetRule | null = null;
  let bestLength = 0;
  for (const rule of rules) {
    for (const p of rule.phrases) {
      if (p.length > bestLength && text.includes(p)) {
        best = rule;
        bestLength = p.length;
      }
    }
  }
  return best;
}

/** Assesses each condition of a rule due in `year`; the rule's status is the worst of them. */
export function assessQualitativeRule(
  rule: QualitativeTargetRule,
  year: number,
  seriesByIndicator: ReadonlyMap<string, readonly SeriesPoint[]>,
  options: TargetOptions = {},
): { status: TargetStatus; conditions: TargetAssessment[] } {
  const conditions = rule.conditions.map((c) =>
    assessTarget({ ...c, year }, seriesByIndicator.get(c.indicatorCode) ?? [], options),
  );
  return { status: worstStatus(conditions.map((c) => c.status)), conditions };
}

/** An indicator and the names documents use for it (same shape as the policy parser's metric table). */
export interface IndicatorSynonym {
  code: string;
  name: string;
  synonyms: readonly string[];
}

/**
 * Metric synonyms → indicator codes of {@link STANDARD_INDICATORS}. Pass it to the parser's `linkMetric`
 * (longest synonym wins, so 初中三年巩固率 beats 巩固率).
 */
export const INDICATOR_SYNONYMS: readonly IndicatorSynonym[] = [
  {
    code: "preschool-gross-enrolment-rate",
    name: "学前三年毛入园率",
    synonyms: ["学前教育毛入园率", "学前教育三年毛入园率", "学前三年入园率", "学前教育毛入学率", "毛入园率"],
  },
  {
    code: "inclusive-kindergarten-share",
    name: "普惠性幼儿园覆盖率",
    synonyms: [
      "普惠性幼儿园占比",
      "普惠园覆盖率",
      "普惠性幼儿园在园幼儿占比",
      "普惠性学前教育覆盖率",
      "普惠率",
    ],
  },
  {
    code: "public-kindergarten-share",
    name: "公办园在园幼儿占比",
    synonyms: ["公办幼儿园在园幼儿占比", "公办园在园幼儿比例", "公办园幼儿占比"],
  },
  {
    code: "kindergarten-child-teacher-ratio",
    name: "幼儿园专任教师与幼儿比",
    synonyms: ["专任教师与幼儿比", "幼儿园师幼比", "师幼比"],
  },
  {
    code: "kindergarten-certified-rate",
    name: "园长、专任教师持证上岗率",
    synonyms: ["园长和专任教师持证上岗率", "幼儿园教师持证上岗率"],
  },
  {
    code: "compulsory-retention-rate",
    name: "九年义务教育巩固率",
    synonyms: ["义务教育巩固率", "九年义务教育阶段巩固率", "巩固率"],
  },
  { code: "junior-retention-rate", name: "初中三年巩固率", synonyms: ["初中巩固率", "初中阶段巩固率"] },
  {
    code: "senior-gross-enrolment-rate",
    name: "高中阶段毛入学率",
    synonyms: ["高中阶段教育毛入学率", "高中教育毛入学率", "高中毛入学率"],
  },
  { code: "primary-gross-enrolment-rate", name: "小学毛入学率", synonyms: [] },
  { code: "junior-gross-enrolment-rate", name: "初中毛入学率", synonyms: [] },
  { code: "large-class-share", name: "大班额比例", synonyms: ["大班额占比", "56人以上大班额比例", "大班额"] },
  {
    code: "extra-large-class-share",
    name: "超大班额比例",
    synonyms: ["超大班额占比", "66人以上超大班额比例", "超大班额"],
  },
  { code: "compulsory-dropout-rate", name: "义务教育辍学率", synonyms: ["辍学率"] },
  { code: "student-teacher-ratio", name: "生师比", synonyms: ["师生比"] },
  { code: "student-teacher-ratio-primary", name: "小学生师比", synonyms: ["小学师生比"] },
  { code: "student-teacher-ratio-junior", name: "初中生师比", synonyms: ["初中师生比"] },
  { code: "student-teacher-ratio-senior", name: "普通高中生师比", synonyms: ["高中生师比", "高中师生比"] },
  { code: "students-per-computer", name: "生机比", synonyms: ["学生与计算机比", "学生人机比"] },
  {
    code: "teacher-qualification-rate",
    name: "专任教师学历合格率",
    synonyms: ["教师学历合格率", "学历合格率", "教师学历达标率", "学历达标率"],
  },
  {
    code: "teacher-qualification-rate-senior",
    name: "普通高中专任教师学历合格率",
    synonyms: ["普通高中教师学历合格率", "高中教师学历合格率"],
  },
  {
    code: "above-qualification-teacher-share-primary",
    name: "小学高于规定学历教师比例",
    synonyms: ["小学教师专科以上学历比例", "小学专任教师专科及以上学历比例"],
  },
  {
    code: "above-qualification-teacher-share-junior",
    name: "初中高于规定学历教师比例",
    synonyms: ["初中教师本科以上学历", "初中专任教师本科及以上学历比例"],
  },
  {
    code: "senior-postgraduate-teacher-share",
    name: "普通高中研究生学历教师比例",
    synonyms: ["高中教师研究生学历比率", "高中教师研究生学历比例"],
  },
  {
    code: "certified-teacher-rate",
    name: "专任教师持证上岗率",
    synonyms: ["教师持证上岗率", "持证上岗率", "教师资格证持证率"],
  },
  {
    code: "training-funding-share",
    name: "教师培训经费占公用经费比例",
    synonyms: ["教师培训经费占比", "培训经费占公用经费"],
  },
  {
    code: "above-qualification-teachers-per-100-primary",
    name: "小学每百名学生拥有高于规定学历教师数",
    synonyms: [],
  },
  {
    code: "above-qualification-teachers-per-100-junior",
    name: "初中每百名学生拥有高于规定学历教师数",
    synonyms: [],
  },
  {
    code: "teaching-area-per-pupil-compulsory",
    name: "义务教育生均教学及辅助用房面积",
    synonyms: ["生均教学及辅助用房面积"],
  },
  {
    code: "sports-area-per-pupil-compulsory",
    name: "义务教育生均体育运动场馆面积",
    synonyms: ["生均体育运动场馆面积"],
  },
  {
    code: "equipment-value-per-pupil-compulsory",
    name: "义务教育生均教学仪器设备值",
    synonyms: ["生均教学仪器设备值"],
  },
  {
    code: "multimedia-classrooms-per-100-compulsory",
    name: "义务教育每百名学生拥有网络多媒体教室数",
    synonyms: ["每百名学生拥有网络多媒体教室数"],
  },
];
