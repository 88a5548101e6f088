import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next.ts";

describe("safeNext", () => {
  it.each([
    [null, "/"],
    ["/org/7?tab=1", "/org/7?tab=1"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example", "/"],
    ["/login?next=/audit", "/"],
  ])("should turn %s into %s", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});
