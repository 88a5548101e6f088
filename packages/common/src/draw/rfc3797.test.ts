import { describe, expect, it } from "vitest";
import { entropyKey, parseEntropyText } from "./entropy.ts";
import { rfc3797Select } from "./rfc3797.ts";

// RFC 3797 §6, the fully worked example: a pool of 25, the key built from three public sources.
const rfcSources = parseEntropyText("# the RFC's inputs\n9319\n2 5 12 8 10\n9 18 26 34 41 45\n");

describe("RFC 3797 selection", () => {
  it("builds the RFC's key string: each source sorted, '.' after each number, '/' after each source", () => {
    expect(entropyKey(rfcSources)).toBe("9319./2.5.8.10.12./9.18.26.34.41.45./");
  });

  it("reproduces the RFC's published selection order and digests", () => {
    const steps = rfc3797Select(25, 16, entropyKey(rfcSources));
    expect(steps.map((step) => step.selected)).toEqual([
      17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4,
    ]);
    expect(steps[0]).toEqual({
      index: 1,
      md5Hex: "990DD0A5692A029A98B5E01AA28F3459",
      remaining: 25,
      selected: 17,
    });
    expect(steps[15]?.md5Hex).toBe("3269E6CE559ABD57E2BA6AAB495EB9BD");
    expect(steps[15]?.remaining).toBe(10);
  });

  it("selects a prefix of the same order whatever the count", () => {
    const key = entropyKey(rfcSources);
    expect(rfc3797Select(25, 5, key)).toEqual(rfc3797Select(25, 16, key).slice(0, 5));
  });

  it("refuses a count larger than the pool and an empty source", () => {
    expect(() => rfc3797Select(3, 4, "1./")).toThrow(/抽取人数/u);
    expect(() => entropyKey([{ name: "空", numbers: [] }])).toThrow(/没有数字/u);
    expect(() => parseEntropyText("双色球：1 2 x")).toThrow(/第 1 行：“x”不是自然数/u);
  });
});
