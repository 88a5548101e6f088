import { describe, expect, it } from "vitest";
import type { OrgUnitSeed, SchoolType } from "../org/index.ts";
import { STANDARD_INDICATORS } from "../indicators/catalogue.ts";
import { evaluateIndicators } from "../indicators/definition.ts";
import { tableValue } from "../indicators/engine.ts";
import { buildStatRows } from "../indicators/rows.ts";
import { compulsoryPart } from "./compulsory-part.ts";
import { balanceSchoolFromStatistics } from "./from-statistics.ts";
import { HEBEI_RULE_SET, NATIONAL_RULE_SET } from "./rule-set.ts";
import { splitIntoParts } from "./school-parts.ts";

describe("the 义务教育 part of a school", () => {
  it("takes the 初中部 of a 完全中学 and the 小学部 and 初中部 of a 十二年一贯制 (spec §1.1b)", () => {
    const complete = compulsoryPart(
      "completeSecondary",
      { primary: 0, junior: 600, senior: 500 },
      NATIONAL_RULE_SET,
    );
    expect(complete.pupils).toBe(600);
    expect(complete.share).toBeCloseTo(600 / (600 + 1.2 * 500), 12);
    const twelve = compulsoryPart(
      "twelveYear",
      { primary: 300, junior: 200, senior: 100 },
      NATIONAL_RULE_SET,
    );
    expect(twelve.pupils).toBe(500);
    expect(twelve.share).toBeCloseTo((300 + 1.1 * 200) / (300 + 1.1 * 200 + 1.32 * 100), 12);
    expect(compulsoryPart("nineYear", { primary: 300, junior: 200, senior: 0 }, NATIONAL_RULE_SET)).toEqual({
      share: 1,
      pupils: 500,
    });
    expect(compulsoryPart("senior", { primary: 0, junior: 0, senior: 900 }, NATIONAL_RULE_SET).share).toBe(0);
  });

  it("leaves out a 教学点 under 50 pupils where the province's rule does (河北), counts it elsewhere", () => {
    const small = { primary: 30, junior: 0, senior: 0 };
    expect(compulsoryPart("teachingPoint", small, HEBEI_RULE_SET)).toEqual({ share: 0, pupils: 0 });
    expect(compulsoryPart("teachingPoint", small, NATIONAL_RULE_SET)).toEqual({ share: 1, pupils: 30 });
    expect(compulsoryPart("teachingPoint", { ...small, primary: 50 }, HEBEI_RULE_SET).pupils).toBe(50);
  });

  it("gives the catalogue's 义务教育生均 figures the evaluation's parts, summed", () => {
    const schools: [string, SchoolType, Record<string, number>][] = [
      [
        "1000000001",
        "completeSecondary",
        { "pupils.junior": 600, "pupils.senior": 500, "area.teachingAux": 9000 },
      ],
      [
        "1000000002",
        "twelveYear",
        { "pupils.primary": 300, "pupils.junior": 200, "pupils.senior": 100, "area.teachingAux": 6000 },
      ],
      ["1000000003", "teachingPoint", { "pupils.primary": 30, "area.teachingAux": 200 }],
      ["1000000004", "primary", { "pupils.primary": 400, "area.teachingAux": 2400 }],
    ];
    const units: OrgUnitSeed[] = [
      { code: "130102", name: "测试区", kind: "county" },
      ...schools.map(([code, schoolType]): OrgUnitSeed => ({
        code,
        name: `测试学校${code.slice(-1)}`,
        kind: "school",
        parentCode: "130102",
        school: { schoolType, ownership: "public", isInclusive: true, urbanRural: "urban" },
      })),
    ];
    const { rows } = buildStatRows(
      units,
      schools.map(([schoolCode, , values]) => ({ schoolCode, year: 2024, values })),
    );
    for (const rules of [NATIONAL_RULE_SET, HEBEI_RULE_SET]) {
      const { tables } = evaluateIndicators(rows, STANDARD_INDICATORS, {
        years: [2024],
        compulsoryRules: rules,
      });
      const table = tables.get("teaching-area-per-pupil-compulsory");
      const got = table === undefined ? null : tableValue(table, "130102", 2024);
      const { parts } = splitIntoParts(
        schools.map(
          ([code, schoolType, values]) =>
            balanceSchoolFromStatistics({ code, name: code, schoolType }, values).school,
        ),
        rules,
      );
      const area = parts.reduce((s, p) => s + p.quantities.teachingFloorArea, 0);
      const pupils = parts.reduce((s, p) => s + p.students, 0);
      expect(got?.numerator).toBeCloseTo(area, 9);
      expect(got?.denominator).toBe(pupils);
    }
  });
});
