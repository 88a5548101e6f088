import { describe, expect, it } from "vitest";
import { dataUrlToBase64 } from "../../../lib/file-base64.ts";
import { MAX_PLAN_FILE_BYTES, planFileProblem } from "./plan-file.ts";

describe("planFileProblem", () => {
  it.each([
    [{ name: "规划.txt", size: 10 }, null],
    [{ name: "方案.DOCX", size: 10 }, null],
    [{ name: "a.htm", size: 10 }, null],
    [{ name: "a.pdf", size: MAX_PLAN_FILE_BYTES }, null],
    [{ name: "a.pdf", size: MAX_PLAN_FILE_BYTES + 1 }, "size"],
    [{ name: "a.txt", size: 0 }, "empty"],
    [{ name: "旧方案.doc", size: 10 }, null],
    [{ name: "分解表.wps", size: 10 }, null],
    [{ name: "分解表.xlsx", size: 10 }, null],
    [{ name: "a.xls", size: 10 }, "type"],
    [{ name: "txt", size: 10 }, "type"],
  ])("should judge %o as %s", (file, expected) => {
    expect(planFileProblem(file)).toBe(expected);
  });
});

describe("dataUrlToBase64", () => {
  it("should keep what follows the comma", () => {
    expect(dataUrlToBase64("data:text/plain;base64,5Lit5paH")).toBe("5Lit5paH");
    expect(dataUrlToBase64("data:")).toBe("");
    expect(dataUrlToBase64("data:application/octet-stream;base64,")).toBe("");
  });
});
