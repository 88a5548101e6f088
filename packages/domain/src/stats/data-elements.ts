/**
 * 数据元素 (data elements): the flat, named catalogue of every figure a school-year record of 教育事业统计
 * 基层表 carries — `pupils.primary.g1`, `teachers.fullTime.junior`, `area.teachingAux` … The indicator
 * language refers to elements by code; the import templates map Chinese column headers to them.
 */
import { SCHOOL_TYPES, type SchoolType } from "../org/org-unit.ts";
import {
  BANDED_LEVELS,
  CLASS_SIZE_BANDS,
  EDU_LEVEL_LABELS,
  FINE_CLASS_SIZE_BANDS,
  EDU_LEVELS,
  GRADE_LABELS,
  schoolTypesWithLevel,
  type EduLevel,
} from "./levels.ts";

/** 表 (template sheet) an element is collected on. */
export const STATS_SHEETS = ["basic", "pupils", "teachers", "conditions", "funding", "population"] as const;
/** One of {@link STATS_SHEETS}. */
export type StatsSheet = (typeof STATS_SHEETS)[number];

/** Chinese sheet names of the import templates. */
export const STATS_SHEET_LABELS: Readonly<Record<StatsSheet, string>> = {
  basic: "学校基本情况",
  pupils: "学生",
  teachers: "教师",
  conditions: "办学条件",
  funding: "经费",
  population: "人口",
};

/** What an element measures; `size` (班额) is not additive across schools. */
export type ElementKind = "count" | "area" | "money" | "size";

/** One data element (数据元素). */
export interface DataElement {
  /** Dotted code used by the indicator language: `teachers.fullTime.junior`. */
  code: string;
  /** Chinese label, also the import column header: 初中专任教师数. */
  label: string;
  /** 人, 个, 间, 台, 册, 平方米, 元. */
  unit: string;
  kind: ElementKind;
  /** Collected per school, or per area (乡镇 population). */
  scope: "school" | "area";
  sheet: StatsSheet;
  /** 办学类型 that carry it (empty for area elements). */
  schoolTypes: readonly SchoolType[];
  /** 学段, for per-level elements. */
  level?: EduLevel;
  /** Summed over schools when aggregating (false for 最大班额). */
  isAdditive: boolean;
  /** A derived element is the sum of these base elements, never collected itself. */
  sumOf?: readonly string[];
  /**
   * A computed element is worked out per school row from these base elements and the school type by
   * a rule of the evaluation (the 义务教育 part of a school), never collected itself.
   */
  computedFrom?: readonly string[];
}

/** Highest qualification (学历) bands of 专任教师, 基层表 style: 高中及以下 = highSchool + belowHighSchool. */
export const QUALIFICATIONS = [
  { key: "postgraduate", label: "研究生" },
  { key: "bachelor", label: "本科" },
  { key: "associate", label: "专科" },
  { key: "highSchool", label: "高中阶段" },
  { key: "belowHighSchool", label: "高中阶段以下" },
] as const;
/** Key of a qualification band. */
export type QualificationKey = (typeof QUALIFICATIONS)[number]["key"];

/** 任教学科 counted per level (体育、音乐、美术 feed spec §1.1a #3). */
export const SUBJECTS = [
  { key: "pe", label: "体育" },
  { key: "music", label: "音乐" },
  { key: "art", label: "美术" },
  { key: "chinese", label: "语文" },
  { key: "math", label: "数学" },
  { key: "english", label: "外语" },
  { key: "science", label: "科学" },
  { key: "it", label: "信息技术" },
] as const;
/** Levels for which teachers are counted by subject. */
export const SUBJECT_LEVELS = ["primary", "junior", "senior"] as const satisfies readonly EduLevel[];

/** Population single years of age collected per 乡镇 (0–17 covers every 毛入学率 denominator). */
export const POPULATION_AGES: readonly number[] = Array.from({ length: 18 }, (_, i) => i);

const ALL_TYPES: readonly SchoolType[] = SCHOOL_TYPES;

/**
 * Facility totals whose 义务教育 part has an element of its own (`compulsory.area.teachingAux` …): the
 * school's total times its 义务教育 share.
 */
