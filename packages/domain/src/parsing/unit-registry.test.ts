import { describe, expect, it } from "vitest";
import { matchUnits, type UnitRegistryEntry } from "./unit-registry.ts";

const REGISTRY: UnitRegistryEntry[] = [
  { code: "edu", name: "平凉市崆峒区教育局", aliases: ["区教育局", "崆峒区教育局"] },
  { code: "fin", name: "平凉市崆峒区财政局", aliases: ["区财政局"] },
  { code: "hr", name: "平凉市崆峒区人力资源和社会保障局", aliases: ["区人社局"] },
];

describe("matchUnits", () => {
  it("matches by normalised name and alias and suggests for the rest", () => {
    const result = matchUnits(
      ["平凉市崆峒区教育局", "区財政局", "区人社局负责", "崆峒区教育体育局", "区卫健局"],
      REGISTRY,
    );
    expect(result.matches).toEqual([
      { name: "平凉市崆峒区教育局", code: "edu", by: "name" },
      { name: "区財政局", code: "fin", by: "alias" },
      { name: "区人社局负责", code: "hr", by: "alias" },
    ]);
    expect(result.unmatched.map((u) => [u.name, u.suggestions.map((s) => s.code)])).toEqual([
      ["崆峒区教育体育局", ["edu"]],
      ["区卫健局", []],
    ]);
  });

  it("treats an alias shared by two units as ambiguous", () => {
    const registry = [
      { code: "a", name: "甲县教育局", aliases: ["县教育局"] },
      { code: "b", name: "乙县教育局", aliases: ["县教育局"] },
    ];
    const result = matchUnits(["县教育局"], registry);
    expect(result.matches).toEqual([]);
    expect(result.unmatched[0]?.suggestions.map((s) => s.code).sort()).toEqual(["a", "b"]);
  });
});
