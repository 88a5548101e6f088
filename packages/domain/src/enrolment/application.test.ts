import { describe, expect, it } from "vitest";
import { checkCategoryRules, classifyApplication, DEFAULT_CATEGORY_RULES } from "./application.ts";

const none = {
  hukou: false,
  property: false,
  lease: false,
  residencePermit: false,
  socialMonths: 0,
  sibling: false,
  policy: false,
};

describe("classifyApplication", () => {
  it("takes the first category whose requirements hold, and says why item by item", () => {
    expect(
      classifyApplication({ ...none, hukou: true, property: true }, DEFAULT_CATEGORY_RULES),
    ).toMatchObject({
      code: "A",
      tier: 1,
      because: "户籍在片区、房产在片区",
    });
    expect(classifyApplication({ ...none, property: true }, DEFAULT_CATEGORY_RULES).code).toBe("B");
    expect(
      classifyApplication({ ...none, residencePermit: true, socialMonths: 12 }, DEFAULT_CATEGORY_RULES),
    ).toMatchObject({ code: "C", tier: 3, because: "居住证、社保 12 个月 ≥ 12" });
    expect(
      classifyApplication({ ...none, residencePermit: true, socialMonths: 11 }, DEFAULT_CATEGORY_RULES).code,
    ).toBe("D");
  });

  it("refuses rules without a catch-all last category or with a code twice", () => {
    expect(
      checkCategoryRules({
        version: 2,
        categories: [
          { code: "A", label: "x", when: [[{ doc: "hukou" }]] },
          { code: "A", label: "y", when: [[{ doc: "property" }]] },
        ],
      }).map((i) => i.message),
    ).toEqual(["类别代码 A 重复", "最后一个类别应无条件（兜底），否则会有报名无法归类"]);
    expect(checkCategoryRules(DEFAULT_CATEGORY_RULES)).toEqual([]);
  });
});
