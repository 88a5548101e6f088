/**
 * 单位名称的统一对应: the unit names of a whole plan resolved once. A name resolves, in this order, to a
 * registry unit by its name or alias, to a unit GROUP when it is a collective name (各乡镇, 各学校 …), to
 * a registry unit after the renamed-agency table has replaced an old agency name (国土局 → 自然资源局),
 * or to nothing (with the registry's closest units as suggestions). Groups and renames are data a
 * county may edit; {@link DEFAULT_UNIT_NAME_RULES} is what a county starts from. Pure: the caller
 * passes the registry and the units groups draw their members from.
 */
import { normalizeForMatch } from "../parsing/chars.ts";
import { matchUnits, type UnitRegistryEntry } from "../parsing/unit-registry.ts";
import type { SchoolType } from "../org/org-unit.ts";

/** Which units a group stands for: 乡镇（街道）, schools (of some 办学类型), 股室 of a 局, or 县（区）. */
export const UNIT_GROUP_KINDS = ["township", "school", "office", "county"] as const;
export type UnitGroupKind = (typeof UNIT_GROUP_KINDS)[number];

/** 单位组: a collective name and the units below the plan's area it stands for. */
export interface UnitGroupRule {
  name: string;
  aliases: readonly string[];
  kind: UnitGroupKind;
  /** For `school`: the 办学类型 counted; empty means every type but 教学点 (they belong to a host school). */
  schoolTypes: readonly SchoolType[];
}

/** 更名机构: an old agency name that documents still use and the name the agency has now. */
export interface RenameRule {
  from: string;
  to: string;
  /** The year of the change (机构改革). */
  year: number;
  source: string;
}

/** A county's rules for unit names. */
export interface UnitNameRules {
  renames: readonly RenameRule[];
  groups: readonly UnitGroupRule[];
}

const REFORM_2018 = "《深化党和国家机构改革方案》（中共中央，2018年3月）；县级机构改革于2019年3月前完成";
const REFORM_2008 = "《国务院机构改革方案》（十一届全国人大一次会议，2008年3月）；县级于2010年前后完成";
const FIRE_2018 =
  "《深化党和国家机构改革方案》（2018年3月）公安消防部队转制；2018年11月国家综合性消防救援队伍组建";
const RURAL_2021 = "国家乡村振兴局挂牌（2021年2月25日），地方扶贫办随之改为乡村振兴局";

const rename = (from: string, to: string, year: number, source: string): RenameRule => ({
  from,
  to,
  year,
  source,
});

/** Middle and high school types (中学). */
const SECONDARY: readonly SchoolType[] = ["junior", "nineYear", "twelveYear", "completeSecondary", "senior"];

/** What a county starts from: the national agency reforms and the collective names of education documents. */
export const DEFAULT_UNIT_NAME_RULES: UnitNameRules = {
  renames: [
    rename("国土资源局", "自然资源局", 2018, REFORM_2018),
    rename("国土局", "自然资源局", 2018, REFORM_2018),
    rename("卫生和计划生育局", "卫生健康局", 2018, REFORM_2018),
    rename("卫计局", "卫健局", 2018, REFORM_2018),
    rename("计生局", "卫健局", 2018, REFORM_2018),
    rename("卫生局", "卫健局", 2018, REFORM_2018),
    rename("公安消防大队", "消防救援大队", 2018, FIRE_2018),
    rename("消防支队", "消防救援大队", 2018, FIRE_2018),
    rename("文体广电局", "文旅局", 2018, REFORM_2018),
    rename("文广新局", "文旅局", 2018, REFORM_2018),
    rename("文化广电新闻出版局", "文旅局", 2018, REFORM_2018),
    rename("旅游局", "文旅局", 2018, REFORM_2018),
    rename("农牧局", "农业农村局", 2018, REFORM_2018),
    rename("农业局", "农业农村局", 2018, REFORM_2018),
    rename("安全生产监督管理局", "应急管理局", 2018, REFORM_2018),
    rename("安监局", "应急管理局", 2018, REFORM_2018),
    rename("工商局", "市场监督管理局", 2018, REFORM_2018),
    rename("食品药品监督管理局", "市场监督管理局", 2018, REFORM_2018),
    rename("食药监局", "市场监督管理局", 2018, REFORM_2018),
    rename("质监局", "市场监督管理局", 2018, REFORM_2018),
    rename("环境保护局", "生态环境局", 2018, REFORM_2018),
    rename("环保局", "生态环境局", 2018, REFORM_2018),
    rename("林业局", "林业和草原局", 2018, REFORM_2018),
    rename("人事局", "人力资源和社会保障局", 2008, REFORM_2008),
    rename("劳动和社会保障局", "人力资源和社会保障局", 2008, REFORM_2008),
    rename("扶贫办", "乡村振兴局", 2021, RURAL_2021),
  ],
  groups: [
    {
      name: "各乡镇",
      aliases: ["各乡镇（街道）", "各乡镇人民政府", "各乡镇政府", "各镇", "各街道", "各乡镇街道办事处"],
      kind: "township",
      schoolTypes: [],
    },
    {
      name: "各学校",
      aliases: ["各校", "各级各类学校", "各学校（幼儿园）"],
      kind: "school",
      schoolTypes: [],
    },
    {
      name: "各中小学",
      aliases: ["各中小学校", "各义务教育学校"],
      kind: "school",
      schoolTypes: ["primary", ...SECONDARY],
    },
    { name: "各小学", aliases: ["各小学校"], kind: "school", schoolTypes: ["primary"] },
    { name: "各中学", aliases: [], kind: "school", schoolTypes: SECONDARY },
    { name: "各幼儿园", aliases: [], kind: "school", schoolTypes: ["kindergarten"] },
    {
      name: "各县区政府",
      aliases: ["各县（区）政府", "各县区人民政府", "各县（区）人民政府", "各县（市、区）政府", "各县区"],
      kind: "county",
      schoolTypes: [],
    },
    {
      name: "局机关各股室",
      aliases: ["各股室", "局属各股室", "机关各股室"],
      kind: "office",
      schoolTypes: [],
    },
  ],
};

