import { describe, expect, it } from "vitest";
import { createRng, hashSeed, mulberry32 } from "./prng.ts";

describe("mulberry32", () => {
  it("gives the same sequence for the same seed, in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("matches the reference implementation (mulberry32(1) starts 0.6270739…)", () => {
    const next = mulberry32(1);
    expect([next(), next(), next()].map((x) => Math.floor(x * 2 ** 32))).toEqual([
      2693262067, 11749833, 2265367787,
    ]);
  });

  it("differs between seeds", () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe("hashSeed", () => {
  it("is stable and separates its parts", () => {
    expect(hashSeed(7, "profile", "1620802001")).toBe(hashSeed(7, "profile", "1620802001"));
    expect(hashSeed("ab", "c")).not.toBe(hashSeed("a", "bc"));
    expect(hashSeed(1)).not.toBe(hashSeed(2));
  });
});

describe("createRng", () => {
  const rng = createRng(123);

  it("draws integers within inclusive bounds", () => {
    const xs = Array.from({ length: 500 }, () => rng.int(3, 5));
    expect(new Set(xs)).toEqual(new Set([3, 4, 5]));
  });

  it("shuffles into a permutation without touching the input", () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = rng.shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(input);
  });

  it("never picks a zero weight and returns -1 when all are zero", () => {
    const picks = Array.from({ length: 200 }, () => rng.weightedIndex([0, 2, 0, 1]));
    expect(picks.every((i) => i === 1 || i === 3)).toBe(true);
    expect(rng.weightedIndex([0, 0])).toBe(-1);
  });

  it("refuses to pick from an empty list", () => {
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
