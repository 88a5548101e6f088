/**
 * 辖区初始化: from the national division tree (GB/T 2260 and the statistics bureau's 统计用区划代码, passed
 * in as plain data) to the org units an installation starts with — the chosen area, every county and
 * 乡镇（街道） below it, and an education bureau with its 股室 for the root area and every county.
 */
import type { OrgUnitSeed } from "./org-unit.ts";

/**
 * One node of the division tree as the data ships it: 2-digit provinces, 4-digit cities, 6-digit
 * counties, 9-digit townships (the `pcas-code` shape).
 */
export interface DivisionNode {
  code: string;
  name: string;
  children?: readonly DivisionNode[];
}

/** Levels a division code may name. An installation serves a province, a city or a county. */
export type DivisionLevel = "province" | "city" | "county" | "township";

/** A level an installation may be initialised at. */
export type JurisdictionLevel = Exclude<DivisionLevel, "township">;

/** A division code in luoshi's form: 6 digits for province/city/county (620000, 620800, 620802), 9 for a township. */
export interface DivisionCode {
  level: DivisionLevel;
  code: string;
}

/** One division found in the tree, with its ancestors (province first). */
export interface DivisionRef {
  code: string;
  name: string;
  level: DivisionLevel;
}

/** A division with where it sits. */
export interface FoundDivision extends DivisionRef {
  /** Province (and city) above it, outermost first. */
  ancestors: DivisionRef[];
  /** The name with its ancestors' in front, as a letterhead writes it (甘肃省平凉市崆峒区). */
  fullName: string;
  node: DivisionNode;
}

/**
 * Parses a code as people write it: 62 or 620000 (province), 6208 or 620800 (city), 620802 (county),
 * 620802001 (township). Returns null when it is none of these.
 */
export function normaliseDivisionCode(input: string): DivisionCode | null {
  const raw = input.trim();
  if (/^\d{2}$/.test(raw)) {
    return { level: "province", code: `${raw}0000` };
  }
  if (/^\d{4}$/.test(raw)) {
    return raw.endsWith("00") ? null : { level: "city", code: `${raw}00` };
  }
  if (/^\d{6}$/.test(raw)) {
    if (raw.startsWith("00")) {
      return null;
    }
    if (raw.endsWith("0000")) {
      return { level: "province", code: raw };
    }
    return { level: raw.endsWith("00") ? "city" : "county", code: raw };
  }
  if (/^\d{9}$/.test(raw)) {
    return { level: "township", code: raw };
  }
  return null;
}

/** City-level entries that are groupings, not cities (直辖市 市辖区/县, 省直辖县级行政区划). */
const PLACEHOLDER_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The name luoshi gives a city-level node: its own, or for a grouping the province's name in front
 * (北京市 1101 市辖区 → 北京市市辖区, 重庆市 5002 县 → 重庆市县).
 */
function cityName(province: DivisionNode, city: DivisionNode): string {
  return PLACEHOLDER_CITY.test(city.name) ? `${province.name}${city.name}` : city.name;
}

/** A city-level name that is a grouping rather than a city (北京市市辖区, 重庆市县, …县级行政区划). */
const GROUPING_NAME = /(市辖区|市县|县级行政区划)$/;

const sixDigit = (node: DivisionNode): string => node.code.padEnd(6, "0");

/**
 * A city whose one county carries the city's own code (东莞 441900, 中山 442000, 儋州 460400): the city
 * level is that county, and luoshi keeps only the county (below the province).
 */
function cityIsCounty(city: DivisionNode): boolean {
  return (city.children ?? []).some((c) => c.code === sixDigit(city));
}

function found(
  node: DivisionNode,
  level: DivisionLevel,
  name: string,
  ancestors: DivisionRef[],
): FoundDivision {
  const code = level === "township" ? node.code : sixDigit(node);
  return { code, name, level, ancestors, node, fullName: [...ancestors.map((a) => a.name), name].join("") };
}

/** Finds a division by any form {@link normaliseDivisionCode} accepts; null when the data has none. */
export function findDivision(tree: readonly DivisionNode[], input: string): FoundDivision | null {
  const parsed = normaliseDivisionCode(input);
  if (parsed === null) {
    return null;
  }
  const province = tree.find((p) => p.code === parsed.code.slice(0, 2));
  if (province === undefined) {
    return null;
  }
  const provinceRef: DivisionRef = { code: sixDigit(province), name: province.name, level: "province" };
  if (parsed.level === "province") {
    return found(province, "province", province.name, []);
  }
  const city = (province.children ?? []).find((c) => c.code === parsed.code.slice(0, 4));
  if (city === undefined) {
    return null;
  }
  const cityRef: DivisionRef = { code: sixDigit(city), name: cityName(province, city), level: "city" };
  const countyAncestors = cityIsCounty(city) ? [provinceRef] : [provinceRef, cityRef];
  const county = (city.children ?? []).find((c) => c.code === parsed.code.slice(0, 6));
  if (parsed.level === "city" && !cityIsCounty(city)) {
    return found(city, "city", cityRef.name, [provinceRef]);
  }
  if (county === undefined) {
    return null;
  }
  if (parsed.level !== "township") {
    return found(county, "county", county.name, countyAncestors);
  }
  const township = (county.children ?? []).find((t) => t.code === parsed.code);
  if (township === undefined) {
    return null;
  }
  const countyRef: DivisionRef = { code: county.code, name: county.name, level: "county" };
  return found(township, "township", township.name, [...countyAncestors, countyRef]);
}

