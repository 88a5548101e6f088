import { describe, expect, it } from "vitest";
import { DATA_ELEMENTS, elementsOfSheet, findDataElement } from "./data-elements.ts";
import { validateRecordValues } from "./validation.ts";

const ok = {
  "pupils.primary": 90,
  "pupils.primary.g1": 15,
  "pupils.primary.g2": 15,
  "pupils.primary.g3": 15,
  "pupils.primary.g4": 15,
  "pupils.primary.g5": 15,
  "pupils.primary.g6": 15,
  "classes.primary": 6,
  "classes.primary.sizeUpTo25": 6,
  "classes.primary.maxSize": 15,
  "teachers.fullTime.primary": 8,
  "teachers.bachelor.primary": 5,
  "teachers.associate.primary": 3,
  "staff.total": 9,
};

describe("validateRecordValues", () => {
  it("accepts a consistent record", () => {
    expect(validateRecordValues(ok, { schoolType: "primary" })).toEqual([]);
  });

  it.each([
    [{ "pupils.nope": 1 }, "unknown-data-element", "pupils.nope"],
    [{ "pupils.total": 1 }, "derived-element-reported", "在校生总数"],
    [{ "pupils.junior": -1 }, "negative-value", "初中在校生数"],
    [{ "pupils.junior": 1.5 }, "non-integer-count", "初中在校生数"],
    [{ "pupils.primary": 91 }, "grades-sum-mismatch", "小学在校生数"],
    [{ "pupils.primary.g1.female": 16 }, "female-exceeds-total", "小学一年级在校生数（女）"],
    [{ "classes.primary": 7 }, "class-bands-sum-mismatch", "小学班数"],
    [{ "classes.primary.maxSize": 60 }, "max-class-size-mismatch", "小学最大班额"],
    [{ "teachers.bachelor.primary": 6 }, "qualifications-sum-mismatch", "小学专任教师数"],
    [{ "teachers.certified.primary": 9 }, "subset-exceeds-total", "小学持有教师资格证专任教师数"],
    [{ "staff.total": 7 }, "teachers-exceed-staff", "教职工数"],
    [{ "pupils.senior": 10 }, "element-not-for-school-type", "普通高中在校生数"],
  ] as const)("%j → %s at column %s", (change, code, column) => {
    const issues = validateRecordValues({ ...ok, ...change }, { schoolType: "primary" });
    const found = issues.find((i) => i.code === code);
    expect(found, JSON.stringify(issues)).toBeDefined();
    expect(found?.where?.column).toBe(column);
    expect(found?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("places issues by sheet, row and column through locate", () => {
    const issues = validateRecordValues(
      { "pupils.junior": -3 },
      { locate: (c) => ({ sheet: "学生", row: 7, column: c }) },
    );
    expect(issues).toEqual([
      {
        code: "negative-value",
        severity: "error",
        message: "“初中在校生数”不能为负数（-3）",
        where: { sheet: "学生", row: 7, column: "pupils.junior" },
      },
    ]);
  });

  it.each([
    [100, 1000, true],
    [1000, 100, true],
    [100, 999, false],
    [5, 60, true],
    [1, 9, false],
  ] as const)("year-on-year: last year %i, now %i → warning %s", (previous, now, warned) => {
    const issues = validateRecordValues(
      { "pupils.junior": now },
      { previous: { "pupils.junior": previous } },
    );
    expect(issues.some((i) => i.code === "year-on-year-jump" && i.severity === "warning")).toBe(warned);
  });
});

describe("DATA_ELEMENTS", () => {
  it("has unique codes and unique labels (labels are template headers)", () => {
    expect(new Set(DATA_ELEMENTS.map((e) => e.code)).size).toBe(DATA_ELEMENTS.length);
    expect(new Set(DATA_ELEMENTS.map((e) => e.label)).size).toBe(DATA_ELEMENTS.length);
  });

  it("names the elements the brief's examples use", () => {
    for (const code of [
      "pupils.primary",
      "teachers.fullTime.junior",
      "area.teachingAux",
      "teachers.pe",
      "pupils.total",
      "population.age3to5",
    ]) {
      expect(findDataElement(code), code).toBeDefined();
    }
  });

  it("derives totals only from base elements", () => {
    for (const e of DATA_ELEMENTS.filter((x) => x.sumOf)) {
      for (const part of e.sumOf ?? []) {
        expect(findDataElement(part)?.sumOf, `${e.code} ← ${part}`).toBeUndefined();
      }
    }
  });

  it("puts every base element on a sheet", () => {
    const onSheets = ["basic", "pupils", "teachers", "conditions", "funding", "population"].flatMap((s) =>
      elementsOfSheet(s as "basic"),
    );
    expect(onSheets.length).toBe(DATA_ELEMENTS.filter((e) => !e.sumOf && !e.computedFrom).length);
  });
});
