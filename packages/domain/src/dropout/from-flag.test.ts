import { describe, expect, it } from "vitest";
import { causeNoteOfFlag, causeOfFlag } from "./index.ts";

describe("a case opened from a risk flag", () => {
  it("is 转出未转入 for a transfer never received and 长期缺勤 for the absence rules", () => {
    expect(causeOfFlag("transfer-unreceived")).toBe("transfer");
    expect(causeOfFlag("unexplained-consecutive")).toBe("absence");
    expect(causeOfFlag("unexplained-month")).toBe("absence");
    expect(causeOfFlag("left-behind-falling")).toBe("absence");
  });

  it("carries the flag's rule, day and explanation in its note, within the note's limit", () => {
    expect(
      causeNoteOfFlag({
        ruleLabel: "连续无故缺勤",
        raisedOn: "2024-11-08",
        explanation: "连续 3 个上学日旷课",
      }),
    ).toBe("风险预警（连续无故缺勤，2024-11-08 预警）：连续 3 个上学日旷课");
    const long = causeNoteOfFlag({ ruleLabel: "x", raisedOn: "2024-11-08", explanation: "缺".repeat(600) });
    expect(long).toHaveLength(500);
    expect(long.endsWith("…")).toBe(true);
  });
});
