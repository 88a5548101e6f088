import { describe, expect, it } from "vitest";
import { findSchoolTypeCode, findUrbanRural, SCHOOL_TYPE_CODES } from "@luoshi/common";
import { deriveOwnership } from "./registry-codes.ts";
import { planRegistryImport } from "./registry-plan.ts";
import { schoolListCsv, schoolListSeeds, syntheticSchoolList } from "./registry-synthetic.ts";
import { registryUnit, TEST_COUNTY } from "./registry-test-units.ts";
import type { RegistrySheet } from "./school-registry.ts";

const COUNTY = TEST_COUNTY;
const unit = registryUnit;
const TOWNSHIPS = [
  unit({ id: "t1", code: "620821100", name: "城关镇", kind: "township" }),
  unit({ id: "t2", code: "620821101", name: "玉都镇", kind: "township", aliases: ["玉都"] }),
];
const HEADER = [
  "学校标识码",
  "学校名称",
  "办学类型",
  "举办者",
  "城乡分类",
  "所在乡镇",
  "地址",
  "校长",
  "联系电话",
];

function sheet(rows: string[][], name = "学校名录"): RegistrySheet {
  return { name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
}

describe("registry codes", () => {
  it("maps every 办学类型 code and name, refusing 附设班 as units", () => {
    expect(findSchoolTypeCode("211")?.schoolType).toBe("primary");
    expect(findSchoolTypeCode("小学教学点")?.schoolType).toBe("teachingPoint");
    expect(findSchoolTypeCode("345 十二年一贯制学校")?.schoolType).toBe("twelveYear");
    expect(findSchoolTypeCode("364")?.schoolType).toBe("vocational");
    expect(findSchoolTypeCode("513")?.schoolType).toBe("special");
    expect(findSchoolTypeCode("219")?.schoolType).toBeNull();
    expect(findSchoolTypeCode("211 初级中学")).toBeUndefined();
    expect(findSchoolTypeCode("999")).toBeUndefined();
    expect(SCHOOL_TYPE_CODES).toHaveLength(23);
  });

  it("maps 城乡分类 codes and words", () => {
    expect(findUrbanRural("112")).toBe("urban");
    expect(findUrbanRural("123")).toBe("town");
    expect(findUrbanRural("220 村庄")).toBe("rural");
    expect(findUrbanRural("镇区")).toBe("town");
    expect(findUrbanRural("130")).toBeUndefined();
  });

  it("derives 办学性质 from an explicit column first, then the 举办者", () => {
    expect(deriveOwnership("县级教育部门", null)).toBe("public");
    expect(deriveOwnership("民办", null)).toBe("private");
    expect(deriveOwnership("地方企业", null)).toBe("private");
    expect(deriveOwnership("地方企业", "公办")).toBe("public");
    expect(deriveOwnership(null, "其他")).toBeUndefined();
  });
});

describe("reading a school list", () => {
  it("finds the header below a title row and reads codes or names", () => {
    const plan = planRegistryImport(
      [
        sheet([
          ["泾川县学校名录"],
          HEADER,
          [
            "1620821001",
            "泾川县示例第一小学",
            "211",
            "县级教育部门",
            "121",
            "城关镇",
            "城关路 1 号",
            "王示例",
            "13900000001",
          ],
          ["1620821002", "泾川县示例第一幼儿园", "幼儿园", "民办", "乡村", "玉都", "", "", "0933-1234567"],
        ]),
      ],
      COUNTY,
      TOWNSHIPS,
    );
    expect(plan.problems).toEqual([]);
    expect(
      plan.diff.added.map((a) => [a.code, a.parentName, a.school?.schoolType, a.school?.ownership]),
    ).toEqual([
      ["1620821001", "城关镇", "primary", "public"],
      ["1620821002", "玉都镇", "kindergarten", "private"],
    ]);
    expect(plan.diff.added[1]?.school?.isInclusive).toBe(false);
    expect(plan.diff.added[0]?.school?.phone).toBe("13900000001");
  });

  it("names sheet, row and column in every problem", () => {
    const plan = planRegistryImport(
      [
        sheet([
          ["标题"],
          [...HEADER, "所属学校标识码"],
          ["16208210", "甲", "211", "", "121", "城关镇", "", "", "", ""],
          ["1620821002", "", "999", "", "131", "无名镇", "", "", "电话", ""],
          ["1620821003", "丙", "219", "", "121", "城关镇", "", "", "", "1620821999"],
          ["1620821004", "丁", "211", "", "121", "城关镇", "", "", "", ""],
          ["1620821004", "戊", "211", "", "121", "城关镇", "", "", "", ""],
        ]),
      ],
      COUNTY,
      TOWNSHIPS,
    );
    const at = plan.problems.map((p) => `${p.row}:${p.column}`);
    expect(at).toEqual([
      "3:学校标识码",
      "4:学校名称",
      "4:办学类型",
      "4:城乡分类",
      "4:所在乡镇",
      "4:联系电话",
      "5:办学类型",
      "7:学校标识码",
    ]);
    for (const p of plan.problems) {
      expect(p.message).toMatch(new RegExp(`^表“学校名录”第 ${p.row} 行“${p.column}”列：`));
    }
    expect(plan.problems[6]?.message).toContain("附设");
    expect(plan.problems[7]?.message).toContain("与第 6 行重复");
  });

  it("checks that a 教学点's host school is in the file or the registry", () => {
    const rows = [
      [...HEADER, "所属学校标识码"],
      ["1620821001", "甲点", "218", "", "220", "城关镇", "", "", "", "1620821999"],
    ];
    const plan = planRegistryImport([sheet(rows)], COUNTY, TOWNSHIPS);
    expect(plan.problems.map((p) => p.message)).toEqual([
      "表“学校名录”第 2 行“所属学校标识码”列：所属学校 1620821999 既不在文件中，也不是本县现有学校",
    ]);
    const known = unit({
      id: "s9",
      code: "1620821999",
      name: "中心校",
      kind: "school",
      schoolType: "primary",
    });
    expect(planRegistryImport([sheet(rows)], COUNTY, [...TOWNSHIPS, known]).problems).toEqual([]);
  });

  it("refuses a file without a recognisable header and one over the row limit", () => {
    expect(
      planRegistryImport(
        [
          sheet([
            ["a", "b"],
            ["1", "2"],
          ]),
        ],
        COUNTY,
        TOWNSHIPS,
      ).problems[0]?.message,
    ).toContain("没有找到学校名录");
    const big = sheet([HEADER, ...Array.from({ length: 20_001 }, () => ["x"])]);
    expect(planRegistryImport([big], COUNTY, TOWNSHIPS).problems[0]?.message).toContain("20000");
  });
});

describe("the synthetic school list", () => {
  it("is deterministic, synthetic-looking and readable by the importer", () => {
    const towns = TOWNSHIPS.map((t) => ({ code: t.code, name: t.name }));
    const a = syntheticSchoolList("620821", "泾川县", towns, { count: 12, seed: 7 });
    expect(syntheticSchoolList("620821", "泾川县", towns, { count: 12, seed: 7 })).toEqual(a);
    expect(syntheticSchoolList("620821", "泾川县", towns, { count: 12, seed: 8 })).not.toEqual(a);
    expect(a.rows[0]?.slice(0, 2)).toEqual(["1620821001", "泾川县示例第一小学"]);
    expect(a.rows.every((r) => /^1390000\d{4}$/.test(r[8] ?? ""))).toBe(true);
    expect(schoolListCsv(a).split("\r\n")[1]).toBe(a.headers.join(","));
    const plan = planRegistryImport([sheet([[a.title], a.headers, ...a.rows])], COUNTY, TOWNSHIPS);
    expect(plan.problems).toEqual([]);
    expect(plan.diff.added).toHaveLength(12);
    expect(
      plan.diff.added.find((x) => x.school?.schoolType === "teachingPoint")?.school?.hostSchoolCode,
    ).toBe("1620821001");
  });

  it("gives the same schools as seeds with the types, places and ownership the importer reads", () => {
    const towns = TOWNSHIPS.map((t) => ({ code: t.code, name: t.name }));
    const list = syntheticSchoolList("620821", "泾川县", towns, { count: 20, seed: 3 });
    const seeds = schoolListSeeds("620821", "泾川县", towns, list);
    expect(seeds.filter((s) => s.kind === "township").map((s) => s.code)).toEqual(towns.map((t) => t.code));
    const plan = planRegistryImport([sheet([[list.title], list.headers, ...list.rows])], COUNTY, TOWNSHIPS);
    const read = plan.diff.added.map((a) => [a.code, a.school?.schoolType, a.school?.ownership]);
    const seeded = seeds.flatMap((s) =>
      s.school === undefined ? [] : [[s.code, s.school.schoolType, s.school.ownership]],
    );
    expect(seeded).toEqual(read);
    const townOf = new Map(towns.map((t) => [t.code, t.name]));
    expect(seeds.filter((s) => s.kind === "school").map((s) => townOf.get(s.parentCode ?? ""))).toEqual(
      list.rows.map((r) => r[5]),
    );
  });
});
