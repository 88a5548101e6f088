import { describe, expect, it } from "vitest";
import { linkMetric, METRIC_SYNONYMS } from "./metrics.ts";

describe("linkMetric", () => {
  it.each([
    ["学前三年毛入园率", "preschool-gross-enrolment-rate"],
    ["学前教育毛入园率", "preschool-gross-enrolment-rate"],
    // a part of the population is not the whole: no link rather than the county's figure
    ["农村学前三年毛入园率", null],
    ["特殊教育学校师生比", null],
    ["民办幼儿园专任教师学历合格率", null],
    ["九年义务教育巩固率", "compulsory-retention-rate"],
    ["高中阶段毛入学率", "senior-gross-enrolment-rate"],
    ["三类残疾儿童入学率", "disabled-children-enrolment-rate"],
    ["普惠性幼儿园占比", "inclusive-kindergarten-share"],
    ["學前教育毛入園率", "preschool-gross-enrolment-rate"],
    ["新建农村学校教师周转房", null],
  ])("%s → %s", (metric, code) => {
    expect(linkMetric(metric)).toBe(code);
  });

  it("takes an extended table", () => {
    const table = [...METRIC_SYNONYMS, { code: "x", name: "教师周转房", synonyms: ["周转房"] }];
    expect(linkMetric("新建农村学校教师周转房", table)).toBe("x");
  });

  it("has unique codes", () => {
    const codes = METRIC_SYNONYMS.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("the joined synonym table", () => {
  it("links catalogue wordings the document table alone did not know", () => {
    expect(linkMetric("普惠园覆盖率")).toBe("inclusive-kindergarten-share");
    expect(linkMetric("学前三年毛入园率")).toBe("preschool-gross-enrolment-rate");
    expect(linkMetric("新增学位")).toBe("new-school-places");
  });
});
