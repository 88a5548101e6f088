import { describe, expect, it } from "vitest";
import {
  applyRename,
  DEFAULT_UNIT_NAME_RULES,
  findGroup,
  groupMembers,
  resolveUnitNames,
  type GroupCandidate,
} from "./unit-names.ts";

const registry = [
  { code: "zr", name: "崆峒区自然资源局", aliases: ["区自然资源局", "自然资源局"] },
  { code: "wj", name: "崆峒区卫生健康局", aliases: ["区卫健局", "卫健局", "崆峒区卫健局"] },
  { code: "jy", name: "崆峒区教育局", aliases: ["区教育局"] },
  { code: "xf", name: "平凉市崆峒区消防救援大队", aliases: ["区消防救援大队"] },
];

const candidates: GroupCandidate[] = [
  { id: "t1", name: "崆峒镇", kind: "township", schoolType: null, parentKind: "county" },
  { id: "t2", name: "西郊街道", kind: "township", schoolType: null, parentKind: "county" },
  { id: "s1", name: "一小", kind: "school", schoolType: "primary", parentKind: "township" },
  { id: "s2", name: "一幼", kind: "school", schoolType: "kindergarten", parentKind: "township" },
  { id: "s3", name: "一中", kind: "school", schoolType: "junior", parentKind: "township" },
  { id: "s4", name: "教学点", kind: "school", schoolType: "teachingPoint", parentKind: "township" },
  { id: "d1", name: "崆峒区教育局", kind: "department", schoolType: null, parentKind: "county" },
  { id: "d2", name: "基础教育股", kind: "department", schoolType: null, parentKind: "department" },
];

describe("resolveUnitNames", () => {
  it("resolves registry names and aliases first, then groups, then renamed agencies", () => {
    const out = resolveUnitNames(
      ["区教育局", "各乡镇（街道）", "区国土局", "崆峒区卫生局", "区消防支队", "区文体广电局", "区教育局"],
      registry,
      DEFAULT_UNIT_NAME_RULES,
    );
    expect(out.size).toBe(6);
    expect(out.get("区教育局")).toEqual({ by: "alias", code: "jy" });
    expect(out.get("各乡镇（街道）")).toMatchObject({ by: "group", group: { name: "各乡镇" } });
    expect(out.get("区国土局")).toMatchObject({ by: "renamed", code: "zr", renamedTo: "区自然资源局" });
    expect(out.get("崆峒区卫生局")).toMatchObject({ by: "renamed", code: "wj", rule: { year: 2018 } });
    expect(out.get("区消防支队")).toMatchObject({ by: "renamed", code: "xf" });
    // renamed, but the county has no 文旅局 in its registry: unresolved, saying what it is called now
    expect(out.get("区文体广电局")).toMatchObject({ by: "none", renamedTo: "区文旅局" });
  });

  it("takes the longest old name and never renames a name already current", () => {
    expect(applyRename("区国土资源局", DEFAULT_UNIT_NAME_RULES.renames)?.renamed).toBe("区自然资源局");
    expect(applyRename("区卫健局", DEFAULT_UNIT_NAME_RULES.renames)).toBeUndefined();
    expect(applyRename("区农业农村局", DEFAULT_UNIT_NAME_RULES.renames)).toBeUndefined();
  });

  it("finds groups with a trailing 负责 and without punctuation", () => {
    expect(findGroup("各中小学校负责", DEFAULT_UNIT_NAME_RULES.groups)?.name).toBe("各中小学");
    expect(findGroup("各县(区)政府", DEFAULT_UNIT_NAME_RULES.groups)?.name).toBe("各县区政府");
    expect(findGroup("区教育局", DEFAULT_UNIT_NAME_RULES.groups)).toBeUndefined();
  });
});

describe("groupMembers", () => {
  const group = (name: string) => {
    const g = findGroup(name, DEFAULT_UNIT_NAME_RULES.groups);
    if (g === undefined) {
      throw new Error(name);
    }
    return groupMembers(g, candidates).map((c) => c.id);
  };
  it("derives members from unit kinds and 办学类型", () => {
    expect(group("各乡镇")).toEqual(["t1", "t2"]);
    // every school but a 教学点, which belongs to its host school
    expect(group("各学校")).toEqual(["s1", "s2", "s3"]);
    expect(group("各中小学")).toEqual(["s1", "s3"]);
    expect(group("各幼儿园")).toEqual(["s2"]);
    expect(group("局机关各股室")).toEqual(["d2"]);
    expect(group("各县区政府")).toEqual([]);
  });
});
