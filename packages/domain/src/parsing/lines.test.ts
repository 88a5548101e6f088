import { describe, expect, it } from "vitest";
import { classifyLines, readMarker } from "./lines.ts";

describe("readMarker", () => {
  it.each([
    ["一、总体要求", "cn-comma", 1, "一、"],
    ["四、“十四五”发展任务", "cn-comma", 4, "四、"],
    ["(三)面临形势", "cn-paren", 3, "(三)"],
    ["( 十二 )其他", "cn-paren", 12, "( 十二 )"],
    ["12.加快建设", "arabic-dot", 12, "12."],
    ["3、加强管理", "arabic-dot", 3, "3、"],
    ["(2)完善制度", "arabic-paren", 2, "(2)"],
    ["③开展活动", "circled", 3, "③"],
    ["二是坚持立德树人", "cn-shi", 2, "二是"],
    ["——学前教育。", "dash", null, "——"],
    ["第三章 主要任务", "chapter", 3, "第三章"],
  ])("%s is %s %s", (line, style, number, text) => {
    expect(readMarker(line, 0, line.length)).toMatchObject({ style, number, text });
  });

  it.each(["1.5万个学位", "2020年,毛入园率", "(教学点42所)", "——", "一体化发展", "2.0工程"])(
    "%s is not a marker",
    (line) => {
      expect(readMarker(line, 0, line.length)).toBeNull();
    },
  );

  it("marks a number without its dot as defective", () => {
    expect(readMarker("7实施教育信息化", 0, 8)).toMatchObject({
      style: "arabic-dot",
      number: 7,
      isDefective: true,
    });
    expect(readMarker("7所学校", 0, 4)).toBeNull();
  });
});

describe("classifyLines", () => {
  const text = [
    "欢迎来到某区教育局网站!",
    "当前位置:首页",
    "发布日期:2019-12-04 浏览次数: 字体:[ ]",
    "某区教育工作实施方案",
    "一、指导思想",
    "正文。",
    "分享到:",
    "相关政策",
    "某区教育局",
    "2024年5月13日",
  ].join("\n");
  it("tells chrome, body, tail and signature apart", () => {
    const kinds = classifyLines(text).map((l) => l.kind);
    expect(kinds).toEqual([
      "chrome",
      "chrome",
      "chrome",
      "text",
      "text",
      "text",
      "chrome",
      "chrome",
      "signature",
      "date",
    ]);
  });

  it("recognises a signature before a date", () => {
    const kinds = classifyLines("一、要求\n正文。\n西宁市城中区教育局\n2024年5月13日").map((l) => l.kind);
    expect(kinds).toEqual(["text", "text", "signature", "date"]);
  });

  it("drops a truncated duplicate of the opening paragraph", () => {
    const body = "2021年全市教育工作的总体要求是:以习近平新时代中国特色社会主义思想为指导,深入贯彻";
    const kinds = classifyLines(`${body.slice(0, 30)}...\n${body}\n一、加强领导`).map((l) => l.kind);
    expect(kinds).toEqual(["duplicate", "text", "text"]);
  });
});
