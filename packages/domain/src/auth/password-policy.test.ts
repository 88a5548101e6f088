import { describe, expect, it } from "vitest";
import { checkPassword, passwordFromBytes } from "./password-policy.ts";

describe("checkPassword", () => {
  it.each([
    ["Short1!", "zhang", ["password-too-short"]],
    ["alllowercase", "zhang", ["password-too-simple"]],
    ["Zhangsan#2024", "zhangsan", ["password-contains-login"]],
    ["Abc12345!x", "wang", ["password-sequential"]],
    ["Aaaaaa1!x", "wang", ["password-sequential"]],
    ["Qm7#Lp2x", "wang", []],
  ])("%s for login %s gives %j", (password, login, codes) => {
    expect(checkPassword(password, login).map((p) => p.code)).toEqual(codes);
  });
});

describe("passwordFromBytes", () => {
  it("always satisfies the policy", () => {
    for (let seed = 0; seed < 200; seed++) {
      const bytes = Uint8Array.from({ length: 14 }, (_, i) => (seed * 31 + i * 17) % 256);
      expect(checkPassword(passwordFromBytes(bytes), "demo")).toEqual([]);
    }
  });
});
