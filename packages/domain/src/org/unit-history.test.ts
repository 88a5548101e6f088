import { describe, expect, it } from "vitest";
import {
  movedOutOf,
  nameOn,
  openInYear,
  openOn,
  parentOn,
  referenceDay,
  yearChains,
  type UnitChangeFact,
  type UnitMove,
} from "./unit-history.ts";

describe("units over time", () => {
  it("takes 1 September as the day a statistical year describes", () => {
    expect(referenceDay(2024)).toBe("2024-09-01");
  });

  it("counts a school merged over the summer in the year before and not in the year of the merger", () => {
    const merged = { openedOn: null, closedOn: "2024-08-20" };
    expect(openInYear(merged, 2023)).toBe(true);
    expect(openInYear(merged, 2024)).toBe(false);
  });

  it("counts a school opened for the autumn term in that year", () => {
    const opened = { openedOn: "2024-09-01", closedOn: null };
    expect(openInYear(opened, 2023)).toBe(false);
    expect(openInYear(opened, 2024)).toBe(true);
    expect(openOn(opened, "2024-08-31")).toBe(false);
  });

  it("closes a unit on its closing day", () => {
    expect(openOn({ openedOn: null, closedOn: "2025-01-01" }, "2025-01-01")).toBe(false);
    expect(openOn({ openedOn: null, closedOn: "2025-01-01" }, "2024-12-31")).toBe(true);
  });

  it("gives the name and parent a unit had on a day from its later renames and moves", () => {
    const changes: UnitChangeFact[] = [
      { kind: "rename", effectiveOn: "2025-03-01", before: { name: "乙名" } },
      { kind: "rename", effectiveOn: "2023-03-01", before: { name: "甲名" } },
      { kind: "move", effectiveOn: "2024-01-01", before: { parentId: "old-township" } },
    ];
    expect(nameOn("丙名", changes, "2022-09-01")).toBe("甲名");
    expect(nameOn("丙名", changes, "2024-09-01")).toBe("乙名");
    expect(nameOn("丙名", changes, "2025-09-01")).toBe("丙名");
    expect(parentOn("new-township", changes, "2023-09-01")).toBe("old-township");
    expect(parentOn("new-township", changes, "2024-09-01")).toBe("new-township");
  });

  describe("a school moved from 乡镇 A to 乡镇 B on 2024-07-01", () => {
    const units = [
      { id: "k", code: "K", parentId: null },
      { id: "a", code: "A", parentId: "k" },
      { id: "b", code: "B", parentId: "k" },
      { id: "s", code: "S", parentId: "b" },
      { id: "t", code: "T", parentId: "a" },
    ];
    const moves: UnitMove[] = [{ orgUnitId: "s", effectiveOn: "2024-07-01", before: { parentId: "a" } }];

    it("puts it under A up to 2023 and under B from 2024, below the county every year", () => {
      const county = yearChains(units, moves, "k");
      expect(county("S", 2023)).toEqual(["S", "A", "K"]);
      expect(county("S", 2024)).toEqual(["S", "B", "K"]);
      expect(county("T", 2023)).toEqual(["T", "A", "K"]);
    });

    it("leaves it outside A from 2024 and outside B before", () => {
      const a = yearChains(units, moves, "a");
      expect(a("S", 2023)).toEqual(["S", "A"]);
      expect(a("S", 2024)).toBeNull();
      const b = yearChains(units, moves, "b");
      expect(b("S", 2023)).toBeNull();
      expect(b("S", 2024)).toEqual(["S", "B"]);
      expect(b("T", 2024)).toBeNull();
    });

    it("finds the units that were below A after a day and lie elsewhere now", () => {
      expect(movedOutOf(new Set(["a", "t"]), moves, "2014-09-01")).toEqual(new Set(["s"]));
      expect(movedOutOf(new Set(["a", "t"]), moves, "2024-09-01")).toEqual(new Set());
      const twice: UnitMove[] = [
        ...moves,
        { orgUnitId: "b", effectiveOn: "2025-01-01", before: { parentId: "k" } },
      ];
      expect(movedOutOf(new Set(["k", "a", "t"]), twice, "2014-09-01")).toEqual(new Set(["s", "b"]));
    });
  });
});
