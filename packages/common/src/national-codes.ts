/**
 * The national codes a 教育事业统计 school list carries (docs/unit-registry.md), here so that the
 * contracts can accept them wherever a type is given and the domain reads them the same way:
 * 办学类型 after 教育部《教育管理信息 教育管理基础代码》(JY/T 1001) and 城乡分类 after 国家统计局
 * 《统计用区划代码和城乡划分代码》, each mapped to luoshi's own vocabulary.
 */
import { type OWNERSHIPS, SCHOOL_TYPES, URBAN_RURAL } from "./vocabulary.ts";

type SchoolType = (typeof SCHOOL_TYPES)[number];
type UrbanRural = (typeof URBAN_RURAL)[number];
type Ownership = (typeof OWNERSHIPS)[number];
const SCHOOL_TYPES_LIST: readonly SchoolType[] = SCHOOL_TYPES;
const URBAN_RURAL_LIST: readonly UrbanRural[] = URBAN_RURAL;

/** One 办学类型 code: the school type luoshi keeps, or null for a 附设班 (not a unit of its own). */
export interface SchoolTypeCode {
  code: string;
  name: string;
  schoolType: SchoolType | null;
}

/** 办学类型代码 (JY/T 1001) that a county's school list uses. */
export const SCHOOL_TYPE_CODES: readonly SchoolTypeCode[] = [
  { code: "111", name: "幼儿园", schoolType: "kindergarten" },
  { code: "112", name: "附设幼儿班", schoolType: null },
  { code: "211", name: "小学", schoolType: "primary" },
  { code: "218", name: "小学教学点", schoolType: "teachingPoint" },
  { code: "219", name: "附设小学班", schoolType: null },
  { code: "311", name: "初级中学", schoolType: "junior" },
  { code: "312", name: "九年一贯制学校", schoolType: "nineYear" },
  { code: "319", name: "附设普通初中班", schoolType: null },
  { code: "341", name: "完全中学", schoolType: "completeSecondary" },
  { code: "342", name: "高级中学", schoolType: "senior" },
  { code: "345", name: "十二年一贯制学校", schoolType: "twelveYear" },
  { code: "349", name: "附设普通高中班", schoolType: null },
  { code: "361", name: "中等技术学校", schoolType: "vocational" },
  { code: "362", name: "中等师范学校", schoolType: "vocational" },
  { code: "364", name: "职业高中学校", schoolType: "vocational" },
  { code: "365", name: "技工学校", schoolType: "vocational" },
  { code: "366", name: "附设中职班", schoolType: null },
  { code: "368", name: "其他中职机构", schoolType: "vocational" },
  { code: "511", name: "盲人学校", schoolType: "special" },
  { code: "512", name: "聋人学校", schoolType: "special" },
  { code: "513", name: "培智学校", schoolType: "special" },
  { code: "514", name: "其他特教学校", schoolType: "special" },
  { code: "515", name: "附设特教班", schoolType: null },
];

const squash = (s: string): string => s.replace(/[\s\u3000]/g, "");

/**
 * Finds a 办学类型 by its code ("211"), its exact name ("小学") or both ("211 小学", "211小学"); undefined
 * when neither matches.
 */
export function findSchoolTypeCode(text: string): SchoolTypeCode | undefined {
  const t = squash(text);
  const code = /^(\d{3})/.exec(t)?.[1];
  if (code !== undefined) {
    const byCode = SCHOOL_TYPE_CODES.find((c) => c.code === code);
    const rest = t.slice(3).replace(/^[-—:：、.]/, "");
    return byCode !== undefined && (rest === "" || rest === byCode.name) ? byCode : undefined;
  }
  return SCHOOL_TYPE_CODES.find((c) => c.name === t);
}

/** One 统计用城乡分类 code and luoshi's 城区 / 镇区 / 乡村. */
export interface UrbanRuralCode {
  code: string;
  name: string;
  urbanRural: UrbanRural;
}

/** 城乡分类代码 (国家统计局 统计用区划代码和城乡划分代码). */
export const URBAN_RURAL_CODES: readonly UrbanRuralCode[] = [
  { code: "111", name: "主城区", urbanRural: "urban" },
  { code: "112", name: "城乡结合区", urbanRural: "urban" },
  { code: "121", name: "镇中心区", urbanRural: "town" },
  { code: "122", name: "镇乡结合区", urbanRural: "town" },
  { code: "123", name: "特殊区域", urbanRural: "town" },
  { code: "210", name: "乡中心区", urbanRural: "rural" },
  { code: "220", name: "村庄", urbanRural: "rural" },
];

