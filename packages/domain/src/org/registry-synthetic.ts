/**
 * A synthetic school list in the real 教育事业统计 layout (a title row, then the header), for tests and
 * the demo: names read 某县示例第一小学, phones 1390000xxxx, so nobody mistakes it for real data.
 */
import { writeCsv } from "@luoshi/common";
import type { OrgUnitSeed } from "./org-unit.ts";
import { findSchoolTypeCode, findUrbanRural } from "@luoshi/common";
import { deriveOwnership } from "./registry-codes.ts";

/** A township the generated schools are spread over. */
export interface SyntheticTownship {
  code: string;
  name: string;
}

/** A generated list: the title row, the header row and the data rows, as text cells. */
export interface SyntheticSchoolList {
  title: string;
  headers: string[];
  rows: string[][];
}

/** The header of a real school list export, in its order. */
export const SCHOOL_LIST_HEADERS = [
  "学校标识码",
  "学校名称",
  "办学类型",
  "举办者",
  "城乡分类",
  "所在乡镇",
  "地址",
  "校长",
  "联系电话",
  "所属学校标识码",
];

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 12 → 十二, 40 → 四十; 100 and above as Arabic digits. */
function chineseNumber(n: number): string {
  if (n >= 100) {
    return String(n);
  }
  if (n < 10) {
    return DIGITS[n] ?? "";
  }
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? "" : (DIGITS[tens] ?? "")}十${DIGITS[n % 10] ?? ""}`;
}

/** mulberry32: a small deterministic generator in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The order school types are dealt in: mostly 小学 and 幼儿园, some 教学点 and 中学. */
const PATTERN = [
  { code: "211", suffix: "小学" },
  { code: "111", suffix: "幼儿园" },
  { code: "218", suffix: "教学点" },
  { code: "211", suffix: "小学" },
  { code: "311", suffix: "初级中学" },
  { code: "111", suffix: "幼儿园" },
  { code: "312", suffix: "九年制学校" },
  { code: "211", suffix: "小学" },
  { code: "342", suffix: "高级中学" },
  { code: "218", suffix: "教学点" },
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const URBAN_RURAL = ["121", "122", "210", "220"];

/**
 * `count` schools of a county, spread over its townships, deterministic for a seed. 学校标识码 are
 * 1 + the county code + a 3-digit number from `start` (default 1; numbers stop at 999); each 教学点
 * belongs to the 小学 before it.
 */
export function syntheticSchoolList(
  countyCode: string,
  countyName: string,
  townships: readonly SyntheticTownship[],
  options: { count: number; seed: number; start?: number },
): SyntheticSchoolList {
  const next = random(options.seed);
  const numbers = new Map<string, number>();
  let host = "";
  const rows: string[][] = [];
  const start = Math.max(1, options.start ?? 1);
  const count = Math.max(0, Math.min(1000 - start, options.count));
  for (let i = 0; i < count; i++) {
    const kind = PATTERN[i % PATTERN.length] ?? { code: "211", suffix: "小学" };
    const n = (numbers.get(kind.suffix) ?? 0) + 1;
    numbers.set(kind.suffix, n);
    const code = `1${countyCode}${String(start + i).padStart(3, "0")}`;
    const t = Math.floor(next() * townships.length);
    const township = townships[t] ?? { code: "", name: "" };
    const isPrivate = kind.code === "111" && next() < 0.3;
    if (kind.code === "211") {
      host = code;
    }
    rows.push([
      code,
      `${countyName}示例第${chineseNumber(n)}${kind.suffix}`,
      kind.code,
      isPrivate ? "民办" : "县级教育部门",
      t === 0 ? "111" : (URBAN_RURAL[Math.floor(next() * URBAN_RURAL.length)] ?? "220"),
      township.name,
      `${township.name}示例路${start + i}号`,
      `${SURNAMES[Math.floor(next() * SURNAMES.length)] ?? "王"}示例`,
      `1390000${String(start + i).padStart(4, "0")}`,
      kind.code === "218" ? host : "",
    ]);
  }
  return {
    title: `${countyName}学校名录（教育事业统计，示例数据）`,
    headers: [...SCHOOL_LIST_HEADERS],
    rows,
  };
}

/** The list as a CSV file (UTF-8 with BOM), title row first as real exports have it. */
export function schoolListCsv(list: SyntheticSchoolList): string {
  return writeCsv([[list.title], list.headers, ...list.rows]);
}

/**
 * The county, its townships and the list's schools as org-unit seeds, read the way an import reads
 * the columns (办学类型 and 城乡分类 codes, 民办 举办者): what `syntheticStatistics` needs to give the
 * same schools a year of figures. Rows of an unknown type or township are left out.
 */
export function schoolListSeeds(
  countyCode: string,
  countyName: string,
  townships: readonly SyntheticTownship[],
  list: SyntheticSchoolList,
): OrgUnitSeed[] {
  const byName = new Map(townships.map((t) => [t.name, t.code]));
  const seeds: OrgUnitSeed[] = [
    { code: countyCode, name: countyName, kind: "county" },
    ...townships.map((t) => ({
      code: t.code,
      name: t.name,
      kind: "township" as const,
      parentCode: countyCode,
    })),
  ];
  for (const [code = "", name = "", type = "", sponsor = "", urbanRural = "", township = ""] of list.rows) {
    const schoolType = findSchoolTypeCode(type)?.schoolType;
    const where = findUrbanRural(urbanRural);
    const parentCode = byName.get(township);
    if (schoolType === null || schoolType === undefined || where === undefined || parentCode === undefined) {
      continue;
    }
    const ownership = deriveOwnership(sponsor, null) ?? "public";
    seeds.push({
      code,
      name,
      kind: "school",
      parentCode,
      school: { schoolType, ownership, isInclusive: ownership === "public", urbanRural: where },
    });
  }
  return seeds;
}
