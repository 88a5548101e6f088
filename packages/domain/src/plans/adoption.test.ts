import { describe, expect, it } from "vitest";
import {
  AdoptionError,
  buildAdoption,
  chineseNumber,
  defaultLocalUnits,
  targetSentence,
  type HigherItem,
  type HigherTarget,
} from "./adoption.ts";

const local = new Map([
  ["u-jyj", "崆峒区教育局"],
  ["u-czj", "崆峒区财政局"],
  ["u-rsj", "崆峒区人社局"],
]);

const item = (id: string, path: string, title: string, extra: Partial<HigherItem> = {}): HigherItem => ({
  id,
  path,
  parentPath: path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "",
  title,
  role: "task",
  deadline: null,
  units: [],
  ...extra,
});

const items: HigherItem[] = [
  item("n1", "1", "总体目标", { role: "goal" }),
  item("n2", "2", "重点任务"),
  item("n21", "2.1", "扩大普惠性学前教育资源", {
    deadline: "2025年底",
    units: [
      { name: "市教育局", orgUnitId: "u-city-jyj", isLead: true },
      { name: "崆峒区财政局", orgUnitId: "u-czj", isLead: false },
      { name: "各县区政府", orgUnitId: null, isLead: false },
    ],
  }),
  item("n22", "2.2", "加强教师队伍建设", {
    units: [{ name: "崆峒区人社局", orgUnitId: "u-rsj", isLead: false }],
  }),
  item("n221", "2.2.1", "补充幼儿园教师"),
];

const target = (id: string, path: string, extra: Partial<HigherTarget> = {}): HigherTarget => ({
  id,
  path,
  kind: "target",
  text: "学前三年毛入园率达到92%",
  metric: "学前三年毛入园率",
  indicatorCode: "preschool-gross-enrolment",
  comparator: ">=",
  value: 92,
  valueMax: null,
  unit: "%",
  year: 2025,
  ...extra,
});

const targets: HigherTarget[] = [
  target("t1", "2.1"),
  target("t2", "2.1", { kind: "baseline", value: 85, year: 2020 }),
  target("t3", "2.2", { metric: "普惠性幼儿园覆盖率", indicatorCode: null, value: 85 }),
];

const build = (picks: Parameters<typeof buildAdoption>[0]["picks"]) =>
  buildAdoption({
    title: "崆峒区承接方案",
    basis: "依据：平凉市方案",
    items,
    targets,
    picks,
    localUnits: local,
  });

describe("承接方案", () => {
  it("keeps the picked items with their ancestors, renumbered, and leaves unpicked children out", () => {
    const draft = build([{ nodeId: "n21" }, { nodeId: "n22" }]);
    expect(draft.nodes.map((n) => [n.path, n.marker, n.title, n.isPicked, n.adoptedNodeId])).toEqual([
      ["1", "一、", "重点任务", false, "n2"],
      ["1.1", "（一）", "扩大普惠性学前教育资源", true, "n21"],
      ["1.2", "（二）", "加强教师队伍建设", true, "n22"],
    ]);
    for (const n of draft.nodes) {
      expect(draft.text.slice(n.titleSpan[0], n.titleSpan[1])).toBe(n.title);
      expect(draft.text.slice(n.span[0], n.span[1]).startsWith(`${n.marker}${n.title}`)).toBe(true);
    }
  });

  it("defaults the units to those resolving to the county's registry, lead first found, and the deadline to the higher one", () => {
    const draft = build([{ nodeId: "n21" }]);
    const adopted = draft.nodes.find((n) => n.adoptedNodeId === "n21");
    // 市教育局 is the city's and 各县区政府 did not resolve: only 崆峒区财政局 is taken, as lead
    expect(adopted?.units).toEqual([{ name: "崆峒区财政局", orgUnitId: "u-czj", isLead: true }]);
    expect(adopted?.deadline).toBe("2025年底");
    expect(draft.text).toContain("牵头单位：崆峒区财政局");
    expect(draft.text).toContain("完成时限：2025年底");
  });

  it("defaults each target to the higher-level value and does not carry the higher area's 现状值", () => {
    const draft = build([{ nodeId: "n21" }]);
    expect(draft.targets).toHaveLength(1);
    const t = draft.targets[0];
    expect(t).toMatchObject({
      adoptedTargetId: "t1",
      path: "1.1",
      value: 92,
      year: 2025,
      indicatorCode: "preschool-gross-enrolment",
    });
    expect(draft.text.slice(t?.span[0], t?.span[1])).toBe("学前三年毛入园率达到92%（2025年）");
  });

  it("takes the local units and local target values staff set", () => {
    const draft = build([
      {
        nodeId: "n21",
        units: [
          { orgUnitId: "u-jyj", isLead: true },
          { orgUnitId: "u-czj", isLead: false },
        ],
        targets: [{ targetId: "t1", value: 95 }],
        deadline: "2024年底",
      },
    ]);
    const adopted = draft.nodes.find((n) => n.adoptedNodeId === "n21");
    expect(adopted?.units.map((u) => [u.name, u.isLead])).toEqual([
      ["崆峒区教育局", true],
      ["崆峒区财政局", false],
    ]);
    expect(draft.targets.map((t) => [t.value, t.text])).toEqual([[95, "学前三年毛入园率达到95%（2025年）"]]);
    expect(draft.text).toContain("牵头单位：崆峒区教育局\n配合单位：崆峒区财政局\n完成时限：2024年底");
  });

  it("refuses units outside the county, another item's target, two leads and an empty pick", () => {
    expect(() => build([{ nodeId: "n21", units: [{ orgUnitId: "u-city-jyj", isLead: true }] }])).toThrow(
      AdoptionError,
    );
    expect(() => build([{ nodeId: "n21", targets: [{ targetId: "t3", value: 1 }] }])).toThrow(AdoptionError);
    expect(() => build([{ nodeId: "n21", targets: [{ targetId: "t2", value: 1 }] }])).toThrow(AdoptionError);
    expect(() =>
      build([
        {
          nodeId: "n21",
          units: [
            { orgUnitId: "u-jyj", isLead: true },
            { orgUnitId: "u-czj", isLead: true },
          ],
        },
      ]),
    ).toThrow(AdoptionError);
    expect(() => build([])).toThrow(AdoptionError);
    expect(() => build([{ nodeId: "nope" }])).toThrow(AdoptionError);
  });

  it("writes numbers and targets in words", () => {
    expect([1, 10, 12, 20, 21].map(chineseNumber)).toEqual(["一", "十", "十二", "二十", "二十一"]);
    expect(
      targetSentence({ metric: "班额", comparator: "<=", value: 45, valueMax: null, unit: "人", year: null }),
    ).toBe("班额不超过45人");
    expect(defaultLocalUnits({ units: [] }, local)).toEqual([]);
  });
});
