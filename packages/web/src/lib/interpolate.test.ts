import { describe, expect, it } from "vitest";
import { interpolate } from "./interpolate.ts";
import { zhCN } from "./messages/zh-cn.ts";
import { enUS } from "./messages/en-us.ts";

describe("interpolate", () => {
  it("should fill every placeholder", () => {
    expect(
      interpolate("{name}（{role}，{unit}）", { name: "张三", role: "督学", unit: "崆峒区教育局" }),
    ).toBe("张三（督学，崆峒区教育局）");
  });

  it("should keep a placeholder that has no value", () => {
    expect(interpolate("共 {total} 条", {})).toBe("共 {total} 条");
  });
});

describe("dictionaries", () => {
  it("should use the same placeholders in Chinese and English", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(placeholders(enUS[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });
});
