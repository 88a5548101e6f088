import { describe, expect, it } from "vitest";
import type { SchoolType } from "../org/index.ts";
import { basicBalanceParts } from "./basic-balance-parts.ts";
import { NATIONAL_RULE_SET } from "./rule-set.ts";

describe("basicBalanceParts: a school's record as 2012 基本均衡 parts (spec §3)", () => {
  it.each<{
    name: string;
    schoolType: SchoolType;
    values: Record<string, number>;
    expected: { level: string; students: number; books: number; teachers: number; qualified: number }[];
  }>([
    {
      name: "a 小学 keeps its figures whole",
      schoolType: "primary",
      values: {
        "pupils.primary": 300,
        books: 9000,
        "teachers.fullTime.primary": 20,
        "teachers.associate.primary": 5,
        "teachers.bachelor.primary": 10,
      },
      expected: [{ level: "primary", students: 300, books: 9000, teachers: 20, qualified: 15 }],
    },
    {
      // Case 02 of spec §1.1b: 23,226 books, 166 + 210 pupils, weights 1 : 1.1.
      name: "a 九年一贯制 splits its facilities 1 : 1.1 by pupils",
      schoolType: "nineYear",
      values: { "pupils.primary": 166, "pupils.junior": 210, books: 23_226 },
      expected: [
        {
          level: "primary",
          students: 166,
          books: (23_226 * 166) / (166 + 1.1 * 210),
          teachers: 0,
          qualified: 0,
        },
        {
          level: "junior",
          students: 210,
          books: (23_226 * 1.1 * 210) / (166 + 1.1 * 210),
          teachers: 0,
          qualified: 0,
        },
      ],
    },
    {
      name: "a 学段 without pupils has no part",
      schoolType: "nineYear",
      values: { "pupils.primary": 120, books: 3000, "teachers.bachelor.junior": 4 },
      expected: [{ level: "primary", students: 120, books: 3000, teachers: 0, qualified: 0 }],
    },
    {
      name: "a school type outside 义务教育 has none",
      schoolType: "kindergarten",
      values: { "pupils.primary": 100 },
      expected: [],
    },
  ])("$name", ({ schoolType, values, expected }) => {
    const parts = basicBalanceParts({ code: "S1", schoolType, values }, NATIONAL_RULE_SET);
    expect(parts.map((p) => p.level)).toEqual(expected.map((e) => e.level));
    parts.forEach((p, i) => {
      const e = expected[i];
      expect(p.schoolId).toBe("S1");
      expect(p.students).toBe(e?.students);
      expect(p.quantities.books).toBeCloseTo(e?.books ?? Number.NaN, 6);
      expect(p.quantities.teachers).toBe(e?.teachers);
      expect(p.quantities.qualifiedTeachers).toBe(e?.qualified);
      expect(p.quantities.seniorTitleTeachers).toBe(0);
    });
  });
});
