import { describe, expect, it } from "vitest";
import { classifyLines } from "./lines.ts";
import { buildStructure, titleRange } from "./structure.ts";

function outline(text: string): string[] {
  return buildStructure(text, classifyLines(text)).nodes.map((n) => `${n.path} ${n.marker} ${n.title}`);
}

describe("buildStructure", () => {
  it.each([
    [
      "GB/T 9704 levels nest as they appear",
      "一、发展基础\n(一)基本情况\n1.学校布局。正文。\n2.教师队伍。正文。\n(二)面临形势\n二、主要任务",
      [
        "1 一、 发展基础",
        "1.1 (一) 基本情况",
        "1.1.1 1. 学校布局",
        "1.1.2 2. 教师队伍",
        "1.2 (二) 面临形势",
        "2 二、 主要任务",
      ],
    ],
    [
      "items numbered on across sections keep their own number",
      "一、党建\n1.强化引领。正文\n2.夯实基础。正文\n二、资源\n3.改善条件。正文",
      ["1 一、 党建", "1.1 1. 强化引领", "1.2 2. 夯实基础", "2 二、 资源", "2.3 3. 改善条件"],
    ],
    [
      "a repeated section number takes the next free ordinal",
      "一、目标\n五、任务\n五、要求",
      ["1 一、 目标", "5 五、 任务", "6 五、 要求"],
    ],
    [
      "a number that lost its dot counts only where it is expected",
      "(一)标准化\n5.加快建设。正文。\n6.规范招生。正文。\n7实施信息化工程。正文。\n8所学校达标。",
      ["1 (一) 标准化", "1.5 5. 加快建设", "1.6 6. 规范招生", "1.7 7 实施信息化工程"],
    ],
    [
      "dash lists and 一是 lists under a heading",
      "三、发展目标\n——学前教育。毛入园率达到95%。\n——义务教育。巩固率达到98%。\n四、原则\n一是坚持党的领导。正文。\n二是坚持立德树人。正文。",
      [
        "3 三、 发展目标",
        "3.1 —— 学前教育",
        "3.2 —— 义务教育",
        "4 四、 原则",
        "4.1 一是 坚持党的领导",
        "4.2 二是 坚持立德树人",
      ],
    ],
    [
      "an item run into the previous line is split off",
      "一、任务\n1.扩大资源。正文一。2.提高质量。正文二。",
      ["1 一、 任务", "1.1 1. 扩大资源", "1.2 2. 提高质量"],
    ],
    [
      "a document copied from a web page as one line is split by its numbering sequences",
      "为巩固成果,制定本方案。一、指导思想 以新思想为指导。二、主要任务 (一)优化布局。调整学校。(牵头单位:县教育局)(二)加强队伍。1.补足教师。核定编制。2.加强培训。每年培训。三、保障措施 (一)加强领导。成立小组。(二)强化督导。纳入考核。",
      [
        "1 一、 指导思想",
        "2 二、 主要任务",
        "2.1 (一) 优化布局",
        "2.2 (二) 加强队伍",
        "2.2.1 1. 补足教师",
        "2.2.2 2. 加强培训",
        "3 三、 保障措施",
        "3.1 (一) 加强领导",
        "3.2 (二) 强化督导",
      ],
    ],
    [
      "a lone 1. in running prose opens nothing",
      "一、任务\n要做到:1.按时报送材料,各校认真落实。",
      ["1 一、 任务"],
    ],
  ])("%s", (_label, text, expected) => {
    expect(outline(text)).toEqual(expected);
  });

  it("keeps body text out of titles and in the node's own segments", () => {
    const text = "一、任务\n1.扩大资源。新建幼儿园3所。\n补充说明。";
    const { nodes } = buildStructure(text, classifyLines(text));
    const item = nodes[1];
    expect(item?.segments.map(([s, e]) => text.slice(s, e))).toEqual([
      "扩大资源。新建幼儿园3所。",
      "补充说明。",
    ]);
  });

  it("warns when there is no numbering at all", () => {
    const text = "为加强学校体育工作，特通知如下。各校要认真落实。";
    const s = buildStructure(text, classifyLines(text));
    expect(s.nodes).toEqual([]);
    expect(s.issues).toContainEqual(expect.objectContaining({ code: "no-structure", severity: "warning" }));
  });
});

describe("titleRange", () => {
  it.each([
    ["强化政治引领。强化政治理论武装", "强化政治引领"],
    ["推进学校办学条件达标建设??茖W推进", "推进学校办学条件达标建设"],
    [
      "完善终身学习教育体系整合教育、文化、科技、体育等现有优质资源,建成覆盖全市的终身学习网络",
      "完善终身学习教育体系整合教育",
    ],
    ["政府主导,部门联动。加强宣传", "政府主导,部门联动"],
  ])("%s → %s", (line, title) => {
    const [s, e] = titleRange(line, 0, line.length);
    expect(line.slice(s, e)).toBe(title);
  });
});
