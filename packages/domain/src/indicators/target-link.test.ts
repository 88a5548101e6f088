import { describe, expect, it } from "vitest";
import { STANDARD_INDICATORS } from "./catalogue.ts";
import {
  baseYear,
  describeRule,
  findRuleSentences,
  judgedComparator,
  suggestIndicator,
} from "./target-link.ts";
import { assessTarget } from "./targets.ts";
import { findQualitativeRule } from "./target-rules.ts";

const catalogue = STANDARD_INDICATORS.map((d) => ({ code: d.code, name: d.name, unit: d.unit }));

describe("suggestIndicator", () => {
  it.each([
    ["幼儿园专任教师学历合格率", "teacher-qualification-rate", "teacher-qualification-rate-preschool"],
    ["学前三年毛入园率", "preschool-gross-enrolment-rate", "preschool-gross-enrolment-rate"],
    ["、九年义务教育巩固率", null, "compulsory-retention-rate"],
    ["初中三年巩固率", null, "junior-retention-rate"],
    ["全区普惠性幼儿园占比", null, "inclusive-kindergarten-share"],
    ["人均受教育年限", "years-of-schooling", null],
    ["营养改善计划食堂自主供餐比率", null, null],
  ] as const)("%s (parser: %s) → %s", (metric, parserCode, expected) => {
    expect(suggestIndicator(metric, parserCode, catalogue)).toBe(expected);
  });

  it("only suggests codes of the given catalogue", () => {
    expect(suggestIndicator("巩固率", "compulsory-retention-rate", [{ code: "x", name: "生均经费" }])).toBe(
      null,
    );
    expect(suggestIndicator("生均经费", null, [{ code: "x", name: "生均经费" }])).toBe("x");
  });
});

describe("baseYear", () => {
  it("is the year before the plan period, else five years before the target", () => {
    expect(baseYear(2021, 2025)).toBe(2020);
    expect(baseYear(null, 2025)).toBe(2020);
    expect(baseYear(null, null)).toBe(null);
  });
});

describe("describeRule", () => {
  it("puts 基本消除大班额 into checkable words", () => {
    const rule = findQualitativeRule("城乡教育差距进一步缩小，大班额问题基本消除");
    expect(rule?.code).toBe("large-classes-basically-eliminated");
    expect(rule === null ? "" : describeRule(rule, catalogue)).toBe(
      "大班额比例 ≤ 5% 且 超大班额比例 ≤ 2%（standards §4 (S23) [C]）",
    );
  });
});

describe("judgedComparator", () => {
  it("reads 达到 (=) as reaching or passing in the indicator's better direction", () => {
    expect(judgedComparator("=", "higher")).toBe(">=");
    expect(judgedComparator("=", "lower")).toBe("<=");
    expect(judgedComparator("=", undefined)).toBe("=");
    expect(judgedComparator("<", "higher")).toBe("<");
  });

  it("so 小学教师专科以上学历比例达到90% at 98.49% is achieved, not off track", () => {
    const series = [
      { year: 2023, value: 97 },
      { year: 2024, value: 98.49 },
    ];
    const target = { indicatorCode: "x", value: 90, year: 2025 };
    expect(assessTarget({ ...target, comparator: "=" }, series).status).toBe("off-track");
    expect(assessTarget({ ...target, comparator: judgedComparator("=", "higher") }, series).status).toBe(
      "achieved",
    );
  });
});

describe("findRuleSentences", () => {
  it("finds 大班额问题基本消除 in a goal paragraph, once per rule", () => {
    const text =
      "义务教育学校全部达到省定办学标准，城乡教育差距进一步缩小，大班额问题基本消除，农村小规模学校办学吸引力明显增强。到2025年基本消除大班额。";
    const found = findRuleSentences(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      sentence: "大班额问题基本消除",
      offset: text.indexOf("大班额问题基本消除"),
    });
    expect(found[0]?.rule.code).toBe("large-classes-basically-eliminated");
    expect(findRuleSentences("化解“择校热”“大班额”矛盾")).toEqual([]);
  });
});
