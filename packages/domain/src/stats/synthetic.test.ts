import { describe, expect, it } from "vitest";
import type { OrgUnitSeed } from "../org/org-unit.ts";
import { syntheticStatistics } from "./synthetic.ts";

const UNITS: OrgUnitSeed[] = [
  { code: "990101", name: "示例县", kind: "county" },
  { code: "990101001", name: "示例镇", kind: "township", parentCode: "990101" },
  {
    code: "9901010001",
    name: "示例县第一小学",
    kind: "school",
    parentCode: "990101001",
    school: { schoolType: "primary", ownership: "public", isInclusive: true, urbanRural: "town" },
  },
  {
    code: "9901010002",
    name: "示例县第一幼儿园",
    kind: "school",
    parentCode: "990101001",
    school: { schoolType: "kindergarten", ownership: "private", isInclusive: false, urbanRural: "town" },
  },
];

describe("synthetic statistics for a list of units", () => {
  it("gives every school a record and every township its population for each year, the same for a seed", () => {
    const stats = syntheticStatistics(UNITS, [2023, 2024]);
    expect(stats.records.map((r) => `${r.schoolCode}/${r.year}`)).toEqual([
      "9901010001/2023",
      "9901010001/2024",
      "9901010002/2023",
      "9901010002/2024",
    ]);
    expect(stats.population.map((p) => `${p.areaCode}/${p.year}`)).toEqual([
      "990101001/2023",
      "990101001/2024",
    ]);
    const primary = stats.records[0]?.values ?? {};
    expect(primary["pupils.primary"]).toBeGreaterThan(0);
    expect(primary["pupils.preschool"]).toBeUndefined();
    expect(stats.records[2]?.values["pupils.preschool"]).toBeGreaterThan(0);
    expect(syntheticStatistics(UNITS, [2023, 2024])).toEqual(stats);
    expect(syntheticStatistics(UNITS, [2023, 2024], 8)).not.toEqual(stats);
  });
});
