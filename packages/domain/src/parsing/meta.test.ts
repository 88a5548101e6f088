import { describe, expect, it } from "vitest";
import { classifyLines } from "./lines.ts";
import { extractMeta } from "./meta.ts";

function meta(text: string, bodyMarker: string, scheduleYears: number[] = []) {
  return extractMeta(text, classifyLines(text), text.indexOf(bodyMarker), scheduleYears).meta;
}

describe("extractMeta", () => {
  it("reads a cover letter forwarding a plan", () => {
    const text = [
      "索引号 123 文号 区教发〔2021〕515号",
      "某区教育局关于印发《某区“十四五”教育事业发展专项规划》的通知",
      "各乡镇:",
      "现将规划印发你们。",
      "某区教育局",
      "20211011",
      "一、发展基础",
    ].join("\n");
    expect(meta(text, "一、")).toEqual({
      title: "某区“十四五”教育事业发展专项规划",
      docNumber: "区教发〔2021〕515号",
      issuer: "某区教育局",
      date: "2021-10-11",
      period: [2021, 2025],
    });
  });

  it("completes a short source with the place the title names", () => {
    const text = [
      "舟山市定海区创建优质均衡发展县区工作实施方案",
      "发布日期:2019-12-04 浏览次数:",
      "一、指导思想",
      "正文。",
      "信息来源:区教育局",
    ].join("\n");
    expect(meta(text, "一、", [2019, 2022])).toEqual({
      title: "舟山市定海区创建优质均衡发展县区工作实施方案",
      docNumber: null,
      issuer: "舟山市定海区教育局",
      date: "2019-12-04",
      period: [2019, 2022],
    });
  });

  it("dates an annual work plan by its opening sentence and signature", () => {
    const text = "2024年是关键一年。\n一、加强党建\n正文。\n某区教育局\n2024年5月13日";
    expect(meta(text, "一、")).toMatchObject({
      issuer: "某区教育局",
      date: "2024-05-13",
      period: [2024, 2024],
    });
  });

  it("dates a task table by the year its title names", () => {
    const text =
      "测试县2024年教育重点工作任务分解表\n序号\t重点工作任务\t牵头单位\n1\t新建幼儿园。\t县教育局";
    expect(extractMeta(text, classifyLines(text), text.length, []).meta).toMatchObject({
      title: "测试县2024年教育重点工作任务分解表",
      period: [2024, 2024],
    });
  });
});
