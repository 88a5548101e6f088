import { describe, expect, it } from "vitest";
import type { PlanNode, PlanTarget } from "@luoshi/contracts";
import { buildNodeTree, nodeAt, previousNode, taskDeadline, taskRows, textSegments } from "./plan-model.ts";

function node(path: string, span: [number, number], extra: Partial<PlanNode> = {}): PlanNode {
  const parts = path.split(".");
  return {
    id: `n${path}`,
    path,
    parentPath: parts.slice(0, -1).join("."),
    level: parts.length,
    marker: `${parts.at(-1) ?? ""}.`,
    title: `条目${path}`,
    role: "task",
    roleLabel: "主要任务",
    span,
    titleSpan: [span[0], span[0] + 2],
    deadline: null,
    units: [],
    adoptedNodeId: null,
    ...extra,
  };
}

function target(path: string, year: number | null, extra: Partial<PlanTarget> = {}): PlanTarget {
  return {
    id: `t${path}${String(year)}`,
    path,
    text: `到${String(year)}年达到95%`,
    metric: "巩固率",
    indicatorCode: null,
    comparator: ">=",
    value: 95,
    valueMax: null,
    unit: "%",
    year,
    kind: "target",
    span: null,
    ...extra,
  };
}

const unit = (name: string, isLead: boolean, orgUnitName: string | null = null) => ({
  name,
  isLead,
  orgUnitId: orgUnitName === null ? null : `u-${name}`,
  orgUnitName,
  match: orgUnitName === null ? ("none" as const) : ("name" as const),
  suggestions: [],
});

describe("buildNodeTree", () => {
  it("should nest by parentPath in document order and keep orphans as roots", () => {
    const tree = buildNodeTree([
      node("2", [50, 90]),
      node("1", [0, 50]),
      node("1.1", [10, 50]),
      node("9.1", [95, 99]),
    ]);
    expect(tree.map((i) => i.node.path)).toEqual(["1", "2", "9.1"]);
    expect(tree[0]?.children.map((i) => i.node.path)).toEqual(["1.1"]);
  });
});

describe("previousNode and nodeAt", () => {
  const nodes = [node("1", [0, 50]), node("1.1", [10, 30]), node("1.2", [30, 50])];
  it("should merge into the node before in the text, none for the first", () => {
    expect(previousNode(nodes, "n1.2")?.path).toBe("1.1");
    expect(previousNode(nodes, "n1")).toBeUndefined();
  });
  it("should pick the innermost node at an offset", () => {
    expect(nodeAt(nodes, 12)?.path).toBe("1.1");
    expect(nodeAt(nodes, 5)?.path).toBe("1");
    expect(nodeAt(nodes, 60)).toBeUndefined();
  });
});

describe("taskDeadline", () => {
  it("should prefer the deadline, then the latest target year, then the period end", () => {
    expect(taskDeadline(node("1", [0, 1], { deadline: "2025年6月" }), [target("1", 2030)], 2025)).toBe(
      "2025年6月",
    );
    expect(taskDeadline(node("1", [0, 1]), [target("1", 2020), target("1", 2022)], 2025)).toBe("2022年");
    expect(taskDeadline(node("1", [0, 1]), [target("1", 2030, { kind: "baseline" })], 2025)).toBe("2025年底");
    expect(taskDeadline(node("1", [0, 1]), [], null)).toBe("");
  });
});

describe("taskRows", () => {
  it("should list the task leaves with lead, units, targets and deadline", () => {
    const rows = taskRows({
      periodEnd: 2020,
      nodes: [
        node("2", [0, 100]),
        node("2.1", [5, 100]),
        node("2.1.1", [10, 50], {
          units: [unit("各县区政府", true), unit("市教育局", false, "平凉市教育局")],
        }),
        node("2.1.2", [50, 100], { deadline: "长期坚持" }),
        node("3", [100, 120], { role: "safeguard" }),
      ],
      targets: [target("2.1.1", 2020), target("2.1.1", 2019, { kind: "baseline", text: "现状" })],
    });
    expect(rows).toEqual([
      {
        key: "n2.1.1",
        path: "2.1.1",
        title: "条目2.1.1",
        leadUnit: "各县区政府",
        units: "各县区政府、市教育局",
        targets: "到2020年达到95%",
        deadline: "2020年",
      },
      {
        key: "n2.1.2",
        path: "2.1.2",
        title: "条目2.1.2",
        leadUnit: "",
        units: "",
        targets: "",
        deadline: "长期坚持",
      },
    ]);
  });
});

describe("textSegments", () => {
  it("should cut at every boundary and mark titles, the active node and targets", () => {
    const nodes = [node("1", [0, 10]), node("2", [10, 20])];
    const segments = textSegments(25, nodes, [target("2", 2020, { span: [14, 18] })], "n2");
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 2],
      [2, 10],
      [10, 12],
      [12, 14],
      [14, 18],
      [18, 20],
      [20, 25],
    ]);
    expect(segments.map((s) => s.nodeId)).toEqual(["n1", "n1", "n2", "n2", "n2", "n2", undefined]);
    expect(segments.filter((s) => s.isTitle).map((s) => s.start)).toEqual([0, 10]);
    expect(segments.filter((s) => s.isActive).map((s) => s.start)).toEqual([10, 12, 14, 18]);
    expect(segments.filter((s) => s.isTarget).map((s) => s.start)).toEqual([14]);
  });

  it("should clip spans that run past the text", () => {
    const segments = textSegments(5, [node("1", [3, 40])], [], undefined);
    expect(segments.at(-1)).toMatchObject({ start: 3, end: 5, nodeId: "n1" });
  });
});
