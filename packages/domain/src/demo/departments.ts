/**
 * 责任单位 of the demo county: the district government's departments, 区教育局 with its 股室, and the
 * two city bureaus documents often name. Aliases are what parsed documents write (区教育局, 区发改局 …);
 * within one county no alias may point at two units.
 */
import type { OrgUnitSeed } from "../org/org-unit.ts";
import { COUNTY_EDUCATION_OFFICES } from "../org/jurisdiction.ts";
import { CITY, COUNTY } from "./kongtong-data.ts";

/** One department as written by hand; its code is `<parent code>-<key>`. */
export interface DepartmentData {
  /** Short stable key (pinyin initials), unique among its siblings. */
  key: string;
  name: string;
  aliases: readonly string[];
  children?: readonly DepartmentData[];
}

/** 教育局 股室: documents name them bare (基础教育股) or with the bureau in front (区教育局基础教育股). */
const office = (key: string, name: string, extra: readonly string[] = []): DepartmentData => ({
  key,
  name,
  aliases: [`区教育局${name}`, `崆峒区教育局${name}`, ...extra],
});

/** Aliases the demo county's documents use beyond those every county bureau starts with. */
const LOCAL_OFFICE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  bgs: ["局办"],
  jcjyg: ["教育局基础教育股"],
  xqjyg: ["教育局学前教育股"],
  dds: ["区政府教育督导室", "区教育督导室"],
  jhcwg: ["教育局计划财务股"],
  rsg: ["人事科"],
  aqwdg: ["教育局安全稳定股"],
  twyg: ["体育卫生与艺术教育股"],
  jys: ["区教研室"],
  zzzx: ["区学生资助管理中心"],
};

/** 股室 the demo bureau has besides the standard ones, and the standard office each follows. */
const LOCAL_OFFICES: Readonly<Record<string, DepartmentData>> = {
  bgs: office("djb", "党建工作办公室", ["党建办", "教育局党建办"]),
  twyg: office("xmb", "教育项目办公室", ["项目办", "教育项目办"]),
};

/** 崆峒区教育局 and its 股室: the standard offices of a county bureau (`COUNTY_EDUCATION_OFFICES`) and its own. */
export const EDUCATION_BUREAU: DepartmentData = {
  key: "jyj",
  name: "崆峒区教育局",
  aliases: ["平凉市崆峒区教育局", "区教育局", "教育局", "区教体局", "崆峒区教体局", "区教育体育局"],
  children: COUNTY_EDUCATION_OFFICES.flatMap((o) => {
    const own = office(o.key, o.name, [...o.aliases, ...(LOCAL_OFFICE_ALIASES[o.key] ?? [])]);
    const after = LOCAL_OFFICES[o.key];
    return after === undefined ? [own] : [own, after];
  }),
};

/** Other district departments named in education documents (保障, 编制, 用地, 安全, 关爱 …). */
export const COUNTY_DEPARTMENTS: readonly DepartmentData[] = [
  EDUCATION_BUREAU,
  { key: "czj", name: "崆峒区财政局", aliases: ["区财政局", "财政局", "平凉市崆峒区财政局"] },
  {
    key: "fgj",
    name: "崆峒区发展和改革局",
    aliases: ["区发展和改革局", "区发改局", "发改局", "崆峒区发改局", "区发展改革局"],
  },
  {
    key: "rsj",
    name: "崆峒区人力资源和社会保障局",
    aliases: ["区人力资源和社会保障局", "区人社局", "人社局", "崆峒区人社局"],
  },
  {
    key: "bb",
    name: "崆峒区委机构编制委员会办公室",
    aliases: ["区委机构编制委员会办公室", "区编办", "区委编办", "编办", "崆峒区编办"],
  },
  { key: "zrzyj", name: "崆峒区自然资源局", aliases: ["区自然资源局", "自然资源局"] },
  {
    key: "zjj",
    name: "崆峒区住房和城乡建设局",
    aliases: ["区住房和城乡建设局", "区住建局", "住建局", "崆峒区住建局"],
  },
  { key: "wjj", name: "崆峒区卫生健康局", aliases: ["区卫生健康局", "区卫健局", "卫健局", "崆峒区卫健局"] },
  {
    key: "gafj",
    name: "平凉市公安局崆峒分局",
    aliases: ["区公安分局", "崆峒公安分局", "公安崆峒分局", "公安分局"],
  },
  { key: "mzj", name: "崆峒区民政局", aliases: ["区民政局", "民政局"] },
  { key: "fl", name: "崆峒区妇女联合会", aliases: ["区妇联", "妇联", "崆峒区妇联"] },
  { key: "tqw", name: "共青团平凉市崆峒区委员会", aliases: ["团区委", "共青团崆峒区委", "崆峒团区委"] },
  { key: "cl", name: "崆峒区残疾人联合会", aliases: ["区残联", "残联", "崆峒区残联"] },
  {
    key: "scjgj",
    name: "崆峒区市场监督管理局",
    aliases: ["区市场监督管理局", "区市场监管局", "市场监管局", "崆峒区市场监管局"],
  },
  { key: "yjj", name: "崆峒区应急管理局", aliases: ["区应急管理局", "区应急局", "应急局"] },
  { key: "sfj", name: "崆峒区司法局", aliases: ["区司法局", "司法局"] },
  { key: "sjj", name: "崆峒区审计局", aliases: ["区审计局", "审计局"] },
  { key: "xfdd", name: "平凉市崆峒区消防救援大队", aliases: ["区消防救援大队", "消防大队", "崆峒消防大队"] },
];

/** City bureaus that appear in county documents (市教育局 sets the rules, 市财政局 the transfers). */
export const CITY_DEPARTMENTS: readonly DepartmentData[] = [
  { key: "jyj", name: "平凉市教育局", aliases: ["市教育局"] },
  { key: "czj", name: "平凉市财政局", aliases: ["市财政局"] },
];

/** Flattens department data into units below `parentCode`, each parent before its children. */
export function departmentUnits(parentCode: string, data: readonly DepartmentData[]): OrgUnitSeed[] {
  const units: OrgUnitSeed[] = [];
  for (const d of data) {
    const code = `${parentCode}-${d.key}`;
    units.push({ code, name: d.name, kind: "department", parentCode, aliases: [...d.aliases] });
    units.push(...departmentUnits(code, d.children ?? []));
  }
  return units;
}

/** All demo departments: the city's below 平凉市, the district's below 崆峒区. */
export function demoDepartments(): { city: OrgUnitSeed[]; county: OrgUnitSeed[] } {
  return {
    city: departmentUnits(CITY.code, CITY_DEPARTMENTS),
    county: departmentUnits(COUNTY.code, COUNTY_DEPARTMENTS),
  };
}
