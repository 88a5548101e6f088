import { describe, expect, it } from "vitest";
import type { RegistryUnit } from "./registry-diff.ts";
import { registryUnit, TEST_COUNTY } from "./registry-test-units.ts";
import { planRegistryImport } from "./registry-plan.ts";
import type { RegistrySheet } from "./school-registry.ts";

const COUNTY = TEST_COUNTY;
const school = (id: string, code: string, name: string, over: Partial<RegistryUnit> = {}): RegistryUnit =>
  registryUnit({
    id,
    code,
    name,
    kind: "school",
    parentId: "t1",
    schoolType: "primary",
    schoolTypeCode: "211",
    ownership: "public",
    isInclusive: true,
    urbanRural: "town",
    sponsor: "县级教育部门",
    phone: "13900000001",
    ...over,
  });
const UNITS: RegistryUnit[] = [
  registryUnit({ id: "t1", code: "620821100", name: "城关镇", kind: "township" }),
  registryUnit({ id: "t2", code: "620821101", name: "玉都镇", kind: "township" }),
  school("s1", "1620821001", "甲小学"),
  school("s2", "1620821002", "乙小学"),
  school("s3", "1620821003", "丙小学"),
  school("s4", "1620821004", "丁小学"),
  school("s5", "1620821005", "戊小学", { closedOn: "2024-08-31" }),
  registryUnit({
    id: "d1",
    code: "620821-jyj",
    name: "泾川县教育局",
    kind: "department",
    aliases: ["县教育局"],
  }),
];
const HEADER = ["学校标识码", "学校名称", "办学类型", "举办者", "城乡分类", "所在乡镇", "联系电话"];
const row = (code: string, name: string, town = "城关镇", phone = "13900000001") => [
  code,
  name,
  "211",
  "县级教育部门",
  "121",
  town,
  phone,
];
const file = (rows: string[][], departments?: string[][]): RegistrySheet[] => [
  { name: "学校名录", rows: [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells })) },
  ...(departments === undefined
    ? []
    : [{ name: "责任单位", rows: departments.map((cells, i) => ({ row: i + 1, cells })) }]),
];

describe("registry diff", () => {
  it("tells renames, moves, edits, additions, unchanged and missing apart", () => {
    const plan = planRegistryImport(
      file([
        row("1620821001", "甲小学（新名）"),
        row("1620821002", "乙小学", "玉都镇"),
        row("1620821003", "丙小学", "城关镇", "13900000009"),
        row("1620821006", "己小学"),
      ]),
      COUNTY,
      UNITS,
    );
    expect(plan.problems).toEqual([]);
    const { diff } = plan;
    expect(diff.added.map((a) => a.code)).toEqual(["1620821006"]);
    expect(
      diff.changed.map((c) => [c.code, c.changeKinds, c.fields.map((f) => [f.label, f.before, f.after])]),
    ).toEqual([
      ["1620821001", ["rename"], [["名称", "甲小学", "甲小学（新名）"]]],
      ["1620821002", ["move"], [["隶属", "城关镇", "玉都镇"]]],
      ["1620821003", ["edit"], [["联系电话", "13900000001", "13900000009"]]],
    ]);
    expect(diff.changed[1]?.patch).toEqual({ parent: { unitId: "t2" } });
    expect(diff.unchanged).toBe(0);
    expect(diff.missing.map((m) => m.code)).toEqual(["1620821004"]);
  });

  it("counts identical rows unchanged and leaves fields without a column alone", () => {
    const plan = planRegistryImport(file([row("1620821004", "丁小学")]), COUNTY, UNITS);
    expect(plan.diff.unchanged).toBe(1);
    expect(plan.diff.changed).toEqual([]);
  });

  it("reports a closed school as a problem instead of reopening it", () => {
    const plan = planRegistryImport(file([row("1620821005", "戊小学")]), COUNTY, UNITS);
    expect(plan.problems[0]?.message).toMatch(/^表“学校名录”第 2 行“学校标识码”列：.*已于 2024-08-31 撤销/);
  });

  it("adds departments parents first with county-keyed codes and matches by code or name", () => {
    const plan = planRegistryImport(
      file(
        [],
        [
          ["单位名称", "单位代码", "简称/别名", "上级单位"],
          ["泾川县教育局办公室", "", "局办", "泾川县财政局"],
          ["泾川县财政局", "", "县财政局、财政局", ""],
          ["泾川县教育局", "", "县教育局、教育局", ""],
        ],
      ),
      COUNTY,
      UNITS,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.diff.added.map((a) => [a.name, a.code, a.parent])).toEqual([
      ["泾川县财政局", "620821-2", { unitId: "county" }],
      ["泾川县教育局办公室", "620821-1", { newCode: "620821-2" }],
    ]);
    expect(plan.diff.changed.map((c) => [c.code, c.changeKinds, c.patch])).toEqual([
      ["620821-jyj", ["edit"], { aliases: ["县教育局", "教育局"] }],
    ]);
  });

  it("refuses a department cycle and an unknown parent, naming the row", () => {
    const plan = planRegistryImport(
      file(
        [],
        [
          ["单位名称", "上级单位"],
          ["甲科", "乙科"],
          ["乙科", "甲科"],
          ["丙科", "不存在局"],
        ],
      ),
      COUNTY,
      UNITS,
    );
    expect(plan.problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual([
      "2:上级单位",
      "3:上级单位",
      "4:上级单位",
    ]);
  });
});
