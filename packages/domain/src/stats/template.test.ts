import { describe, expect, it } from "vitest";
import { STATS_SHEETS } from "./data-elements.ts";
import { STATS_TEMPLATE, sheetByName, templateHeaders } from "./template.ts";
import {
  matchHeaders,
  mergeParsedRows,
  parseTemplateRow,
  readNumber,
  rowToCells,
  type Cell,
} from "./template-parse.ts";

describe("STATS_TEMPLATE", () => {
  it("has the six sheets with Chinese names and key columns first", () => {
    expect(STATS_TEMPLATE.map((s) => s.name)).toEqual([
      "学校基本情况",
      "学生",
      "教师",
      "办学条件",
      "经费",
      "人口",
    ]);
    expect(templateHeaders("pupils").slice(0, 4)).toEqual([
      "学校标识码",
      "学校名称",
      "统计年度",
      "学前在园幼儿数",
    ]);
    expect(templateHeaders("population").slice(0, 4)).toEqual([
      "乡镇代码",
      "乡镇名称",
      "统计年度",
      "0岁人口",
    ]);
    expect(sheetByName("教师")).toBe("teachers");
  });

  it.each(STATS_SHEETS)("round-trips %s: headers → cells → record → cells", (sheet) => {
    const headers = templateHeaders(sheet);
    const { binding, issues } = matchHeaders(sheet, headers);
    expect(issues).toEqual([]);
    const cells: Cell[] = binding.columns.map((c, i) => {
      if (c?.field === "schoolCode") {
        return "6208020001";
      }
      if (c?.field === "areaCode") {
        return "620802001";
      }
      if (c?.field === "year") {
        return 2020;
      }
      if (c?.field === "schoolType") {
        return "小学";
      }
      if (c?.field === "ownership") {
        return "公办";
      }
      if (c?.field === "urbanRural") {
        return "乡村";
      }
      if (c?.field === "isInclusive") {
        return "否";
      }
      if (c?.field === "schoolName" || c?.field === "areaName") {
        return "名称";
      }
      return sheet === "pupils" || sheet === "teachers" ? null : i;
    });
    const parsed = parseTemplateRow(binding, cells, 2);
    expect(parsed.row).not.toBeNull();
    if (parsed.row) {
      expect(rowToCells(binding, parsed.row)).toEqual(cells);
    }
  });
});

describe("parseTemplateRow", () => {
  const { binding } = matchHeaders("pupils", [
    "学校标识码",
    "统计年度",
    "小学在校生数",
    "小学一年级在校生数",
    "小学二年级在校生数",
    "小学班数",
  ]);

  it("reads a good row", () => {
    const r = parseTemplateRow(binding, ["6208020001", "2020", "1,200", "600", "６００", ""], 3);
    expect(r.issues).toEqual([]);
    expect(r.row).toMatchObject({
      schoolCode: "6208020001",
      year: 2020,
      values: { "pupils.primary": 1200, "pupils.primary.g1": 600, "pupils.primary.g2": 600 },
    });
  });

  it.each([
    [["6208020001", "2020", "abc", null, null, null], "not-a-number", "小学在校生数"],
    [["6208020001", "2020", -5, null, null, null], "negative-value", "小学在校生数"],
    [["6208020001", "2020", 10, 3, 3, null], "grades-sum-mismatch", "小学在校生数"],
    [["6208020001", "二〇二〇", 10, null, null, null], "bad-year", "统计年度"],
    [[null, "2020", 10, null, null, null], "missing-key", "学校标识码"],
  ] as const)("%j → %s in column %s", (cells, code, column) => {
    const r = parseTemplateRow(binding, cells, 5);
    expect(r.issues.find((i) => i.code === code)?.where).toEqual({ sheet: "学生", row: 5, column });
  });

  it("reports unknown, duplicate and missing columns on row 1", () => {
    const { issues } = matchHeaders("pupils", ["学校标识码", "小学在校生数", "小学在校生数", "体重"]);
    expect(issues.map((i) => [i.code, i.where?.column])).toEqual([
      ["duplicate-column", "小学在校生数"],
      ["unknown-data-element", "体重"],
      ["missing-key-column", "统计年度"],
    ]);
  });

  it("accepts element codes and spacing variants as headers", () => {
    const { binding: b, issues } = matchHeaders("pupils", [
      "学校代码",
      "年份",
      "pupils.junior",
      " 初中班数 ",
    ]);
    expect(issues).toEqual([]);
    expect(b.columns.map((c) => c?.element ?? c?.field)).toEqual([
      "schoolCode",
      "year",
      "pupils.junior",
      "classes.junior",
    ]);
  });

  it("reads 办学类型 and 城乡分类 given as national codes", () => {
    const { binding: b } = matchHeaders("basic", ["学校标识码", "统计年度", "办学类型", "城乡分类"]);
    const coded = parseTemplateRow(b, ["6208020001", 2020, "312 九年一贯制学校", "121"], 2);
    expect(coded.issues).toEqual([]);
    expect(coded.row?.attributes).toEqual({ schoolType: "nineYear", urbanRural: "town" });
    expect(parseTemplateRow(b, ["6208020001", 2020, "小学", "乡村"], 3).row?.attributes).toEqual({
      schoolType: "primary",
      urbanRural: "rural",
    });
    // a 附设班 is no school type
    expect(parseTemplateRow(b, ["6208020001", 2020, "219", "220"], 4).issues.map((i) => i.code)).toEqual([
      "unknown-attribute-value",
    ]);
  });

  it.each([
    [" 12 ", 12],
    ["—", null],
    ["3.5", 3.5],
    [null, null],
  ] as const)("readNumber(%j) = %j", (cell, n) => {
    expect(readNumber(cell)).toBe(n);
  });
});

describe("mergeParsedRows", () => {
  it("merges sheets into one record per school-year and flags conflicts", () => {
    const pupils = matchHeaders("pupils", ["学校标识码", "统计年度", "小学在校生数"]).binding;
    const basic = matchHeaders("basic", ["学校标识码", "统计年度", "教职工数"]).binding;
    const rows = [
      parseTemplateRow(pupils, ["1", 2020, 300], 2).row,
      parseTemplateRow(basic, ["1", 2020, 30], 2).row,
      parseTemplateRow(pupils, ["1", 2020, 301], 3).row,
    ].filter((r) => r !== null);
    const merged = mergeParsedRows(rows);
    expect(merged.records).toEqual([
      { schoolCode: "1", year: 2020, values: { "pupils.primary": 300, "staff.total": 30 } },
    ]);
    expect(merged.issues.map((i) => [i.code, i.where?.row])).toEqual([["conflicting-value", 3]]);
  });
});
