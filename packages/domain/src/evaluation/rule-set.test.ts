import { describe, expect, it } from "vitest";
import { deriveRuleSet, HEBEI_RULE_SET, HENAN_RULE_SET, NATIONAL_RULE_SET, RULE_SETS } from "./rule-set.ts";
import { THRESHOLD_CATALOGUE, THRESHOLD_KEYS } from "./thresholds.ts";

const override = { id: "test", version: "1", name: "测试", jurisdiction: "410100" };

describe("rule sets (spec §6.3: national values are the floor)", () => {
  it("national 2017 values per spec §1.1a", () => {
    const t = NATIONAL_RULE_SET.thresholds;
    expect([4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3]).toEqual([
      t["resource.primary.qualifiedTeachers"],
      t["resource.primary.backboneTeachers"],
      t["resource.primary.peArtTeachers"],
      t["resource.primary.teachingFloorArea"],
      t["resource.primary.sportsArea"],
      t["resource.primary.equipmentValue"],
      t["resource.primary.multimediaClassrooms"],
    ]);
    expect([5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4]).toEqual([
      t["resource.junior.qualifiedTeachers"],
      t["resource.junior.backboneTeachers"],
      t["resource.junior.peArtTeachers"],
      t["resource.junior.teachingFloorArea"],
      t["resource.junior.sportsArea"],
      t["resource.junior.equipmentValue"],
      t["resource.junior.multimediaClassrooms"],
    ]);
    expect([
      t["resource.cvLimit.primary"],
      t["resource.cvLimit.junior"],
      t["resource.partialFactor"],
    ]).toEqual([0.5, 0.45, 0.85]);
    expect([t["basic.compositeLimit.primary"], t["basic.compositeLimit.junior"]]).toEqual([0.65, 0.55]);
    expect(THRESHOLD_KEYS.every((k) => t[k] === THRESHOLD_CATALOGUE[k].national)).toBe(true);
  });

  it("河南 raises 学前三年毛入园率 to 90% and records its base", () => {
    expect(HENAN_RULE_SET.thresholds["preschool.grossEnrolment"]).toBe(0.9);
    expect(HENAN_RULE_SET.base).toEqual({ id: "cn-national", version: "2017.1" });
    expect(HEBEI_RULE_SET.teachingPointPolicy).toBe("exclude-below-50");
    expect(new Set(RULE_SETS.map((r) => r.id)).size).toBe(RULE_SETS.length);
  });

  it.each([
    { name: "stricter min accepted", thresholds: { "resource.primary.sportsArea": 8 }, code: null, value: 8 },
    {
      name: "stricter max accepted",
      thresholds: { "resource.cvLimit.primary": 0.4 },
      code: null,
      value: 0.4,
    },
    { name: "equal accepted", thresholds: { "resource.primary.sportsArea": 7.5 }, code: null, value: 7.5 },
    {
      name: "looser min refused",
      thresholds: { "resource.primary.sportsArea": 7 },
      code: "rule-set-looser-than-floor",
      value: 7.5,
    },
    {
      name: "looser max refused",
      thresholds: { "resource.cvLimit.junior": 0.5 },
      code: "rule-set-looser-than-floor",
      value: 0.45,
    },
    {
      name: "unknown key",
      thresholds: { "resource.primary.books": 3 },
      code: "rule-set-unknown-threshold",
      value: undefined,
    },
    {
      name: "invalid value",
      thresholds: { "resource.primary.sportsArea": Number.NaN },
      code: "rule-set-invalid-value",
      value: 7.5,
    },
  ])("$name", ({ thresholds, code, value }) => {
    const { ruleSet, issues } = deriveRuleSet(NATIONAL_RULE_SET, { ...override, thresholds });
    expect(issues.map((i) => i.code)).toEqual(code ? [code] : []);
    const [key] = Object.keys(thresholds);
    if (value !== undefined && key !== undefined && key in ruleSet.thresholds) {
      expect(ruleSet.thresholds[key as keyof typeof ruleSet.thresholds]).toBe(value);
    }
    expect(ruleSet.id).toBe("test");
  });

  it("a derived set cannot go below its own base either", () => {
    const { issues } = deriveRuleSet(HENAN_RULE_SET, {
      ...override,
      thresholds: { "preschool.grossEnrolment": 0.88 },
    });
    expect(issues.map((i) => i.code)).toEqual(["rule-set-looser-than-floor"]);
  });

  it("validates split and recognition weights", () => {
    const bad = deriveRuleSet(NATIONAL_RULE_SET, {
      ...override,
      splitWeights: { ...NATIONAL_RULE_SET.splitWeights, nineYear: { primary: 1, junior: 0 } },
      recognitionWeights: { parents: -1 },
    });
    expect(bad.issues.map((i) => i.code)).toEqual(["rule-set-invalid-value", "rule-set-invalid-value"]);
    expect(bad.ruleSet.splitWeights).toBe(NATIONAL_RULE_SET.splitWeights);
    const good = deriveRuleSet(NATIONAL_RULE_SET, { ...override, recognitionWeights: { parents: 3 } });
    expect(good.ruleSet.recognitionWeights.parents).toBe(3);
  });
});
