/**
 * 参考标准 for the indicator dashboard: the national values docs/standards.md sets for catalogue
 * indicators, and the dashboard area (学前 / 义务教育 / 高中 / 教师 / 办学条件) each indicator is shown
 * under. Values are in the indicator's own unit (85 for 85%, 15 for 1:15). "area" references judge a
 * county's or 乡镇's value; "school" references judge each school (优质均衡 §1.1a) and are drawn on the
 * distribution of schools. Plan targets, where a plan sets one, take precedence over these on the cards.
 */

import { DASHBOARD_AREAS } from "@luoshi/common";

/** Which units a reference judges: the area's aggregate value, or every school. */
export type ReferenceScope = "area" | "school";

/** One reference value of an indicator. */
export interface IndicatorReference {
  scope: ReferenceScope;
  comparator: ">=" | "<=";
  value: number;
  /** Short Chinese label for charts and cards, e.g. "国家标准" or "小学标准". */
  label: string;
  /** Where the number comes from in the spec, with its status tag. */
  source: string;
}

/** Dashboard groups, in display order. */
export { DASHBOARD_AREAS };

/** One dashboard group. */
export type DashboardArea = (typeof DASHBOARD_AREAS)[number];

/** Chinese labels of {@link DashboardArea}. */
export const DASHBOARD_AREA_LABELS: Readonly<Record<DashboardArea, string>> = {
  preschool: "学前教育",
  compulsory: "义务教育",
  senior: "高中阶段教育",
  teachers: "教师队伍",
  conditions: "办学条件",
  other: "其他指标",
};

const area = (comparator: ">=" | "<=", value: number, source: string): IndicatorReference => ({
  scope: "area",
  comparator,
  value,
  label: "国家标准",
  source,
});

/** Per-school thresholds of the seven 资源配置 indicators (小学 / 初中), standards §1.1a [C]. */
const perSchool = (level: "小学" | "初中", value: number, item: number): IndicatorReference => ({
  scope: "school",
  comparator: ">=",
  value,
  label: `${level}标准`,
  source: `standards §1.1a #${String(item)}（教督〔2017〕6号 第六条）[C]`,
});

/** Reference values by indicator code. */
export const INDICATOR_REFERENCES: Readonly<Record<string, readonly IndicatorReference[]>> = {
  "preschool-gross-enrolment-rate": [area(">=", 85, "standards §2 #1（学前普及普惠）[C]")],
  "inclusive-kindergarten-share": [area(">=", 80, "standards §2 #2（学前普及普惠）[C]")],
  "public-kindergarten-share": [area(">=", 50, "standards §2 #3（学前普及普惠）[C]")],
  "kindergarten-child-teacher-ratio": [area("<=", 15, "standards §2 #8（专任教师与幼儿比 ≤ 1:15）[C]")],
  "kindergarten-certified-rate": [area(">=", 100, "standards §2 #9（持证上岗率 100%）[S]")],
  "junior-retention-rate": [area(">=", 95, "standards §1.1d #1（初中三年巩固率 95% 以上）[C]")],
  "large-class-share": [area("<=", 5, "standards §4（大班额 2020 年底前 ≤ 5%）[C]")],
  "extra-large-class-share": [area("<=", 2, "standards §4（超大班额 2018 年底前 ≤ 2%）[C]")],
  "certified-teacher-rate": [area(">=", 100, "standards §1.1c #12（持证上岗率 100%）[S]")],
  "training-funding-share": [
    area(">=", 5, "standards §1.1d #4（培训经费 ≥ 公用经费 5%）[C]"),
    {
      scope: "school",
      comparator: ">=",
      value: 5,
      label: "每校标准",
      source: "standards §1.1d #4（全县所有学校）[C]",
    },
  ],
  "above-qualification-teachers-per-100-primary": [perSchool("小学", 4.2, 1)],
  "above-qualification-teachers-per-100-junior": [perSchool("初中", 5.3, 1)],
  "backbone-teachers-per-100-primary": [perSchool("小学", 1, 2)],
  "backbone-teachers-per-100-junior": [perSchool("初中", 1, 2)],
  "pe-art-teachers-per-100-primary": [perSchool("小学", 0.9, 3)],
  "pe-art-teachers-per-100-junior": [perSchool("初中", 0.9, 3)],
  "teaching-area-per-pupil-compulsory": [perSchool("小学", 4.5, 4), perSchool("初中", 5.8, 4)],
  "sports-area-per-pupil-compulsory": [perSchool("小学", 7.5, 5), perSchool("初中", 10.2, 5)],
  "equipment-value-per-pupil-compulsory": [perSchool("小学", 2000, 6), perSchool("初中", 2500, 6)],
  "multimedia-classrooms-per-100-compulsory": [perSchool("小学", 2.3, 7), perSchool("初中", 2.4, 7)],
};

/** The reference values of an indicator (none for most user-defined ones). */
export function referencesFor(code: string): readonly IndicatorReference[] {
  return INDICATOR_REFERENCES[code] ?? [];
}

/** True when `value` meets the reference (以上/以下 include the number, standards §1.1a). */
export function meetsReference(
  reference: Pick<IndicatorReference, "comparator" | "value">,
  value: number,
): boolean {
  return reference.comparator === ">=" ? value >= reference.value : value <= reference.value;
}

const AREA_BY_CODE: Readonly<Record<string, DashboardArea>> = {
  "preschool-gross-enrolment-rate": "preschool",
  "inclusive-kindergarten-share": "preschool",
  "public-kindergarten-share": "preschool",
  "kindergarten-child-teacher-ratio": "preschool",
  "kindergarten-certified-rate": "preschool",
  "compulsory-retention-rate": "compulsory",
  "junior-retention-rate": "compulsory",
  "primary-gross-enrolment-rate": "compulsory",
  "junior-gross-enrolment-rate": "compulsory",
  "large-class-share": "compulsory",
  "extra-large-class-share": "compulsory",
  "compulsory-dropout-rate": "compulsory",
  "senior-gross-enrolment-rate": "senior",
  "senior-postgraduate-teacher-share": "senior",
  "student-teacher-ratio": "teachers",
  "teacher-qualification-rate": "teachers",
  "certified-teacher-rate": "teachers",
  "training-funding-share": "teachers",
  "students-per-computer": "conditions",
  "teaching-area-per-pupil-compulsory": "conditions",
  "sports-area-per-pupil-compulsory": "conditions",
  "equipment-value-per-pupil-compulsory": "conditions",
  "multimedia-classrooms-per-100-compulsory": "conditions",
};

/**
 * The dashboard group of an indicator: listed codes first, then by pattern (…-preschool → 学前,
 * …-senior → 高中, teacher figures of 小学/初中 → 教师), else 其他 (user-defined indicators).
 */
export function indicatorArea(code: string): DashboardArea {
  const listed = AREA_BY_CODE[code];
  if (listed !== undefined) {
    return listed;
  }
  if (code.endsWith("-preschool")) {
    return "preschool";
  }
  if (code.endsWith("-senior")) {
    return "senior";
  }
  if (/teacher/.test(code)) {
    return "teachers";
  }
  return "other";
}
