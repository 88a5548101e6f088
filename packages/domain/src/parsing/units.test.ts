import { describe, expect, it } from "vitest";
import { extractUnits, splitUnitNames } from "./units.ts";

describe("splitUnitNames", () => {
  it.each([
    ["市、区教育局、区财政局", ["市教育局", "区教育局", "区财政局"]],
    ["各县区政府、市教育局,市大数据局筹建办", ["各县区政府", "市教育局", "市大数据局筹建办"]],
    ["区教育局、 区公安分局", ["区教育局", "区公安分局"]],
    ["市农牧和扶贫开发局", ["市农牧和扶贫开发局"]],
    ["区教育局、各镇街等", ["区教育局", "各镇街"]],
    ["各县(市、区)教育局、\n市公安局", ["各县(市、区)教育局", "市公安局"]],
    ["市教育局、市城市管理局按职责分工负责", ["市教育局", "市城市管理局"]],
  ])("%s", (list, names) => {
    expect(splitUnitNames(list)).toEqual(names);
  });
});

describe("extractUnits", () => {
  it.each([
    [
      "first listed declared lead",
      "正文。(责任单位:各县区政府、市教育局,列第一位的单位为牵头单位,下同)",
      ["各县区政府", "市教育局"],
      "各县区政府",
    ],
    ["plain 负责 list has no lead", "正文。(区教育局、区财政局负责)", ["区教育局", "区财政局"], null],
    [
      "distributive level",
      "正文。(市、区教育局、区财政局、区残联负责)",
      ["市教育局", "区教育局", "区财政局", "区残联"],
      null,
    ],
    [
      "named lead",
      "正文。(牵头单位:区教育局;配合单位:区财政局、区人社局)",
      ["区教育局", "区财政局", "区人社局"],
      "区教育局",
    ],
    ["X牵头", "正文。(区教育局牵头,区卫健局配合)", ["区教育局", "区卫健局"], "区教育局"],
    ["a line without parentheses", "正文。\n责任单位:区教育局、区编办", ["区教育局", "区编办"], null],
    ["no list", "正文(含凤临校区)。", [], null],
    ["责任科室", "正文。(责任科室:组干科、机关党委)", ["组干科", "机关党委"], null],
    [
      "牵头股室 and 配合股室",
      "正文。(牵头股室:基础教育股;配合股室:计划财务股)",
      ["基础教育股", "计划财务股"],
      "基础教育股",
    ],
    [
      "bracketed district names",
      "正文。(责任单位:市教育局、市公安局、各县(市、区)人民政府)",
      ["市教育局", "市公安局", "各县(市、区)人民政府"],
      null,
    ],
    [
      "由A牵头 in the running text",
      "每学期组织演练。由市教育局牵头,市应急管理局、市消防救援支队配合。",
      ["市教育局", "市应急管理局", "市消防救援支队"],
      "市教育局",
    ],
    ["a 牵头 in prose is no list", "建立以政府牵头、相关部门协作的工作机制。", [], null],
  ])("%s", (_label, text, units, lead) => {
    expect(extractUnits(text, { isFirstLead: false })).toEqual({ units, lead });
  });

  it("carries 下同 to later lists", () => {
    const state = { isFirstLead: false };
    extractUnits("(责任单位:市教育局、市财政局,列第一位的单位为牵头单位,下同)", state);
    expect(extractUnits("(责任单位:各县区政府、市教育局)", state)).toEqual({
      units: ["各县区政府", "市教育局"],
      lead: "各县区政府",
    });
  });
});
