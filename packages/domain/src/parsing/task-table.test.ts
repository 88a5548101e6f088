import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse.ts";

const outline = (text: string) =>
  parseDocument(text).nodes.map((n) => ({
    path: n.path,
    title: n.title,
    units: n.units,
    lead: n.lead,
    deadline: n.deadline ?? null,
  }));

describe("任务分解表", () => {
  it("reads a Word table or a flattened web table: one cell per line, empty cells leaving no line", () => {
    const text = [
      "测试县教育局关于印发2024年重点工作任务分解表的通知",
      "附件",
      "测试县2024年教育重点工作任务分解表",
      "序号",
      "重点工作任务",
      "牵头单位",
      "配合单位",
      "完成时限",
      "1",
      "持续推进学前教育普及普惠，全县学前三年毛入园率达到92%以上。",
      "",
      "县教育局",
      "",
      "县发改局、县财政局",
      "",
      "2024年12月底",
      "2",
      "巩固义务教育优质均衡发展成果。",
      "控辍保学实行动态监测，巩固率保持在98%以上。",
      "县教育局",
      "各乡镇人民政府",
      "长期坚持",
      "3",
      "新建测试县第三幼儿园。",
      "县教育局",
      "2024年9月",
      "测试县教育局",
      "2024年2月1日",
    ].join("\n");
    expect(outline(text)).toEqual([
      {
        path: "1",
        title: "持续推进学前教育普及普惠,全县学前三年毛入园率达到92%以上",
        units: ["县教育局", "县发改局", "县财政局"],
        lead: "县教育局",
        deadline: "2024年12月底",
      },
      {
        path: "2",
        title: "巩固义务教育优质均衡发展成果",
        units: ["县教育局", "各乡镇人民政府"],
        lead: "县教育局",
        deadline: "长期坚持",
      },
      {
        path: "3",
        title: "新建测试县第三幼儿园",
        units: ["县教育局"],
        lead: "县教育局",
        deadline: "2024年9月",
      },
    ]);
    const parsed = parseDocument(text);
    // The second row's goal sits in its second paragraph; the signature after the table is not a row.
    expect(parsed.targets.map((t) => [t.path, t.value])).toEqual([
      ["1", 92],
      ["2", 98],
    ]);
    expect(parsed.meta.issuer).toBe("测试县教育局");
    const row = parsed.nodes[0];
    expect(text.slice(row?.titleSpan.start, row?.titleSpan.end)).toBe(
      "持续推进学前教育普及普惠，全县学前三年毛入园率达到92%以上",
    );
  });

  it("reads a workbook's rows (cells separated by tabs) whatever the header's wording", () => {
    const text = [
      "编号\t工作内容\t责任单位\t协办单位\t时间安排\t预期目标",
      "1\t推进义务教育优质均衡\t县教育局（牵头）、县财政局\t县自然资源局\t2025年\t巩固率达到98%",
      "2\t加强教师队伍建设\t县人社局、县教育局\t\t持续推进\t",
    ].join("\n");
    expect(outline(text)).toEqual([
      {
        path: "1",
        title: "推进义务教育优质均衡",
        units: ["县教育局", "县财政局", "县自然资源局"],
        lead: "县教育局",
        deadline: "2025年",
      },
      {
        path: "2",
        title: "加强教师队伍建设",
        units: ["县人社局", "县教育局"],
        lead: "县人社局",
        deadline: "持续推进",
      },
    ]);
    expect(parseDocument(text).targets.map((t) => [t.path, t.metric, t.value])).toEqual([
      ["1", "巩固率", 98],
    ]);
  });

  it("reads an excerpt starting at row 80 with an official-in-charge column and 目标与任务", () => {
    const text = [
      "序号",
      "目标与任务",
      "分 管 县领导",
      "牵头责任单位",
      "责任单位",
      "80",
      "加大普惠性托育供给。",
      "俞 悦",
      "县教育局",
      "县各有关单位",
      "81",
      "支持职业学校发展。",
      "陆 明俞 悦",
      "县教育局",
      "县各有关单位",
    ].join("\n");
    expect(outline(text)).toEqual([
      {
        path: "1",
        title: "加大普惠性托育供给",
        units: ["县教育局", "县各有关单位"],
        lead: "县教育局",
        deadline: null,
      },
      {
        path: "2",
        title: "支持职业学校发展",
        units: ["县教育局", "县各有关单位"],
        lead: "县教育局",
        deadline: null,
      },
    ]);
  });

  it("puts a table after numbered sections under an item of its own", () => {
    const text = [
      "一、总体要求",
      "坚持问题导向。",
      "二、保障措施",
      "加强组织领导。",
      "附件：重点任务清单",
      "序号",
      "主要任务",
      "责任单位",
      "1",
      "改善办学条件。",
      "县教育局",
    ].join("\n");
    expect(outline(text).map((n) => `${n.path} ${n.title}`)).toEqual([
      "1 总体要求",
      "2 保障措施",
      "3 附件:重点任务清单",
      "3.1 改善办学条件",
    ]);
  });

  it("leaves prose that merely mentions 序号 and 牵头单位 alone", () => {
    const text = "一、任务\n序号\n说明文字。\n二、要求\n牵头单位要负总责。";
    expect(outline(text).map((n) => n.path)).toEqual(["1", "2"]);
  });
});
