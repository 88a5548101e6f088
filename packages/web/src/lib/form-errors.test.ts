import { describe, expect, it } from "vitest";
import { stripSourcePrefix, toFormErrors } from "./form-errors.ts";

describe("toFormErrors", () => {
  it("should group messages by field and keep unknown paths apart", () => {
    const result = toFormErrors(
      [
        { path: "login", message: "登录名至少 3 个字符" },
        { path: "login", message: "登录名已存在" },
        { path: "orgUnitId", message: "应为有效的 ID（UUID）" },
        { path: "extra", message: "不允许的字段" },
      ],
      ["login", "displayName", "role", "orgUnitId"],
    );
    expect(result.fields).toEqual([
      { name: "login", errors: ["登录名至少 3 个字符", "登录名已存在"] },
      { name: "orgUnitId", errors: ["应为有效的 ID（UUID）"] },
    ]);
    expect(result.unknown).toEqual(["不允许的字段"]);
  });

  it("should map a nested path to its top-level field", () => {
    expect(toFormErrors([{ path: "newPassword.0", message: "太短" }], ["newPassword"]).fields).toEqual([
      { name: "newPassword", errors: ["太短"] },
    ]);
  });

  it("should strip the body./querystring./params. prefix the server puts before a field", () => {
    const result = toFormErrors(
      [
        { path: "body.login", message: "登录名已存在" },
        { path: "body.units.0.orgUnitId", message: "应为有效的单位 ID" },
        { path: "querystring.q", message: "太长" },
        { path: "params.id", message: "应为有效的 ID（UUID）" },
        { path: "body", message: "至少修改一项" },
      ],
      ["login", "units", "q"],
    );
    expect(result.fields).toEqual([
      { name: "login", errors: ["登录名已存在"] },
      { name: "units", errors: ["应为有效的单位 ID"] },
      { name: "q", errors: ["太长"] },
    ]);
    expect(result.unknown).toEqual(["应为有效的 ID（UUID）", "至少修改一项"]);
  });

  it("should not strip a field that merely starts with a source name", () => {
    expect(stripSourcePrefix("bodyText")).toBe("bodyText");
    expect(stripSourcePrefix("paramsList.0")).toBe("paramsList.0");
  });
});
