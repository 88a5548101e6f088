/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse.ts";
import { toGold, type GoldDocument } from "./gold.ts";
import { accuracy, f1, scoreAgainstGold, sumScores } from "./score.ts";

const SEEDS = new URL("../../fixtures/seeds/", import.meta.url);

const TARGET = {
  text: "毛入园率达到95%以上",
  metric: "学前三年毛入园率",
  comparator: ">=" as const,
  value: 95,
  unit: "%",
  year: 2025,
  kind: "target" as const,
};

const gold = (path: string, title: string): GoldDocument => ({
  meta: { title: null, docNumber: null, issuer: null, date: null, period: null },
  nodes: [{ path, marker: "1.", title, role: "task", units: ["区教育局"], lead: null }],
  targets: [
    {
      path,
      text: "毛入园率达到95%以上",
      metric: "学前三年毛入园率",
      comparator: ">=",
      value: 95,
      unit: "%",
      year: 2025,
      kind: "target",
    },
  ],
});

describe("scoreAgainstGold", () => {
  it("matches titles by containment after normalisation and targets by value and phrase", () => {
    const predicted = gold("1.1", "擴大學前教育資源，");
    const expected = gold("1.1", "扩大学前教育资源");
    predicted.targets = [{ ...TARGET, path: "1.1", metric: "毛入园率", text: "全区毛入园率达到95%以上" }];
    const s = scoreAgainstGold(predicted, expected);
    expect([s.nodes, s.targets, s.units, s.lead]).toEqual([
      { tp: 1, fp: 0, fn: 0 },
      { tp: 1, fp: 0, fn: 0 },
      { correct: 1, total: 1 },
      { correct: 1, total: 1 },
    ]);
  });

  it.each([
    ["path", { path: "1.2" }],
    ["value", { value: 96 }],
    ["comparator", { comparator: "=" as const }],
    ["year", { year: null }],
    ["unit", { unit: "个" }],
  ])("does not match a target with another %s", (_label, change) => {
    const predicted = gold("1.1", "扩大学前教育资源");
    predicted.targets = [{ ...TARGET, path: "1.1", ...change }];
    const s = scoreAgainstGold(predicted, gold("1.1", "扩大学前教育资源"));
    expect(s.targets).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it("writes a period range in gold shape as its bound: 每3-5年 → <= 5 年", () => {
    const parsed = parseDocument("一、重点任务\n1.加强培训。每3-5年进行一次短期轮训。");
    expect(parsed.targets.map((t) => [t.comparator, t.value, t.valueMax])).toEqual([["=", 3, 5]]);
    expect(toGold(parsed).targets.map((t) => [t.comparator, t.value, t.unit])).toEqual([["<=", 5, "年"]]);
  });

  it("meets the quality bar on the seed corpus", () => {
    const files = readdirSync(SEEDS).filter((f) => f.endsWith(".txt"));
    const scores = files.map((f) => {
      const expected = JSON.parse(
        readFileSync(new URL(f.replace(/\.txt$/, ".gold.json"), SEEDS), "utf8"),
      ) as GoldDocument;
      return scoreAgainstGold(toGold(parseDocument(readFileSync(new URL(f, SEEDS), "utf8"))), expected);
    });
    const total = sumScores(scores);
    expect(files).toHaveLength(5);
    expect(f1(total.nodes)).toBeGreaterThanOrEqual(0.97);
    expect(accuracy(total.units)).toBeGreaterThanOrEqual(0.95);
    expect(accuracy(total.lead)).toBeGreaterThanOrEqual(0.95);
    expect(f1(total.targets)).toBeGreaterThanOrEqual(0.85);
  });
});
