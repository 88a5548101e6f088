import { describe, expect, it } from "vitest";
import { readDocumentLevel, type AreaName } from "./document-level.ts";

const kongtong: AreaName = { name: "崆峒区", kind: "county" };
const above: AreaName[] = [
  { name: "平凉市", kind: "city" },
  { name: "甘肃省", kind: "province" },
];

describe("readDocumentLevel", () => {
  it.each([
    ["崆峒区教育局", null, "own", "county"],
    ["中共崆峒区委 崆峒区人民政府", null, "own", "county"],
    ["平凉市教育局", null, "higher", "city"],
    ["平凉市崆峒区教育局", null, "own", "county"],
    [null, "平凉市崆峒区“十四五”教育事业发展专项规划", "own", "county"],
    ["甘肃省人民政府办公厅", null, "higher", "province"],
    ["教育部", null, "higher", "national"],
    ["国务院办公厅", null, "higher", "national"],
    ["西宁市教育局", null, "higher", "city"],
    ["湟中区人民政府", null, "higher", "county"],
    ["中共平凉市委办公室", null, "higher", "city"],
    ["中共湟中区委", null, "higher", "county"],
    [null, "西宁市学前教育第三期行动计划", "higher", "city"],
    [null, "崆峒区教育事业发展十四五规划", "own", "county"],
    [null, "关于推进义务教育优质均衡发展的实施方案", "own", "county"],
    [null, null, "own", "county"],
  ] as const)("%s / %s → %s (%s)", (issuer, title, level, issuerLevel) => {
    const reading = readDocumentLevel({ issuer, title }, kongtong, above);
    expect(reading.level).toBe(level);
    expect(reading.issuerLevel).toBe(issuerLevel);
    expect(reading.reason).not.toBe("");
  });

  it("names the foreign area in its reason", () => {
    expect(readDocumentLevel({ issuer: "西宁市教育局", title: null }, kongtong, above).reason).toContain(
      "西宁市",
    );
  });
});