/** A unit a group may take as member. `parentKind` tells a 股室 (a department under a department). */
export interface GroupCandidate {
  id: string;
  name: string;
  kind: "province" | "city" | "county" | "township" | "school" | "department";
  schoolType: SchoolType | null;
  parentKind: string | null;
}

/** The units of `candidates` a group stands for, in the order given. */
export function groupMembers(group: UnitGroupRule, candidates: readonly GroupCandidate[]): GroupCandidate[] {
  return candidates.filter((c) => {
    switch (group.kind) {
      case "township":
      case "county":
        return c.kind === group.kind;
      case "office":
        return c.kind === "department" && c.parentKind === "department";
      case "school":
        return (
          c.kind === "school" &&
          (group.schoolTypes.length === 0
            ? c.schoolType !== "teachingPoint"
            : c.schoolType !== null && group.schoolTypes.includes(c.schoolType))
        );
    }
  });
}

const TRAILING = /(?:共同负责|分别负责|负责|牵头|配合|落实)$/;

function nameKey(name: string): string {
  return normalizeForMatch(name).replace(TRAILING, "");
}

/** The group a collective name stands for (by its name or an alias), if any. */
export function findGroup(name: string, groups: readonly UnitGroupRule[]): UnitGroupRule | undefined {
  const key = nameKey(name);
  return groups.find((g) => [g.name, ...g.aliases].some((n) => nameKey(n) === key));
}

/**
 * The name with an old agency name replaced by today's, or undefined when no rule applies. The longest
 * old name that occurs wins (国土资源局 before 国土局); one replacement only.
 */
export function applyRename(
  name: string,
  renames: readonly RenameRule[],
): { renamed: string; rule: RenameRule } | undefined {
  const ordered = [...renames].sort((a, b) => b.from.length - a.from.length);
  for (const rule of ordered) {
    const at = name.indexOf(rule.from);
    if (rule.from !== "" && at >= 0 && !name.includes(rule.to)) {
      return { renamed: name.slice(0, at) + rule.to + name.slice(at + rule.from.length), rule };
    }
  }
  return undefined;
}

/** How one name resolved. */
export type UnitNameResolution =
  | { by: "name" | "alias"; code: string }
  | { by: "renamed"; code: string; renamedTo: string; rule: RenameRule }
  | { by: "group"; group: UnitGroupRule }
  | {
      by: "none";
      suggestions: { code: string; name: string; score: number }[];
      /** The name after a rename rule, when one applied but the new name is not in the registry either. */
      renamedTo?: string;
    };

/** Resolves each distinct name once: registry name or alias, group, renamed agency, or nothing. */
export function resolveUnitNames(
  names: readonly string[],
  registry: readonly UnitRegistryEntry[],
  rules: UnitNameRules,
): Map<string, UnitNameResolution> {
  const distinct = [...new Set(names)];
  const out = new Map<string, UnitNameResolution>();
  const direct = matchUnits(distinct, registry);
  for (const m of direct.matches) {
    out.set(m.name, { by: m.by, code: m.code });
  }
  for (const miss of direct.unmatched) {
    const group = findGroup(miss.name, rules.groups);
    if (group !== undefined) {
      out.set(miss.name, { by: "group", group });
      continue;
    }
    const renamed = applyRename(miss.name, rules.renames);
    if (renamed === undefined) {
      out.set(miss.name, { by: "none", suggestions: miss.suggestions });
      continue;
    }
    const again = matchUnits([renamed.renamed], registry);
    const hit = again.matches[0];
    out.set(
      miss.name,
      hit === undefined
        ? { by: "none", suggestions: again.unmatched[0]?.suggestions ?? [], renamedTo: renamed.renamed }
        : { by: "renamed", code: hit.code, renamedTo: renamed.renamed, rule: renamed.rule },
    );
  }
  return out;
}
