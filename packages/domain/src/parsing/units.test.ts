import { describe, expect, it } from "vitest";
import { extractUnits, splitUnitNames } from "./units.ts";

describe("splitUnitNames", () => {
  it.each([
    ["市、区教育局、区财政局", ["市教育局", "区教育局", "区财政局"]],
    ["各县区政府、市教育局,市大数据局筹建办", ["各县区政府", "市教育局", "市大数据局筹建办"]],
    ["区教育局、 区公安分局", ["区教育局", "区公安分局"]],
    ["市农牧和扶贫开发局", ["市农牧和扶贫开发局"]],
    ["区教育局、各镇街等", ["区教育局", "各镇街"]],
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
