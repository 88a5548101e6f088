import { describe, expect, it } from "vitest";
import { foldChars, normalizeForMatch } from "./chars.ts";

describe("foldChars", () => {
  it.each([
    ["關於發展", "关于发展"],
    ["寧政辦〔2017〕164號", "宁政办〔2017〕164号"],
    ["（一）加強組織領導，", "(一)加强组织领导,"],
    ["１２３％", "123%"],
    ["全\u3000角", "全 角"],
  ])("%s → %s keeping the length", (input, expected) => {
    expect(foldChars(input)).toBe(expected);
    expect(foldChars(input)).toHaveLength(input.length);
  });
});

describe("normalizeForMatch", () => {
  it.each([
    ["“十四五”發展任務與要求", "十四五发展任务与要求"],
    ["政府主导，部门联动", "政府主导部门联动"],
    ["  A B ", "ab"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });
});