/** The divisions directly below one (provinces when `input` is absent), for pickers. */
export function divisionChildren(tree: readonly DivisionNode[], input?: string): DivisionRef[] | null {
  if (input === undefined || input.trim() === "") {
    return tree.map((p) => ({ code: sixDigit(p), name: p.name, level: "province" }));
  }
  const parent = findDivision(tree, input);
  if (parent === null) {
    return null;
  }
  if (parent.level === "province") {
    return (parent.node.children ?? []).map((c) =>
      cityIsCounty(c)
        ? { code: sixDigit(c), name: c.name, level: "county" }
        : { code: sixDigit(c), name: cityName(parent.node, c), level: "city" },
    );
  }
  const level: DivisionLevel = parent.level === "city" ? "county" : "township";
  return parent.level === "township"
    ? []
    : (parent.node.children ?? []).map((c) => ({ code: c.code, name: c.name, level }));
}

/** One 股室 of an education bureau: key (pinyin initials, as the demo county uses), name, extra aliases. */
interface OfficeData {
  key: string;
  name: string;
  aliases: readonly string[];
}

/** The 股室 every county education bureau starts with; a bureau renames or adds to them later. */
export const COUNTY_EDUCATION_OFFICES: readonly OfficeData[] = [
  { key: "bgs", name: "办公室", aliases: ["局办公室", "教育局办公室"] },
  { key: "jcjyg", name: "基础教育股", aliases: ["基教股"] },
  { key: "xqjyg", name: "学前教育股", aliases: ["学前股"] },
  { key: "dds", name: "教育督导室", aliases: ["督导室", "督导办"] },
  { key: "jhcwg", name: "计划财务股", aliases: ["计财股", "财务股"] },
  { key: "rsg", name: "人事股", aliases: ["教育局人事股"] },
  { key: "aqwdg", name: "安全稳定股", aliases: ["安稳股", "安全股"] },
  { key: "twyg", name: "体卫艺股", aliases: ["体卫艺办"] },
  { key: "jys", name: "教研室", aliases: ["教育研究室"] },
  { key: "zzzx", name: "学生资助管理中心", aliases: ["资助中心", "学生资助中心"] },
];

/** A city 教育局's or a province 教育厅's first 处室/科室. */
const UPPER_OFFICES: readonly OfficeData[] = [
  { key: "bgs", name: "办公室", aliases: [] },
  { key: "jcjy", name: "基础教育科", aliases: ["基教科"] },
  { key: "dd", name: "教育督导室", aliases: ["督导室"] },
  { key: "jhcw", name: "计划财务科", aliases: ["计财科"] },
];

/** 区 / 县 / 市 / 旗: how documents inside a county call it (区教育局, 县教育局 …). */
function shortName(name: string): string | null {
  const last = name.at(-1);
  return last === "区" || last === "县" || last === "市" || last === "旗" ? last : null;
}

function bureauSeeds(
  parentCode: string,
  bureau: { key: string; name: string; aliases: string[] },
  offices: readonly OfficeData[],
  officePrefixes: readonly string[],
): OrgUnitSeed[] {
  const code = `${parentCode}-${bureau.key}`;
  const seeds: OrgUnitSeed[] = [
    { code, name: bureau.name, kind: "department", parentCode, aliases: bureau.aliases },
  ];
  for (const o of offices) {
    const aliases = [...officePrefixes.map((p) => `${p}${o.name}`), ...o.aliases];
    seeds.push({
      code: `${code}-${o.key}`,
      name: o.name,
      kind: "department",
      parentCode: code,
      aliases: [...new Set(aliases)],
    });
  }
  return seeds;
}

