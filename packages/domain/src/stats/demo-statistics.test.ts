import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateDemoCounty } from "../demo/demo-county.ts";
import { findStandardIndicator } from "../indicators/catalogue.ts";
import { evaluateIndicators } from "../indicators/definition.ts";
import { roundHalfUp as roundTo } from "@luoshi/common";
import { formatIndicatorValue } from "@luoshi/common";
import { tableValue } from "../indicators/engine.ts";
import { buildStatRows } from "../indicators/rows.ts";
import type { IndicatorDefinition } from "../indicators/definition.ts";
import { DEMO_PUBLISHED_2020, generateDemoStatistics } from "./demo-statistics.ts";
import { validateRecordValues } from "./validation.ts";

const county = generateDemoCounty();
const stats = generateDemoStatistics(county);
const { rows } = buildStatRows(county.units, [...stats.enrolmentHistory, ...stats.records], stats.population);
const COUNTY = county.countyCode;

const sumDef = (code: string, element: string): IndicatorDefinition => ({
  code,
  name: code,
  unit: "人",
  expression: `sum(${element})`,
  direction: "higher",
  display: "number",
  decimals: 0,
  source: "test",
});

const standard = (code: string): IndicatorDefinition => {
  const d = findStandardIndicator(code);
  if (d === undefined) {
    throw new Error(`no indicator ${code}`);
  }
  return d;
};

const defs = [
  sumDef("total", "pupils.total"),
  sumDef("preschool", "pupils.preschool"),
  sumDef("primary", "pupils.primary"),
  sumDef("junior", "pupils.junior"),
  sumDef("senior", "pupils.senior"),
  sumDef("special", "pupils.special"),
  sumDef("vocational", "pupils.vocational"),
  sumDef("teachers", "teachers.fullTime"),
  sumDef("staff", "staff.total"),
  standard("preschool-gross-enrolment-rate"),
  standard("compulsory-retention-rate"),
  standard("senior-gross-enrolment-rate"),
  standard("students-per-computer"),
  standard("large-class-share"),
  standard("junior-retention-rate"),
];
const { tables } = evaluateIndicators(rows, defs, { years: stats.years });
const at = (code: string, year = 2020): number | null => {
  const t = tables.get(code);
  return t === undefined ? null : (tableValue(t, COUNTY, year)?.value ?? null);
};

describe("generateDemoStatistics: the plan's 2020 figures through the indicator engine", () => {
  const seedText = readFileSync(
    new URL("../../fixtures/seeds/000_0be9ef1e3056036c.txt", import.meta.url),
    "utf8",
  );

  it.each([
    ["total", DEMO_PUBLISHED_2020.totalPupils, "在校生共计85905名"],
    ["preschool", 17909, "幼儿园17909名"],
    ["primary", 39091, "小学39091名"],
    ["junior", 18381, "初中18381名"],
    ["senior", 10327, "高中10327名"],
    ["special", 176, "特殊教育176名"],
    ["vocational", 21, "附设中职班21名"],
    ["teachers", 6322, "专任教师6322人"],
    ["staff", 7037, "教职工7037人"],
  ] as const)("%s = %i (seed text: %s)", (code, expected, quote) => {
    expect(seedText).toContain(quote);
    expect(at(code)).toBe(expected);
  });

  it.each([
    ["preschool-gross-enrolment-rate", "94.08%"],
    ["compulsory-retention-rate", "97.89%"],
    ["senior-gross-enrolment-rate", "95.02%"],
    ["students-per-computer", "6:1"],
  ] as const)("%s shows as %s", (code, shown) => {
    expect(formatIndicatorValue(standard(code), at(code))).toBe(shown);
  });

  it("rises from 2016 towards the 2025 targets", () => {
    const rate = (code: string, y: number): number => roundTo(at(code, y) ?? 0, 2);
    expect(rate("preschool-gross-enrolment-rate", 2016)).toBeLessThan(
      rate("preschool-gross-enrolment-rate", 2020),
    );
    expect(rate("compulsory-retention-rate", 2016)).toBeLessThan(97);
    expect(rate("compulsory-retention-rate", 2024)).toBeGreaterThan(98);
    expect(at("junior-retention-rate")).toBeGreaterThan(94);
    expect(at("junior-retention-rate")).toBeLessThanOrEqual(100);
  });

  it("has 大班额 in 2016 that eases by 2024", () => {
    expect(at("large-class-share", 2016)).toBeGreaterThan(at("large-class-share", 2024) ?? 0);
    expect(at("large-class-share", 2016)).toBeGreaterThan(5);
  });
});

describe("generateDemoStatistics: shape", () => {
  it("gives every school a record every year, and every township a population record", () => {
    expect(stats.records).toHaveLength(357 * 9);
    expect(stats.population).toHaveLength(18 * 9);
    expect(Math.min(...stats.enrolmentHistory.map((r) => r.year))).toBe(2007);
  });

  it("produces records that pass validation", () => {
    const types = new Map(county.units.map((u) => [u.code, u.school?.schoolType]));
    const problems = stats.records.flatMap((r) => {
      const schoolType = types.get(r.schoolCode);
      return validateRecordValues(r.values, schoolType === undefined ? {} : { schoolType }).map(
        (i) => `${r.schoolCode} ${r.year} ${i.code} ${i.message}`,
      );
    });
    expect(problems).toEqual([]);
  });

  it("has tiny 教学点 and crowded city schools", () => {
    const r2020 = stats.records.filter((r) => r.year === 2020);
    const type = new Map(county.units.map((u) => [u.code, u.school]));
    const points = r2020.filter((r) => type.get(r.schoolCode)?.schoolType === "teachingPoint");
    expect(Math.max(...points.map((r) => r.values["pupils.primary"] ?? 0))).toBeLessThan(60);
    const urban = r2020.filter(
      (r) =>
        type.get(r.schoolCode)?.urbanRural === "urban" && type.get(r.schoolCode)?.schoolType === "primary",
    );
    expect(Math.max(...urban.map((r) => r.values["classes.primary.maxSize"] ?? 0))).toBeGreaterThanOrEqual(
      56,
    );
  });

  it("leaves a few compulsory schools below the 优质均衡 thresholds of spec §1.1a", () => {
    const r2020 = stats.records.filter(
      (r) =>
        r.year === 2020 && (r.values["pupils.primary"] ?? 0) > 0 && r.values["pupils.junior"] === undefined,
    );
    const below = r2020.filter(
      (r) => (r.values["area.teachingAux"] ?? 0) / (r.values["pupils.primary"] ?? 1) < 4.5,
    );
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(r2020.length / 4);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const again = generateDemoStatistics(county);
    expect(JSON.stringify(again)).toBe(JSON.stringify(stats));
    const other = generateDemoStatistics(county, [2020], 7);
    const a = stats.records.find((r) => r.year === 2020)?.values;
    const b = other.records.find((r) => r.year === 2020)?.values;
    expect(a).not.toEqual(b);
  });
});
