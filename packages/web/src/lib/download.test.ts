import { describe, expect, it } from "vitest";
import { fileNameFromDisposition } from "./download.ts";

describe("fileNameFromDisposition", () => {
  it("should prefer the UTF-8 name and fall back to the plain one", () => {
    expect(
      fileNameFromDisposition(`attachment; filename="plan.xlsx"; filename*=UTF-8''%E8%A7%84%E5%88%92.xlsx`),
    ).toBe("规划.xlsx");
    expect(fileNameFromDisposition(`attachment; filename="plan.xlsx"`)).toBe("plan.xlsx");
    expect(fileNameFromDisposition("attachment; filename=plan.xlsx")).toBe("plan.xlsx");
    expect(fileNameFromDisposition("attachment")).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
