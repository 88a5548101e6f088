import { describe, expect, it } from "vitest";
import { checkOrgCode, type OrgUnitSeed } from "./org-unit.ts";
import {
  divisionChildren,
  findDivision,
  jurisdictionSeeds,
  normaliseDivisionCode,
  type DivisionNode,
} from "./jurisdiction.ts";

/** A slice of the national data, in its shape: 甘肃省/平凉市 with two counties, 北京市, 广东省/东莞市. */
const TREE: DivisionNode[] = [
  {
    code: "11",
    name: "北京市",
    children: [
      {
        code: "1101",
        name: "市辖区",
        children: [
          { code: "110101", name: "东城区", children: [{ code: "110101001", name: "东华门街道" }] },
          { code: "110102", name: "西城区", children: [{ code: "110102001", name: "西长安街街道" }] },
        ],
      },
    ],
  },
  {
    code: "44",
    name: "广东省",
    children: [
      {
        code: "4419",
        name: "东莞市",
        children: [{ code: "441900", name: "东莞市", children: [{ code: "441900003", name: "东城街道" }] }],
      },
    ],
  },
  {
    code: "62",
    name: "甘肃省",
    children: [
      {
        code: "6208",
        name: "平凉市",
        children: [
          {
            code: "620802",
            name: "崆峒区",
            children: [
              { code: "620802001", name: "东关街道" },
              { code: "620802002", name: "中街街道" },
            ],
          },
          {
            code: "620821",
            name: "泾川县",
            children: [
              { code: "620821100", name: "城关镇" },
              { code: "620821101", name: "玉都镇" },
              { code: "620821200", name: "罗汉洞乡" },
            ],
          },
        ],
      },
      { code: "6201", name: "兰州市", children: [{ code: "620102", name: "城关区", children: [] }] },
    ],
  },
];

/** Every seed valid, unique, parent before child. */
function expectWellFormed(seeds: readonly OrgUnitSeed[]) {
  const seen = new Set<string>();
  for (const s of seeds) {
    expect(checkOrgCode(s.kind, s.code), s.code).toBeNull();
    expect(seen.has(s.code), `${s.code} twice`).toBe(false);
    if (s.parentCode !== undefined) {
      expect(seen.has(s.parentCode), `${s.code}'s parent ${s.parentCode} first`).toBe(true);
    }
    seen.add(s.code);
  }
  expect(seeds.filter((s) => s.parentCode === undefined)).toHaveLength(1);
}

const byCode = (seeds: readonly OrgUnitSeed[], code: string) => seeds.find((s) => s.code === code);

describe("normaliseDivisionCode", () => {
  it("reads the forms people write", () => {
    expect(normaliseDivisionCode("62")).toEqual({ level: "province", code: "620000" });
    expect(normaliseDivisionCode("620000")).toEqual({ level: "province", code: "620000" });
    expect(normaliseDivisionCode("6208")).toEqual({ level: "city", code: "620800" });
    expect(normaliseDivisionCode(" 620800 ")).toEqual({ level: "city", code: "620800" });
    expect(normaliseDivisionCode("620802")).toEqual({ level: "county", code: "620802" });
    expect(normaliseDivisionCode("620802001")).toEqual({ level: "township", code: "620802001" });
  });

  it("refuses what is no division code", () => {
    for (const bad of ["", "6", "62080", "6200", "000000", "62a802", "6208020011"]) {
      expect(normaliseDivisionCode(bad), bad).toBeNull();
    }
  });
});

describe("findDivision and divisionChildren", () => {
  it("finds a county with its ancestors and full name", () => {
    const d = findDivision(TREE, "620821");
    expect(d).toMatchObject({
      code: "620821",
      name: "泾川县",
      level: "county",
      fullName: "甘肃省平凉市泾川县",
    });
    expect(d?.ancestors.map((a) => a.code)).toEqual(["620000", "620800"]);
    expect(findDivision(TREE, "620899")).toBeNull();
    expect(findDivision(TREE, "63")).toBeNull();
  });

  it("lists provinces, cities, counties and townships", () => {
    expect(divisionChildren(TREE)?.map((d) => d.code)).toEqual(["110000", "440000", "620000"]);
    expect(divisionChildren(TREE, "62")?.map((d) => `${d.code}${d.name}${d.level}`)).toEqual([
      "620800平凉市city",
      "620100兰州市city",
    ]);
    expect(divisionChildren(TREE, "6208")?.map((d) => d.name)).toEqual(["崆峒区", "泾川县"]);
    expect(divisionChildren(TREE, "620821")).toHaveLength(3);
    expect(divisionChildren(TREE, "11")).toEqual([{ code: "110100", name: "北京市市辖区", level: "city" }]);
    expect(divisionChildren(TREE, "44")).toEqual([{ code: "441900", name: "东莞市", level: "county" }]);
    expect(divisionChildren(TREE, "629900")).toBeNull();
  });
});

