import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OrgUnitSeed, SchoolType, UrbanRural } from "../org/org-unit.ts";
import type { SchoolYearRecord } from "../stats/records.ts";
import { compileIndicatorSource } from "./compile.ts";
import { evaluateCompiled, tableValue } from "./engine.ts";
import { prepareRows } from "./prepared-rows.ts";
import { buildStatRows, type StatRow } from "./rows.ts";
import { TEST_POPULATION, TEST_RECORDS, TEST_UNITS } from "./test-county.ts";

const { rows } = buildStatRows(TEST_UNITS, TEST_RECORDS, TEST_POPULATION);
const prepared = prepareRows(rows);

function run(source: string, unit = "100000", year = 2020): { value: number | null; codes: string[] } {
  const c = compileIndicatorSource(source);
  if (c.compiled === undefined) {
    throw new Error(c.issues.map((i) => i.message).join("; "));
  }
  const r = evaluateCompiled(prepared, "t", c.compiled, { years: [year] });
  return { value: tableValue(r.table, unit, year)?.value ?? null, codes: r.issues.map((i) => i.code) };
}

describe("evaluateCompiled: filters", () => {
  it.each([
    ["sum(pupils.total)", 2100],
    ["sum(pupils.total) where urbanRural = rural", 480],
    ["sum(pupils.total) where urbanRural in (urban, town)", 1620],
    ["sum(pupils.total) where ownership = private", 120],
    ["sum(pupils.total) where inclusive", 120],
    ["sum(pupils.total) where not inclusive", 1980],
    ["sum(pupils.total) where schoolType = nineYear", 480],
    ["sum(pupils.total) where level = senior", 1500],
    ["sum(pupils.total) where level = preschool", 600],
    ["sum(pupils.junior where schoolType = completeSecondary) + sum(pupils.primary)", 900],
    ["sum(pupils.total where ownership = public) where urbanRural = rural", 480],
    ["count()", 3],
    ["count(where ownership = public)", 2],
    ["maxOf(classes.junior.size56to65)", 6],
    ["minOf(pupils.total where level in (junior))", 480],
    ["sum(population.age3to5) where urbanRural = rural", 110],
    ["pupils.primary * 2", 600],
    ["sum(pupils.primary / teachers.fullTime.primary where schoolType = nineYear)", 15],
    ["max(sum(pupils.primary), 1000)", 1000],
  ] as const)("%s = %d", (src, expected) => {
    expect(run(src).value).toBe(expected);
  });
});

describe("evaluateCompiled: aggregation and years", () => {
  it("sums numerators and denominators up the hierarchy, then divides (not a mean of ratios)", () => {
    const src = "sum(pupils.junior) / sum(teachers.fullTime.junior)";
    expect(run(src, "1000000002").value).toBe(10);
    expect(run(src, "1000000003").value).toBeCloseTo(600 / 45, 12);
    expect(run(src, "100000").value).toBe(750 / 60);
    expect(run(src, "100000001").value).toBeCloseTo(600 / 45, 12);
  });

  it("reads lagged data from earlier years' rows", () => {
    expect(run("sum(entrants.primary@-9)").value).toBe(250);
    expect(run("sum(entrants.junior@-3)").value).toBe(250);
    expect(run("sum(entrants.primary@-9)", "100000", 2019).value).toBe(0);
  });

  it("returns null and an issue on division by zero, never NaN", () => {
    const r = run("sum(pupils.senior) * 100 / sum(teachers.fullTime.senior)", "1000000001");
    expect(r.value).toBeNull();
    expect(r.codes).toContain("division-by-zero");
  });

  it("counts per-record divisions by zero as 0 with a warning", () => {
    const r = run("sum(pupils.primary / teachers.fullTime.primary)");
    expect(r.value).toBe(15);
    expect(r.codes).toContain("row-division-by-zero");
  });

  it("summarises division-by-zero issues past maxIssues", () => {
    const c = compileIndicatorSource("sum(pupils.senior) / sum(teachers.fullTime.preschool)");
    if (!c.compiled) {
      throw new Error("compile");
    }
    const r = evaluateCompiled(prepared, "t", c.compiled, { years: [2011, 2017, 2020], maxIssues: 1 });
    expect(r.issues.filter((i) => i.code === "division-by-zero")).toHaveLength(2);
    expect(r.issues.at(-1)?.message).toMatch(/^另有/);
  });
});

describe("property: a county equals the sum of its townships", () => {
  const TYPES: readonly SchoolType[] = ["primary", "junior", "nineYear", "kindergarten"];
  const UR: readonly UrbanRural[] = ["urban", "town", "rural"];
  const school = fc.record({
    township: fc.integer({ min: 0, max: 4 }),
    type: fc.constantFrom(...TYPES),
    ur: fc.constantFrom(...UR),
    pupils: fc.integer({ min: 0, max: 3000 }),
    teachers: fc.integer({ min: 0, max: 200 }),
    big: fc.integer({ min: 0, max: 20 }),
    classes: fc.integer({ min: 0, max: 60 }),
  });

  it("holds for numerators, denominators and values of a filtered ratio", () => {
    fc.assert(
      fc.property(fc.array(school, { minLength: 1, maxLength: 40 }), (schools) => {
        const units: OrgUnitSeed[] = [{ code: "200000", name: "县", kind: "county" }];
        for (let t = 0; t < 5; t++) {
          units.push({ code: `20000000${t}`, name: `乡${t}`, kind: "township", parentCode: "200000" });
        }
        const records: SchoolYearRecord[] = schools.map((s, i) => {
          const code = `2${String(i).padStart(9, "0")}`;
          units.push({
            code,
            name: code,
            kind: "school",
            parentCode: `20000000${s.township}`,
            school: { schoolType: s.type, ownership: "public", isInclusive: false, urbanRural: s.ur },
          });
          return {
            schoolCode: code,
            year: 2020,
            values: {
              "pupils.primary": s.pupils,
              "teachers.fullTime.primary": s.teachers,
              "classes.primary": s.classes + s.big,
              "classes.primary.size56to65": s.big,
            },
          };
        });
        const stat: StatRow[] = buildStatRows(units, records).rows;
        const c = compileIndicatorSource(
          "sum(classes.primary.size56to65) * 100 / sum(classes.primary) where urbanRural != urban",
        );
        if (!c.compiled) {
          return false;
        }
        const { table } = evaluateCompiled(prepareRows(stat), "p", c.compiled, { years: [2020] });
        const county = tableValue(table, "200000", 2020);
        let num = 0;
        let den = 0;
        for (let t = 0; t < 5; t++) {
          const v = tableValue(table, `20000000${t}`, 2020);
          num += v?.numerator ?? 0;
          den += v?.denominator ?? 0;
        }
        expect(county?.numerator).toBe(num);
        expect(county?.denominator).toBe(den);
        expect(county?.value ?? null).toBe(den === 0 ? null : (num * 100) / den);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