const COMPULSORY_FACILITIES: readonly (readonly [string, string, string, ElementKind])[] = [
  ["area.teachingAux", "教学及辅助用房面积", "平方米", "area"],
  ["area.gym", "体育馆面积", "平方米", "area"],
  ["area.sportsGround", "运动场地面积", "平方米", "area"],
  ["equipment.value", "教学仪器设备资产值", "元", "money"],
  ["classrooms.multimedia", "网络多媒体教室数", "间", "count"],
];

/** Builds the catalogue; called once at module load. */
function buildElements(): DataElement[] {
  const out: DataElement[] = [];
  const school = (
    code: string,
    label: string,
    sheet: StatsSheet,
    types: readonly SchoolType[],
    extra: Partial<DataElement> = {},
  ): void => {
    out.push({
      code,
      label,
      unit: "人",
      kind: "count",
      scope: "school",
      sheet,
      schoolTypes: types,
      isAdditive: true,
      ...extra,
    });
  };
  const derived = (
    code: string,
    label: string,
    sumOf: readonly string[],
    sheet: StatsSheet,
    unit = "人",
  ): void => {
    const types = new Set(sumOf.flatMap((c) => out.find((e) => e.code === c)?.schoolTypes ?? []));
    const scope = sumOf.some((c) => c.startsWith("population.")) ? "area" : "school";
    out.push({
      code,
      label,
      unit,
      kind: "count",
      scope,
      sheet,
      schoolTypes: ALL_TYPES.filter((t) => types.has(t)),
      isAdditive: true,
      sumOf,
    });
  };

  // 学生: 在校生 by grade and sex.
  for (const level of EDU_LEVELS) {
    const types = schoolTypesWithLevel(level);
    const L = EDU_LEVEL_LABELS[level];
    const noun = level === "preschool" ? "在园幼儿数" : "在校生数";
    school(`pupils.${level}`, `${L}${noun}`, "pupils", types, { level });
    school(`pupils.${level}.female`, `${L}${noun}（女）`, "pupils", types, { level });
    GRADE_LABELS[level].forEach((g, i) => {
      school(`pupils.${level}.g${i + 1}`, `${L}${g}${noun}`, "pupils", types, { level });
      school(`pupils.${level}.g${i + 1}.female`, `${L}${g}${noun}（女）`, "pupils", types, { level });
    });
  }
  // 班数 and 班额 bands.
  for (const level of EDU_LEVELS) {
    const types = schoolTypesWithLevel(level);
    const L = EDU_LEVEL_LABELS[level];
    school(`classes.${level}`, `${L}班数`, "pupils", types, { level, unit: "个" });
    if ((BANDED_LEVELS as readonly EduLevel[]).includes(level)) {
      for (const b of CLASS_SIZE_BANDS) {
        school(`classes.${level}.${b.key}`, `${L}${b.label}班数`, "pupils", types, { level, unit: "个" });
      }
      for (const b of FINE_CLASS_SIZE_BANDS) {
        school(`classes.${level}.${b.key}`, `${L}${b.label}班数`, "pupils", types, { level, unit: "个" });
      }
      school(`classes.${level}.maxSize`, `${L}最大班额`, "pupils", types, {
        level,
        kind: "size",
        isAdditive: false,
      });
    }
  }
  // 学生变动: 招生、毕业、转入、转出、辍学.
  for (const level of EDU_LEVELS) {
    const types = schoolTypesWithLevel(level);
    const L = EDU_LEVEL_LABELS[level];
    const pre = level === "preschool";
    school(`entrants.${level}`, `${L}${pre ? "入园" : "招生"}数`, "pupils", types, { level });
    school(`graduates.${level}`, `${L}${pre ? "离园" : "毕业生"}数`, "pupils", types, { level });
    school(`transfersIn.${level}`, `${L}转入学生数`, "pupils", types, { level });
    school(`transfersOut.${level}`, `${L}转出学生数`, "pupils", types, { level });
    if (!pre) {
      school(`dropouts.${level}`, `${L}辍学学生数`, "pupils", types, { level });
    }
  }
  // 巩固率 cohorts: the graduating 九年级's transfers since it entered 一年级 (9-year) or 七年级 (3-year).
  const juniorTypes = schoolTypesWithLevel("junior");
  school("cohort.compulsory.transfersIn", "九年级毕业生九年内累计转入数", "pupils", juniorTypes, {
    level: "junior",
  });
  school("cohort.compulsory.transfersOut", "九年级毕业生九年内累计转出数", "pupils", juniorTypes, {
    level: "junior",
  });
  school("cohort.junior.transfersIn", "九年级毕业生初中三年累计转入数", "pupils", juniorTypes, {
    level: "junior",
  });
  school("cohort.junior.transfersOut", "九年级毕业生初中三年累计转出数", "pupils", juniorTypes, {
    level: "junior",
  });

  // 教职工 and 专任教师.
  school("staff.total", "教职工数", "basic", ALL_TYPES);
  school("principals", "校（园）长数", "basic", ALL_TYPES);
  school("principals.certified", "持证校（园）长数", "basic", ALL_TYPES);
  for (const level of EDU_LEVELS) {
    const types = schoolTypesWithLevel(level);
    const L = EDU_LEVEL_LABELS[level];
    school(`teachers.fullTime.${level}`, `${L}专任教师数`, "teachers", types, { level });
    for (const q of QUALIFICATIONS) {
      school(`teachers.${q.key}.${level}`, `${L}专任教师${q.label}学历`, "teachers", types, { level });
    }
    school(`teachers.certified.${level}`, `${L}持有教师资格证专任教师数`, "teachers", types, { level });
    if (level !== "vocational" && level !== "special") {
      school(`teachers.backbone.${level}`, `${L}县级以上骨干教师数`, "teachers", types, { level });
    }
    if ((SUBJECT_LEVELS as readonly EduLevel[]).includes(level)) {
      for (const s of SUBJECTS) {
        school(`teachers.${s.key}.${level}`, `${L}${s.label}专任教师数`, "teachers", types, { level });
      }
    }
  }
  // 办学条件.
  const cond = (code: string, label: string, unit: string, kind: ElementKind, types = ALL_TYPES): void => {
    school(code, label, "conditions", types, { unit, kind });
  };
  cond("area.building", "校舍建筑面积", "平方米", "area");
  cond("area.teachingAux", "教学及辅助用房面积", "平方米", "area");
  cond("area.gym", "体育馆面积", "平方米", "area");
  cond("area.sportsGround", "运动场地面积", "平方米", "area");
  cond("equipment.value", "教学仪器设备资产值", "元", "money");
  cond("computers.pupil", "学生用计算机台数", "台", "count");
  cond("classrooms.multimedia", "网络多媒体教室数", "间", "count");
  cond("rooms.music", "音乐专用教室数", "间", "count");
  cond("area.musicRooms", "音乐专用教室面积", "平方米", "area");
  cond("rooms.art", "美术专用教室数", "间", "count");
  cond("area.artRooms", "美术专用教室面积", "平方米", "area");
  cond("books", "图书册数", "册", "count");
  cond("area.kgActivity", "幼儿活动用房面积", "平方米", "area", ["kindergarten"]);
  cond("area.kgOutdoor", "室外游戏场地面积", "平方米", "area", ["kindergarten"]);
  // 经费.
  school("funding.publicBudget", "公用经费预算总额", "funding", ALL_TYPES, { unit: "元", kind: "money" });
  school("funding.training", "教师培训经费", "funding", ALL_TYPES, { unit: "元", kind: "money" });
  // 人口 by single year of age (per 乡镇).
  for (const age of POPULATION_AGES) {
    out.push({
      code: `population.age${age}`,
      label: `${age}岁人口`,
      unit: "人",
      kind: "count",
      scope: "area",
      sheet: "population",
      schoolTypes: [],
      isAdditive: true,
    });
  }

  // Derived totals (never collected; the sum of their parts).
  const ofLevels = (f: (l: EduLevel) => string, levels: readonly EduLevel[] = EDU_LEVELS): string[] =>
    levels.map(f).filter((c) => out.some((e) => e.code === c));
  derived(
    "pupils.total",
    "在校生总数",
    ofLevels((l) => `pupils.${l}`),
    "pupils",
  );
  derived("pupils.compulsory", "义务教育在校生数", ["pupils.primary", "pupils.junior"], "pupils");
  derived("pupils.k12", "中小学在校生数", ["pupils.primary", "pupils.junior", "pupils.senior"], "pupils");
  derived("pupils.seniorStage", "高中阶段在校生数", ["pupils.senior", "pupils.vocational"], "pupils");
  derived("classes.compulsory", "义务教育班数", ["classes.primary", "classes.junior"], "pupils", "个");
  // The 义务教育 part of a school as the evaluation splits it (evaluation/compulsory-part.ts): its
  // pupils counted and its share of each facility total, for the 义务教育生均 indicators.
  const pupilsByLevel = ["pupils.primary", "pupils.junior", "pupils.senior"];
  const compulsoryTypes = ALL_TYPES.filter((t) =>
    ["primary", "teachingPoint", "junior", "nineYear", "twelveYear", "completeSecondary"].includes(t),
  );
  school("compulsory.pupils", "计入义务教育生均指标的在校生数", "pupils", compulsoryTypes, {
    computedFrom: pupilsByLevel,
  });
  for (const [code, label, unit, kind] of COMPULSORY_FACILITIES) {
    school(`compulsory.${code}`, `义务教育部分${label}`, "conditions", compulsoryTypes, {
      unit,
      kind,
      computedFrom: [code, ...pupilsByLevel],
    });
  }
  for (const b of CLASS_SIZE_BANDS) {
    derived(
      `classes.compulsory.${b.key}`,
      `义务教育${b.label}班数`,
      [`classes.primary.${b.key}`, `classes.junior.${b.key}`],
      "pupils",
      "个",
    );
  }
  derived(
    "teachers.fullTime",
    "专任教师总数",
    ofLevels((l) => `teachers.fullTime.${l}`),
    "teachers",
  );
  for (const key of ["certified", "backbone", ...QUALIFICATIONS.map((q) => q.key)]) {
    derived(
      `teachers.${key}`,
      `专任教师${key}合计`,
      ofLevels((l) => `teachers.${key}.${l}`),
      "teachers",
    );
  }
  for (const s of SUBJECTS) {
    derived(
      `teachers.${s.key}`,
      `${s.label}专任教师数`,
      ofLevels((l) => `teachers.${s.key}.${l}`, SUBJECT_LEVELS),
      "teachers",
    );
  }
  const ages = (from: number, to: number): string[] =>
    POPULATION_AGES.filter((a) => a >= from && a <= to).map((a) => `population.age${a}`);
  derived("population.age3to5", "3-5岁人口", ages(3, 5), "population");
  derived("population.age6to11", "6-11岁人口", ages(6, 11), "population");
  derived("population.age12to14", "12-14岁人口", ages(12, 14), "population");
  derived("population.age15to17", "15-17岁人口", ages(15, 17), "population");
  return out;
}

