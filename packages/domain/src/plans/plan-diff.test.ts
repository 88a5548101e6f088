import { describe, expect, it } from "vitest";
import { diffPlans, type DiffNode } from "./plan-diff.ts";

const node = (path: string, title: string, units: string[] = [], role = "task"): DiffNode => ({
  path,
  title,
  role,
  units,
  lead: units[0] ?? null,
});

describe("diffPlans", () => {
  const base = {
    nodes: [
      node("1", "总体要求", [], "principle"),
      node("2.1", "扩大学前资源", ["区教育局"]),
      node("2.2", "消除大班额", ["区教育局"]),
    ],
    targets: ["毛入园率达到95%以上"],
  };

  it("finds nothing between equal versions", () => {
    expect(diffPlans(base, base)).toEqual({
      added: [],
      removed: [],
      changed: [],
      targetsAdded: [],
      targetsRemoved: [],
    });
  });

  it("sees an inserted item as one addition even when later paths shift", () => {
    const revised = {
      nodes: [
        node("1", "总体要求", [], "principle"),
        node("2.1", "新建公办园"),
        node("2.2", "扩大学前资源", ["区教育局"]),
        node("2.3", "消除大班额", ["区教育局"]),
      ],
      targets: base.targets,
    };
    const d = diffPlans(base, revised);
    expect(d.added).toEqual([{ path: "2.1", title: "新建公办园" }]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([]);
  });

  it("reports changed units, lead and role, removed items and targets", () => {
    const revised = {
      nodes: [node("1", "总体要求", [], "goal"), node("2.1", "扩大学前资源", ["区财政局", "区教育局"])],
      targets: ["毛入园率达到96%以上"],
    };
    const d = diffPlans(base, revised);
    expect(d.removed).toEqual([{ path: "2.2", title: "消除大班额" }]);
    expect(d.changed.map((c) => c.field)).toEqual(["role", "units", "lead"]);
    expect(d.targetsAdded).toEqual(["毛入园率达到96%以上"]);
    expect(d.targetsRemoved).toEqual(["毛入园率达到95%以上"]);
  });

  it("treats a reworded title at the same path as a change", () => {
    const revised = {
      nodes: [
        node("1", "总体要求", [], "principle"),
        node("2.1", "扩大普惠性学前资源", ["区教育局"]),
        node("2.2", "消除大班额", ["区教育局"]),
      ],
      targets: base.targets,
    };
    const d = diffPlans(base, revised);
    expect(d.changed).toEqual([
      { path: "2.1", field: "title", before: "扩大学前资源", after: "扩大普惠性学前资源" },
    ]);
  });
});