const URBAN_RURAL_WORDS: Record<string, UrbanRural> = {
  城区: "urban",
  城镇: "urban",
  镇区: "town",
  乡村: "rural",
  农村: "rural",
};

/** 城乡分类 from a code, a code's name, both, or 城区 / 镇区 / 乡村; undefined when none matches. */
export function findUrbanRural(text: string): UrbanRural | undefined {
  const t = squash(text);
  const code = /^(\d{3})/.exec(t)?.[1];
  if (code !== undefined) {
    const byCode = URBAN_RURAL_CODES.find((c) => c.code === code);
    const rest = t.slice(3).replace(/^[-—:：、.]/, "");
    return byCode !== undefined && (rest === "" || rest === byCode.name) ? byCode.urbanRural : undefined;
  }
  return URBAN_RURAL_CODES.find((c) => c.name === t)?.urbanRural ?? URBAN_RURAL_WORDS[t];
}

/** One 举办者 group of the 基本情况 form and the 办学性质 it implies. */
export interface SponsorCode {
  code: string;
  name: string;
  ownership: Ownership;
}

/**
 * 举办者 groups as the 基本情况 form (教基1001) prints them, with the codes luoshi accepts for them
 * (docs/jiceng-import.md). Text is matched by name; a leading code may stand in for the name.
 */
export const SPONSOR_CODES: readonly SponsorCode[] = [
  { code: "811", name: "教育部", ownership: "public" },
  { code: "812", name: "中央其他部门", ownership: "public" },
  { code: "821", name: "省级教育部门", ownership: "public" },
  { code: "822", name: "省级其他部门", ownership: "public" },
  { code: "831", name: "地级教育部门", ownership: "public" },
  { code: "832", name: "地级其他部门", ownership: "public" },
  { code: "841", name: "县级教育部门", ownership: "public" },
  { code: "842", name: "县级其他部门", ownership: "public" },
  { code: "851", name: "乡镇人民政府", ownership: "public" },
  { code: "891", name: "事业单位", ownership: "public" },
  { code: "892", name: "部队", ownership: "public" },
  { code: "893", name: "集体", ownership: "public" },
  { code: "894", name: "地方企业", ownership: "private" },
  { code: "999", name: "民办", ownership: "private" },
];

/** The 举办者 a text names: "841", "县级教育部门" or "841 县级教育部门"; undefined when none matches. */
export function findSponsorCode(text: string): SponsorCode | undefined {
  const t = squash(text);
  const code = /^(\d{3})/.exec(t)?.[1];
  if (code !== undefined) {
    const byCode = SPONSOR_CODES.find((c) => c.code === code);
    const rest = t.slice(3).replace(/^[-—:：、.]/, "");
    return byCode !== undefined && (rest === "" || rest === byCode.name) ? byCode : undefined;
  }
  return SPONSOR_CODES.find((c) => c.name === t);
}

/** A 办学类型 as an API caller may give it, resolved: luoshi's type and the national code it named. */
export interface SchoolTypeInput {
  schoolType: SchoolType;
  /** The national code when the caller gave one (or its name); null for luoshi's own word. */
  code: string | null;
}

/**
 * 办学类型 wherever a type is given: luoshi's own word ("primary") or a national code, name or both
 * ("211", "小学", "211 小学"). Undefined for anything else, and for a 附设班 code, which is reported inside
 * its host school and is never a unit of its own.
 */
export function resolveSchoolTypeInput(text: string): SchoolTypeInput | undefined {
  const t = squash(text);
  const own = SCHOOL_TYPES_LIST.find((s) => s === t);
  if (own !== undefined) {
    return { schoolType: own, code: null };
  }
  const coded = findSchoolTypeCode(t);
  return coded?.schoolType == null ? undefined : { schoolType: coded.schoolType, code: coded.code };
}

/** 城乡分类 wherever one is given: luoshi's word ("town"), a national code or name, or 城区 / 镇区 / 乡村. */
export function resolveUrbanRuralInput(text: string): UrbanRural | undefined {
  const t = squash(text);
  return URBAN_RURAL_LIST.find((u) => u === t) ?? findUrbanRural(t);
}