describe("jurisdictionSeeds", () => {
  it("roots a county under its province and city, with its townships and bureau", () => {
    const plan = jurisdictionSeeds(TREE, "620821");
    expect(plan).not.toBeNull();
    const seeds = plan?.seeds ?? [];
    expectWellFormed(seeds);
    expect(seeds.slice(0, 3).map((s) => `${s.code}${s.kind}`)).toEqual([
      "620000province",
      "620800city",
      "620821county",
    ]);
    expect(seeds.filter((s) => s.kind === "township").map((s) => s.name)).toEqual([
      "城关镇",
      "玉都镇",
      "罗汉洞乡",
    ]);
    expect(byCode(seeds, "620821-jyj")).toMatchObject({
      name: "泾川县教育局",
      kind: "department",
      parentCode: "620821",
      aliases: ["县教育局", "平凉市泾川县教育局"],
    });
    expect(byCode(seeds, "620821-jyj-dds")?.aliases).toContain("督导室");
    expect(byCode(seeds, "620821-jyj-jhcwg")).toMatchObject({ name: "计划财务股", parentCode: "620821-jyj" });
    expect(byCode(seeds, "620821-jyj-jhcwg")?.aliases).toEqual(
      expect.arrayContaining(["计财股", "县教育局计划财务股", "泾川县教育局计划财务股"]),
    );
    // no other county, and no bureau for the ancestors
    expect(byCode(seeds, "620802")).toBeUndefined();
    expect(byCode(seeds, "620800-jyj")).toBeUndefined();
    expect(plan?.counts).toEqual({ counties: 1, townships: 3, departments: 11 });
  });

  it("gives a city every county below it, each with its own bureau, and the city bureau", () => {
    const plan = jurisdictionSeeds(TREE, "6208");
    const seeds = plan?.seeds ?? [];
    expectWellFormed(seeds);
    expect(plan?.division).toMatchObject({ code: "620800", level: "city", fullName: "甘肃省平凉市" });
    expect(seeds.filter((s) => s.kind === "county").map((s) => s.code)).toEqual(["620802", "620821"]);
    expect(byCode(seeds, "620802-jyj")).toMatchObject({ name: "崆峒区教育局", parentCode: "620802" });
    expect(byCode(seeds, "620802-jyj")?.aliases).toContain("区教育局");
    expect(byCode(seeds, "620821-jyj")).toMatchObject({ name: "泾川县教育局", parentCode: "620821" });
    expect(byCode(seeds, "620800-jyj")).toMatchObject({ name: "平凉市教育局", parentCode: "620800" });
    expect(byCode(seeds, "620802001")?.parentCode).toBe("620802");
    expect(plan?.counts).toMatchObject({ counties: 2, townships: 5 });
  });

  it("gives a province its 教育厅, every city's bureau and every county's", () => {
    const plan = jurisdictionSeeds(TREE, "620000");
    const seeds = plan?.seeds ?? [];
    expectWellFormed(seeds);
    expect(seeds[0]).toMatchObject({ code: "620000", kind: "province" });
    expect(byCode(seeds, "620000-jyt")).toMatchObject({ name: "甘肃省教育厅", aliases: ["省教育厅"] });
    expect(byCode(seeds, "620100-jyj")?.name).toBe("兰州市教育局");
    expect(byCode(seeds, "620102-jyj")?.name).toBe("城关区教育局");
    expect(plan?.counts.counties).toBe(3);
  });

  it("names a municipality's grouping levels after it", () => {
    const plan = jurisdictionSeeds(TREE, "11");
    const seeds = plan?.seeds ?? [];
    expectWellFormed(seeds);
    expect(byCode(seeds, "110000-jyt")?.name).toBe("北京市教育委员会");
    expect(byCode(seeds, "110100")).toMatchObject({ name: "北京市市辖区", kind: "city" });
    expect(byCode(seeds, "110100-jyj")).toBeUndefined();
    expect(byCode(seeds, "110101-jyj")?.aliases).toEqual(["区教育局"]);
    const county = jurisdictionSeeds(TREE, "110102");
    expect(county?.division.fullName).toBe("北京市北京市市辖区西城区");
    expectWellFormed(county?.seeds ?? []);
  });

  it("keeps only the county where a city is one (东莞)", () => {
    const plan = jurisdictionSeeds(TREE, "4419");
    expect(plan?.division).toMatchObject({ code: "441900", level: "county", name: "东莞市" });
    const seeds = plan?.seeds ?? [];
    expectWellFormed(seeds);
    expect(seeds.map((s) => s.code).slice(0, 2)).toEqual(["440000", "441900"]);
    expect(byCode(seeds, "441900")?.parentCode).toBe("440000");
  });

  it("knows no unknown code and no township jurisdiction", () => {
    expect(jurisdictionSeeds(TREE, "620899")).toBeNull();
    expect(jurisdictionSeeds(TREE, "620821100")).toBeNull();
    expect(jurisdictionSeeds(TREE, "abc")).toBeNull();
  });
});
