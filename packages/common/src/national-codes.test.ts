import { describe, expect, it } from "vitest";
import { resolveSchoolTypeInput, resolveUrbanRuralInput } from "./national-codes.ts";

describe("national codes wherever a type is given", () => {
  it.each([
    ["primary", { schoolType: "primary", code: null }],
    ["211", { schoolType: "primary", code: "211" }],
    ["小学", { schoolType: "primary", code: "211" }],
    ["211 小学", { schoolType: "primary", code: "211" }],
    ["218小学教学点", { schoolType: "teachingPoint", code: "218" }],
    [" 312 ", { schoolType: "nineYear", code: "312" }],
    ["513", { schoolType: "special", code: "513" }],
    ["364 职业高中学校", { schoolType: "vocational", code: "364" }],
  ])("reads %s as a school type", (text, expected) => {
    expect(resolveSchoolTypeInput(text)).toEqual(expected);
  });

  it.each(["219", "附设小学班", "515", "211 初级中学", "999", "Primary", ""])("refuses %j", (text) => {
    expect(resolveSchoolTypeInput(text)).toBeUndefined();
  });

  it.each([
    ["urban", "urban"],
    ["111", "urban"],
    ["121 镇中心区", "town"],
    ["镇区", "town"],
    ["村庄", "rural"],
    ["乡村", "rural"],
  ])("reads %s as 城乡分类 %s", (text, expected) => {
    expect(resolveUrbanRuralInput(text)).toBe(expected);
  });

  it.each(["130", "郊区", "Urban"])("refuses 城乡分类 %j", (text) => {
    expect(resolveUrbanRuralInput(text)).toBeUndefined();
  });
});