/** Chinese labels of the derived teacher totals (the builder names them by key first). */
const DERIVED_TEACHER_LABELS: Readonly<Record<string, string>> = {
  "teachers.certified": "持有教师资格证专任教师数",
  "teachers.backbone": "县级以上骨干教师数",
  ...Object.fromEntries(QUALIFICATIONS.map((q) => [`teachers.${q.key}`, `专任教师${q.label}学历合计`])),
};

/** Every data element, base ones first, then derived totals. */
export const DATA_ELEMENTS: readonly DataElement[] = buildElements().map((e) => {
  const label = DERIVED_TEACHER_LABELS[e.code];
  return label === undefined ? e : { ...e, label };
});

/** Elements by code. */
export const DATA_ELEMENT_INDEX: ReadonlyMap<string, DataElement> = new Map(
  DATA_ELEMENTS.map((e) => [e.code, e]),
);

/** The element with this code, or undefined. */
export function findDataElement(code: string): DataElement | undefined {
  return DATA_ELEMENT_INDEX.get(code);
}

/** True for an element that is collected (not a derived total, not computed). */
export function isBaseElement(e: DataElement): boolean {
  return e.sumOf === undefined && e.computedFrom === undefined;
}

/** Base elements collected on a template sheet, in catalogue order. */
export function elementsOfSheet(sheet: StatsSheet): DataElement[] {
  return DATA_ELEMENTS.filter((e) => e.sheet === sheet && isBaseElement(e));
}

/** Whether a school of `type` may report `element` (area elements belong to no school). */
export function isElementForSchoolType(element: DataElement, type: SchoolType): boolean {
  return element.schoolTypes.includes(type);
}
