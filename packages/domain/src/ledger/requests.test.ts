import { describe, expect, it } from "vitest";
import { actionOfRequest, commentOfAction, type RequestedAction } from "./requests.ts";
import type { LedgerAction } from "./state-machine.ts";

describe("actionOfRequest", () => {
  it.each<[RequestedAction, string | undefined, LedgerAction]>([
    ["assign", undefined, { type: "assign" }],
    ["assign", "ignored", { type: "assign" }],
    ["accept", undefined, { type: "accept" }],
    ["submitForReview", undefined, { type: "submitForReview" }],
    ["resume", "ignored", { type: "resume" }],
    ["approve", undefined, { type: "approve" }],
    ["approve", "同意销号", { type: "approve", comment: "同意销号" }],
    ["return", "佐证不全", { type: "return", comment: "佐证不全" }],
    ["return", undefined, { type: "return", comment: "" }],
    ["suspend", "项目暂缓", { type: "suspend", reason: "项目暂缓" }],
    ["suspend", undefined, { type: "suspend", reason: "" }],
  ])("reads %s with comment %s", (action, comment, expected) => {
    expect(actionOfRequest(action, comment)).toEqual(expected);
  });
});

describe("commentOfAction", () => {
  it.each<[LedgerAction, string | null]>([
    [{ type: "assign" }, null],
    [{ type: "approve" }, null],
    [{ type: "approve", comment: "同意" }, "同意"],
    [{ type: "return", comment: "补充材料" }, "补充材料"],
    [{ type: "suspend", reason: "暂缓" }, "暂缓"],
    [{ type: "requestAdjustment", reason: "资金未到位", newDeadline: "2026-12-31" }, "资金未到位"],
    [{ type: "decideAdjustment", isApproved: false, comment: "另行立项" }, "另行立项"],
    [{ type: "decideAdjustment", isApproved: true }, null],
  ])("leaves %j's comment as %j", (action, expected) => {
    expect(commentOfAction(action)).toBe(expected);
  });
});
