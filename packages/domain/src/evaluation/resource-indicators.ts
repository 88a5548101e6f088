/**
 * The 7 资源配置 indicators of 《县域义务教育优质均衡发展督导评估办法》 第六条 (spec §1.1a) and the school
 * data they are computed from. Plain data: thresholds live in rule sets (rule-set.ts), not here.
 */
import { RESOURCE_INDICATOR_KEYS, RESOURCE_LEVELS as LEVELS } from "@luoshi/common";
import type { SchoolType } from "../org/index.ts";

/** 学段 evaluated by the resource part: 小学 and 初中 (spec §1.1a). */
export { LEVELS };
/** 学段: `primary` 小学, `junior` 初中. */
export type Level = (typeof LEVELS)[number];
/** Chinese labels for {@link Level}. */
export const LEVEL_LABELS: Record<Level, string> = { primary: "小学", junior: "初中" };

/** The 7 indicators in the order of spec §1.1a (the order of every array in reports and JSON). */
export { RESOURCE_INDICATOR_KEYS };
/** Key of one 资源配置 indicator (spec §1.1a). */
export type ResourceIndicatorKey = (typeof RESOURCE_INDICATOR_KEYS)[number];
/** One value per indicator; keyed so that `map[key]` is always defined. */
export type IndicatorMap<T> = Record<ResourceIndicatorKey, T>;

/** Where an indicator's raw quantity Rᵢₖ comes from: counted per 学段, or a school total split by weights. */
export type QuantitySource = "perLevel" | "splitFacility";

/** Catalogue entry of one 资源配置 indicator (spec §1.1a). */
export interface ResourceIndicatorDefinition {
  key: ResourceIndicatorKey;
  /** 1-based number in spec §1.1a. */
  number: number;
  /** Official name (指标名称). */
  name: string;
  /** Raw quantity's name (分子), e.g. 高于规定学历教师数. */
  quantityName: string;
  /** mₖ: 100 for 每百名学生…, 1 for 生均…. */
  multiplier: number;
  /** Unit of the indicator value (人, 平方米, 元, 间). */
  unit: string;
  /** Planning unit in which additions are proposed (名教师, 平方米 …). */
  planUnit: string;
  /** Whether additions must be whole numbers (teachers, classrooms). */
  isCountable: boolean;
  source: QuantitySource;
}

/** The catalogue of spec §1.1a, in order. */
export const RESOURCE_INDICATORS: Record<ResourceIndicatorKey, ResourceIndicatorDefinition> = {
  qualifiedTeachers: {
    key: "qualifiedTeachers",
    number: 1,
    name: "每百名学生拥有高于规定学历教师数",
    quantityName: "高于规定学历教师数",
    multiplier: 100,
    unit: "人",
    planUnit: "名高于规定学历教师",
    isCountable: true,
    source: "perLevel",
  },
  backboneTeachers: {
    key: "backboneTeachers",
    number: 2,
    name: "每百名学生拥有县级以上骨干教师数",
    quantityName: "县级以上骨干教师数",
    multiplier: 100,
    unit: "人",
    planUnit: "名骨干教师",
    isCountable: true,
    source: "perLevel",
  },
  peArtTeachers: {
    key: "peArtTeachers",
    number: 3,
    name: "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
    quantityName: "体育、艺术专任教师数",
    multiplier: 100,
    unit: "人",
    planUnit: "名体育艺术专任教师",
    isCountable: true,
    source: "perLevel",
  },
  teachingFloorArea: {
    key: "teachingFloorArea",
    number: 4,
    name: "生均教学及辅助用房面积",
    quantityName: "教学及辅助用房面积",
    multiplier: 1,
    unit: "平方米",
    planUnit: "平方米教学及辅助用房",
    isCountable: false,
    source: "splitFacility",
  },
  sportsArea: {
    key: "sportsArea",
    number: 5,
    name: "生均体育运动场馆面积",
    quantityName: "体育运动场馆面积",
    multiplier: 1,
    unit: "平方米",
    planUnit: "平方米体育运动场馆",
    isCountable: false,
    source: "splitFacility",
  },
  equipmentValue: {
    key: "equipmentValue",
    number: 6,
    name: "生均教学仪器设备值",
    quantityName: "教学仪器设备值",
    multiplier: 1,
    unit: "元",
    planUnit: "元教学仪器设备",
    isCountable: false,
    source: "splitFacility",
  },
  multimediaClassrooms: {
    key: "multimediaClassrooms",
    number: 7,
    name: "每百名学生拥有网络多媒体教室数",
    quantityName: "网络多媒体教室数",
    multiplier: 100,
    unit: "间",
    planUnit: "间网络多媒体教室",
    isCountable: true,
    source: "splitFacility",
  },
};

/** A count per 学段, e.g. 高于规定学历教师数 of the 小学部 and the 初中部. */
export interface LevelCounts {
  primary: number;
  junior: number;
}

/** Teacher indicators (#1–#3): counted per 学段 in 事业统计. */
export type TeacherIndicatorKey = "qualifiedTeachers" | "backboneTeachers" | "peArtTeachers";
/** Facility indicators (#4–#7): one school total, split between 学段 of combined schools (spec §1.1b). */
export type FacilityIndicatorKey = Exclude<ResourceIndicatorKey, TeacherIndicatorKey>;

/** True for the facility indicators #4–#7. */
export function isFacilityIndicator(key: ResourceIndicatorKey): key is FacilityIndicatorKey {
  return RESOURCE_INDICATORS[key].source === "splitFacility";
}

/**
 * One school's raw figures for the resource part (one row of the balance CSV, spec §1.1a). Field names
 * equal indicator keys so that plans and scenarios can address them directly.
 */
export interface BalanceSchool {
  /** 学校标识码. */
  code: string;
  /** 学校名称. */
  name: string;
  /** 办学类型. */
  schoolType: SchoolType;
  /** 教学点: the 中心校/完小 it belongs to (used by the `merge-into-parent` policy). */
  parentCode?: string;
  /** 在校生数 per 学段 (高中 only matters for splitting facilities). */
  students: { primary: number; junior: number; senior: number };
  /** 高于规定学历教师数 (小学 专科及以上, 初中 本科及以上; spec §1.1a, §6.1). */
  qualifiedTeachers: LevelCounts;
  /** 县级以上骨干教师数. */
  backboneTeachers: LevelCounts;
  /** 体育、艺术（美术、音乐）专任教师数. */
  peArtTeachers: LevelCounts;
  /** 教学及辅助用房面积 (m², whole school). */
  teachingFloorArea: number;
  /** 体育运动场馆面积 (m², whole school). */
  sportsArea: number;
  /** 教学仪器设备值 (元, whole school). */
  equipmentValue: number;
  /** 网络多媒体教室数 (间, whole school). */
  multimediaClassrooms: number;
}

/** Builds an {@link IndicatorMap} by calling `f` for each indicator in order. */
export function mapIndicators<T>(f: (key: ResourceIndicatorKey) => T): IndicatorMap<T> {
  return {
    qualifiedTeachers: f("qualifiedTeachers"),
    backboneTeachers: f("backboneTeachers"),
    peArtTeachers: f("peArtTeachers"),
    teachingFloorArea: f("teachingFloorArea"),
    sportsArea: f("sportsArea"),
    equipmentValue: f("equipmentValue"),
    multimediaClassrooms: f("multimediaClassrooms"),
  };
}

/** The values of an {@link IndicatorMap} in the order of spec §1.1a. */
export function indicatorArray<T>(map: IndicatorMap<T>): T[] {
  return RESOURCE_INDICATOR_KEYS.map((k) => map[k]);
}
