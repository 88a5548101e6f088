/// <reference types="node" />
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse.ts";
import { toGold } from "./gold.ts";

const SEED_001 = new URL("../../fixtures/seeds/001_72fade767b193fd1.txt", import.meta.url);

describe("parseDocument", () => {
  it("points nodes and targets at the original text", () => {
    const original =
      "一、主要任务\n1.擴大學(xué)前教育資源。到2020年,毛入園率達到95%以上。(責任單位:市教育局、市財政局)";
    const parsed = parseDocument(original);
    const item = parsed.nodes[1];
    expect(item).toMatchObject({
      path: "1.1",
      title: "扩大学前教育资源",
      role: "task",
      units: ["市教育局", "市财政局"],
    });
    expect(original.slice(item?.titleSpan.start, item?.titleSpan.end)).toBe("擴大學(xué)前教育資源");
    const target = parsed.targets[0];
    expect(target).toMatchObject({
      path: "1.1",
      comparator: ">=",
      value: 95,
      unit: "%",
      year: 2020,
      kind: "target",
    });
    expect(original.slice(target?.span.start, target?.span.end)).toBe("毛入園率達到95%以上");
  });

  it("reads a real page with pinyin, chrome and spam without inventing structure", () => {
    const parsed = parseDocument(readFileSync(SEED_001, "utf8"));
    const gold = toGold(parsed);
    expect(gold.meta).toEqual({
      title: "西宁市贯彻落实加快中西部教育发展指导意见实施方案",
      docNumber: "宁政办〔2017〕164号",
      issuer: "西宁市人民政府办公厅",
      date: "2017-07-31",
      period: null,
    });
    expect(gold.nodes).toHaveLength(43);
    expect(gold.nodes.map((n) => n.path).slice(-6)).toEqual(["2.7.29", "3", "3.1", "3.2", "3.3", "3.4"]);
    expect(gold.nodes.find((n) => n.path === "2.2.10")).toMatchObject({ lead: "各县区政府" });
    expect(parsed.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["pinyin-removed", "traditional-converted", "mojibake"]),
    );
  });

  it("returns an empty, warned result for empty text", () => {
    const parsed = parseDocument("");
    expect(parsed.nodes).toEqual([]);
    expect(parsed.targets).toEqual([]);
    expect(parsed.issues.map((i) => i.code)).toContain("no-structure");
  });

  it("stops at maxNodes items with an error naming the line", () => {
    const text = Array.from({ length: 12 }, (_, i) => `${String(i + 1)}.第${String(i + 1)}项任务`).join("\n");
    const parsed = parseDocument(text, { maxNodes: 5 });
    expect(parsed.nodes).toHaveLength(5);
    expect(parsed.issues).toContainEqual({
      code: "too-many-items",
      severity: "error",
      message: "条目超过 5 个（到第 6 行已超出），已停止解析。请检查文件是否为一份规划，或拆分后再导入",
      where: { offset: expect.any(Number) as number, line: 6 },
    });
    expect(parseDocument(text).issues.some((i) => i.code === "too-many-items")).toBe(false);
  });
});
