import { describe, expect, it } from "vitest";
import { clears } from "./labels.ts";

describe("security labels", () => {
  it("lets a clearance read its own level and those below, never above", () => {
    expect(clears("general", "general")).toBe(true);
    expect(clears("general", "sensitive")).toBe(false);
    expect(clears("general", "highly-sensitive")).toBe(false);
    expect(clears("sensitive", "general")).toBe(true);
    expect(clears("sensitive", "sensitive")).toBe(true);
    expect(clears("sensitive", "highly-sensitive")).toBe(false);
    expect(clears("highly-sensitive", "highly-sensitive")).toBe(true);
  });

  it("denies on a damaged label or clearance", () => {
    expect(clears("highly-sensitive", "secret")).toBe(false);
    expect(clears("root", "sensitive")).toBe(false);
    expect(clears("root", "general")).toBe(true);
  });
});
