import { describe, expect, it } from "vitest";
import type { Segment } from "./structure.ts";
import { extractTargets, yearMentions } from "./targets.ts";
import type { NodeRole } from "./types.ts";

function one(text: string, role: NodeRole, period: [number, number] | null) {
  const seg: Segment = [0, text.length];
  return extractTargets(text, [{ path: "1", role, segments: [seg], parent: -1 }], [], period).map((t) => [
    t.value,
    t.unit,
    t.year,
    t.kind,
  ]);
}

describe("extractTargets years and kinds", () => {
  it.each<[string, string, NodeRole, [number, number] | null, unknown[][]]>([
    [
      "a year in the sentence binds",
      "到2020年,全市学前三年毛入园率达到105%。",
      "task",
      null,
      [[105, "%", 2020, "target"]],
    ],
    [
      "十三五末 in the next clause binds",
      "实施15年免费教育,“十三五”末覆盖全市。",
      "task",
      null,
      [[15, "年", 2020, "target"]],
    ],
    [
      "a year two clauses later does not",
      "落实三年270学时的培训任务,搭建平台,到2019年,实现持证上岗。",
      "task",
      null,
      [[270, "学时", null, "target"]],
    ],
    [
      "a task in a multi-year plan without a year has none",
      "创建1所省级示范性高中。",
      "task",
      [2021, 2025],
      [[1, "所", null, "target"]],
    ],
    [
      "an annual plan dates everything",
      "完成400名公费师范生培养任务。",
      "task",
      [2021, 2021],
      [[400, "名", 2021, "target"]],
    ],
    [
      "a goal without a year takes the plan's end",
      "残疾儿童少年入学率达到95%以上。",
      "goal",
      [2021, 2025],
      [[95, "%", 2025, "target"]],
    ],
    [
      "background figures describe the year before the plan",
      "全区共有各级各类学校357所。",
      "background",
      [2021, 2025],
      [[357, "所", 2020, "baseline"]],
    ],
    [
      "a comparison base is not the year",
      "较2015年提高8.92个百分点。",
      "background",
      [2021, 2025],
      [[8.92, "个百分点", 2020, "baseline"]],
    ],
    ["principles carry no targets", "每年召开一次专题会议。", "principle", null, []],
    ["safeguards carry no targets", "每年召开一次专题会议。", "safeguard", null, []],
    ["a scope section (对象范围) carries no targets", "以64个贫困村,2050户贫困户为主。", "other", null, []],
  ])("%s", (_label, text, role, period, expected) => {
    expect(one(text, role, period)).toEqual(expected);
  });

  it("keeps a qualitative target with its deadline and no value", () => {
    const text = "到2020年,基本消除大班额。";
    const targets = extractTargets(
      text,
      [{ path: "2", role: "task", segments: [[0, text.length]], parent: -1 }],
      [],
      null,
    );
    expect(targets).toEqual([
      expect.objectContaining({
        value: null,
        year: 2020,
        metric: "基本消除大班额",
        indicatorCode: "large-class-elimination",
      }),
    ]);
  });

  it("gives a goal list the year its section opens with", () => {
    const text = "到2025年,各级各类学校办学条件显著改善。\n全区新增学位3000个。";
    const targets = extractTargets(
      text,
      [
        { path: "3", role: "goal", segments: [[0, 22]], parent: -1 },
        { path: "3.1", role: "goal", segments: [[23, text.length]], parent: 0 },
      ],
      [],
      null,
    );
    expect(targets.map((t) => [t.path, t.value, t.year])).toEqual([["3.1", 3000, 2025]]);
  });
});

describe("yearMentions", () => {
  it.each([
    ["到2025年,全区", [2025]],
    ["2016年至2020年累计拨付", [2016, 2020]],
    ["2018年9月顺利通过", []],
    ["《规划(2018-2030年)》", []],
    ["制定了2017-2022年督导计划", []],
    ["“十三五”以来", []],
    ["十四五末", [2025]],
  ])("%s → %j", (sentence, years) => {
    expect(yearMentions(sentence, null).map((y) => y.year)).toEqual(years);
  });
});