/** 县（区）教育局 with its 股室 below the county. */
function countyBureau(county: DivisionRef, city: DivisionRef | undefined): OrgUnitSeed[] {
  const name = `${county.name}教育局`;
  const short = shortName(county.name);
  const aliases = [
    ...(short === null ? [] : [`${short}教育局`]),
    ...(city === undefined || GROUPING_NAME.test(city.name) ? [] : [`${city.name}${county.name}教育局`]),
  ];
  const prefixes = [...(short === null ? [] : [`${short}教育局`]), name];
  return bureauSeeds(county.code, { key: "jyj", name, aliases }, COUNTY_EDUCATION_OFFICES, prefixes);
}

/** 直辖市: the province-level government is a city, its bureau a 教育委员会. */
const MUNICIPALITIES = new Set(["110000", "120000", "310000", "500000"]);

function upperBureau(area: DivisionRef, province: DivisionRef | undefined): OrgUnitSeed[] {
  if (area.level === "province") {
    const isMunicipality = MUNICIPALITIES.has(area.code);
    const name = isMunicipality ? `${area.name}教育委员会` : `${area.name}教育厅`;
    const alias = isMunicipality ? "市教委" : "省教育厅";
    return bureauSeeds(area.code, { key: "jyt", name, aliases: [alias] }, UPPER_OFFICES, [name]);
  }
  const name = `${area.name}教育局`;
  const aliases = ["市教育局", ...(province === undefined ? [] : [`${province.name}${name}`])];
  return bureauSeeds(area.code, { key: "jyj", name, aliases }, UPPER_OFFICES, [name]);
}

/** What a jurisdiction starts with, and how much of it. */
export interface JurisdictionPlan {
  division: FoundDivision;
  /** Parents before children; the chosen area is the one whose code is `division.code`. */
  seeds: OrgUnitSeed[];
  counts: { counties: number; townships: number; departments: number };
}

function countySeeds(county: DivisionNode, parent: DivisionRef, city: DivisionRef | undefined) {
  const ref: DivisionRef = { code: county.code, name: county.name, level: "county" };
  const seeds: OrgUnitSeed[] = [
    { code: county.code, name: county.name, kind: "county", parentCode: parent.code },
    ...countyBureau(ref, city),
  ];
  for (const t of county.children ?? []) {
    seeds.push({ code: t.code, name: t.name, kind: "township", parentCode: county.code });
  }
  return seeds;
}

function citySeeds(province: DivisionNode, city: DivisionNode, provinceRef: DivisionRef) {
  if (cityIsCounty(city)) {
    return (city.children ?? []).flatMap((c) => countySeeds(c, provinceRef, undefined));
  }
  const ref: DivisionRef = { code: sixDigit(city), name: cityName(province, city), level: "city" };
  const bureau = !GROUPING_NAME.test(ref.name) ? upperBureau(ref, provinceRef) : [];
  return [
    { code: ref.code, name: ref.name, kind: "city" as const, parentCode: provinceRef.code },
    ...bureau,
    ...(city.children ?? []).flatMap((c) => countySeeds(c, ref, ref)),
  ];
}

/**
 * The org units a jurisdiction starts with. A county brings its province and city as plain areas above
 * it (so the tree is rooted as everywhere: province → city → county), its townships and its bureau. A
 * city or province brings every county below it, each with its own bureau (so each county bureau's
 * staff see their county only), and a 市教育局 for every city and the 教育厅 for the province. Null when
 * the code names no province, city or county in the data.
 */
export function jurisdictionSeeds(tree: readonly DivisionNode[], input: string): JurisdictionPlan | null {
  const division = findDivision(tree, input);
  if (division === null || division.level === "township") {
    return null;
  }
  const ancestorSeeds: OrgUnitSeed[] = division.ancestors.map((a, i) => ({
    code: a.code,
    name: a.name,
    kind: a.level === "province" ? "province" : "city",
    ...(i === 0 ? {} : { parentCode: division.ancestors[i - 1]?.code ?? "" }),
  }));
  const parent = division.ancestors.at(-1);
  let seeds: OrgUnitSeed[];
  if (division.level === "county") {
    const city = parent?.level === "city" ? parent : undefined;
    seeds = countySeeds(division.node, parent ?? division, city);
  } else if (division.level === "city") {
    const province = division.ancestors[0] ?? division;
    const provinceNode = tree.find((p) => sixDigit(p) === province.code) ?? division.node;
    seeds = citySeeds(provinceNode, division.node, province);
  } else {
    const self: OrgUnitSeed = { code: division.code, name: division.name, kind: "province" };
    seeds = [
      self,
      ...upperBureau(division, undefined),
      ...(division.node.children ?? []).flatMap((c) => citySeeds(division.node, c, division)),
    ];
  }
  const all = [...ancestorSeeds, ...seeds];
  return {
    division,
    seeds: all,
    counts: {
      counties: all.filter((s) => s.kind === "county").length,
      townships: all.filter((s) => s.kind === "township").length,
      departments: all.filter((s) => s.kind === "department").length,
    },
  };
}
