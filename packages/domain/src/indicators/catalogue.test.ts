import { describe, expect, it } from "vitest";
import { linkMetric } from "../parsing/metrics.ts";
import { STANDARD_INDICATORS } from "./catalogue.ts";
import { compileIndicators, evaluateIndicators } from "./definition.ts";
import { formatIndicatorValue } from "@luoshi/common";
import { tableValue } from "./engine.ts";
import { buildStatRows } from "./rows.ts";
import { INDICATOR_SYNONYMS } from "./target-rules.ts";
import { TEST_POPULATION, TEST_RECORDS, TEST_UNITS } from "./test-county.ts";

const { rows } = buildStatRows(TEST_UNITS, TEST_RECORDS, TEST_POPULATION);
const { tables, issues } = evaluateIndicators(rows, STANDARD_INDICATORS, { years: [2020] });

/** Expected county values, worked out by hand from test-county.ts (numerator, denominator, value). */
const EXPECTED: readonly [string, number][] = [
  ["preschool-gross-enrolment-rate", ((120 + 30) * 100) / (75 + 35)],
  ["inclusive-kindergarten-share", ((120 + 30) * 100) / 150],
  ["public-kindergarten-share", (30 * 100) / 150],
  ["kindergarten-child-teacher-ratio", 150 / (10 + 2)],
  ["kindergarten-certified-rate", ((9 + 1) * 100) / (10 + 1)],
  ["compulsory-retention-rate", ((48 + 195) * 100) / (250 + 12 - 9)],
  ["junior-retention-rate", ((48 + 195) * 100) / (250 + 7 - 5)],
  ["senior-gross-enrolment-rate", (900 * 100) / 1200],
  ["primary-gross-enrolment-rate", (300 * 100) / 360],
  ["junior-gross-enrolment-rate", (750 * 100) / 750],
  ["large-class-share", ((1 + 6 + 2) * 100) / 24],
  ["extra-large-class-share", (2 * 100) / 24],
  ["compulsory-dropout-rate", (1 * 100) / 1050],
  ["student-teacher-ratio", 2100 / 162],
  ["students-per-computer", 1950 / 250],
  ["teacher-qualification-rate", ((9 + 2 + 20 + 15 + 45 + 68) * 100) / 162],
  ["senior-postgraduate-teacher-share", (10 * 100) / 70],
  ["certified-teacher-rate", ((9 + 2 + 20 + 14 + 45 + 68) * 100) / 162],
  ["training-funding-share", (20000 * 100) / 400000],
  // 义务教育 parts: the 九年一贯制 whole (450 pupils), the 完全中学's 初中部: 600 pupils and
  // 600 / (600 + 1.2 × 900) of its 9000 m² 教学及辅助用房 (spec §1.1b).
  ["teaching-area-per-pupil-compulsory", (2500 + (9000 * 600) / (600 + 1.2 * 900)) / (450 + 600)],
  ["sports-area-per-pupil-compulsory", 4000 / (450 + 600)],
  ["equipment-value-per-pupil-compulsory", 1000000 / (450 + 600)],
  ["multimedia-classrooms-per-100-compulsory", (15 * 100) / (450 + 600)],
  ["student-teacher-ratio-primary", 300 / 20],
  ["student-teacher-ratio-junior", 750 / 60],
  ["student-teacher-ratio-senior", 900 / 70],
  ["teacher-qualification-rate-preschool", ((9 + 2) * 100) / 12],
  ["teacher-qualification-rate-primary", (20 * 100) / 20],
  ["teacher-qualification-rate-junior", (60 * 100) / 60],
  ["teacher-qualification-rate-senior", (68 * 100) / 70],
  ["above-qualification-teacher-share-primary", (18 * 100) / 20],
  ["above-qualification-teachers-per-100-primary", (18 * 100) / 300],
  ["backbone-teachers-per-100-primary", (2 * 100) / 300],
  ["pe-art-teachers-per-100-primary", (3 * 100) / 300],
  ["above-qualification-teacher-share-junior", (53 * 100) / 60],
  ["above-qualification-teachers-per-100-junior", (53 * 100) / 750],
  ["backbone-teachers-per-100-junior", (8 * 100) / 750],
  ["pe-art-teachers-per-100-junior", (9 * 100) / 750],
];

describe("STANDARD_INDICATORS on the hand-made 3-school county", () => {
  it("covers every catalogue entry exactly once", () => {
    expect(EXPECTED.map(([c]) => c).sort()).toEqual(STANDARD_INDICATORS.map((d) => d.code).sort());
    expect(new Set(STANDARD_INDICATORS.map((d) => d.code)).size).toBe(STANDARD_INDICATORS.length);
  });

  it("compiles every formula", () => {
    expect(compileIndicators(STANDARD_INDICATORS).issues).toEqual([]);
  });

  it.each(EXPECTED)("%s = %d", (code, expected) => {
    const t = tables.get(code);
    expect(t).toBeDefined();
    if (t) {
      expect(tableValue(t, "100000", 2020)?.value).toBeCloseTo(expected, 9);
    }
  });

  it("gives each definition a name, source and a direction", () => {
    for (const d of STANDARD_INDICATORS) {
      expect(d.name).toMatch(/[\u4e00-\u9fff]/);
      expect(d.source.length).toBeGreaterThan(3);
      expect(["higher", "lower"]).toContain(d.direction);
    }
  });

  it("reports numerator and denominator of a ratio", () => {
    const t = tables.get("compulsory-retention-rate");
    expect(t && tableValue(t, "100000", 2020)).toMatchObject({ numerator: 243, denominator: 253 });
  });

  it("returns null with an issue where a township has no denominator", () => {
    const t = tables.get("kindergarten-child-teacher-ratio");
    expect(t && tableValue(t, "1000000003", 2020)?.value).toBeNull();
    expect(issues.some((i) => i.code === "division-by-zero" && i.where?.unitCode === "1000000003")).toBe(
      true,
    );
  });

  it.each([
    ["students-per-computer", 7.8, "8:1"],
    ["kindergarten-child-teacher-ratio", 12.5, "1:12.5"],
    ["preschool-gross-enrolment-rate", 94.075, "94.08%"],
    ["teaching-area-per-pupil-compulsory", 4.5, "4.50平方米"],
  ] as const)("displays %s %d as %s", (code, value, shown) => {
    const d = STANDARD_INDICATORS.find((x) => x.code === code);
    expect(d && formatIndicatorValue(d, value)).toBe(shown);
  });
});

describe("INDICATOR_SYNONYMS", () => {
  it("links to catalogue codes only", () => {
    const codes = new Set(STANDARD_INDICATORS.map((d) => d.code));
    for (const s of INDICATOR_SYNONYMS) {
      expect(codes.has(s.code), s.code).toBe(true);
    }
  });

  it.each([
    ["学前三年毛入园率", "preschool-gross-enrolment-rate"],
    ["学前教育毛入园率", "preschool-gross-enrolment-rate"],
    ["毛入园率", "preschool-gross-enrolment-rate"],
    ["九年义务教育巩固率", "compulsory-retention-rate"],
    ["初中三年巩固率", "junior-retention-rate"],
    ["高中教育毛入学率", "senior-gross-enrolment-rate"],
    ["全区生机比", "students-per-computer"],
    ["小学教师专科以上学历比例", "above-qualification-teacher-share-primary"],
    ["超大班额", "extra-large-class-share"],
  ] as const)("the parser's linkMetric(%s) → %s", (metric, code) => {
    expect(linkMetric(metric, INDICATOR_SYNONYMS)).toBe(code);
  });
});
