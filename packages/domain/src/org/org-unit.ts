/**
 * The organisation model: areas (行政区划), schools (学校) and responsible units that are not schools
 * (责任单位: 教育局 and its offices, 财政局 …). Identifiers follow docs/glossary.md.
 */
import { ORG_KINDS, OWNERSHIPS, SCHOOL_TYPES, URBAN_RURAL } from "@luoshi/common";

/** 组织类型. Areas nest province → city → county → township; schools and departments hang below. */
export { ORG_KINDS };
export type OrgKind = (typeof ORG_KINDS)[number];

/** Chinese labels for {@link OrgKind}. */
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  province: "省",
  city: "市",
  county: "县（区）",
  township: "乡镇（街道）",
  school: "学校",
  department: "部门",
};

/** 办学类型 as the national education statistics name them. */
export { SCHOOL_TYPES };
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** 办学类型 labels, exactly as 教育事业统计 prints them. */
export const SCHOOL_TYPE_LABELS: Record<SchoolType, string> = {
  kindergarten: "幼儿园",
  primary: "小学",
  teachingPoint: "小学教学点",
  junior: "初级中学",
  nineYear: "九年一贯制学校",
  twelveYear: "十二年一贯制学校",
  completeSecondary: "完全中学",
  senior: "高级中学",
  special: "特殊教育学校",
  vocational: "中等职业学校",
};

/** 办学性质. */
export { OWNERSHIPS };
export type Ownership = (typeof OWNERSHIPS)[number];
export const OWNERSHIP_LABELS: Record<Ownership, string> = { public: "公办", private: "民办" };

/** 城乡分类 (statistics' 城区 / 镇区 / 乡村). */
export { URBAN_RURAL };
export type UrbanRural = (typeof URBAN_RURAL)[number];
export const URBAN_RURAL_LABELS: Record<UrbanRural, string> = { urban: "城区", town: "镇区", rural: "乡村" };

/** School attributes; present only on units of kind `school`. */
export interface SchoolAttributes {
  schoolType: SchoolType;
  ownership: Ownership;
  /** 普惠性 — meaningful for kindergartens (公办园 count as 普惠 too). */
  isInclusive: boolean;
  urbanRural: UrbanRural;
  /** 教学点 belong to a 中心校/完小: the parent school's code. */
  parentSchoolCode?: string;
}

/**
 * One org unit as plain data. `code` is the 6/9/12-digit 行政区划代码 for areas, the 10-digit 学校标识码
 * for schools, and a unit's own code (e.g. 统一社会信用代码 or a local key) for departments.
 */
export interface OrgUnitSeed {
  code: string;
  name: string;
  kind: OrgKind;
  /** The enclosing unit's code; absent only for the root. */
  parentCode?: string;
  /** Other names documents use for it (区教育局, 崆峒区教育局 …), for matching parsed units. */
  aliases?: string[];
  school?: SchoolAttributes;
}

const AREA_CODE = /^(\d{6}|\d{9}|\d{12})$/;
const SCHOOL_CODE = /^\d{10}$/;

/** Checks a unit's code against its kind; returns a Chinese message, or null when it is valid. */
export function checkOrgCode(kind: OrgKind, code: string): string | null {
  if (kind === "school") {
    return SCHOOL_CODE.test(code) ? null : "学校标识码应为 10 位数字";
  }
  if (kind === "department") {
    return /^[0-9A-Za-z-]{2,32}$/.test(code) ? null : "部门代码应为 2–32 位字母、数字或连字符";
  }
  return AREA_CODE.test(code) ? null : "行政区划代码应为 6、9 或 12 位数字";
}

/** Which kinds may sit directly below which. */
export const ALLOWED_CHILDREN: Record<OrgKind, readonly OrgKind[]> = {
  province: ["city", "department"],
  city: ["county", "department", "school"],
  county: ["township", "department", "school"],
  township: ["school", "department"],
  school: [],
  department: ["department"],
};
