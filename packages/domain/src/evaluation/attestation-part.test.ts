import { describe, expect, it } from "vitest";
import { attestationPartOfCode } from "./attestation-part.ts";

describe("attestationPartOfCode", () => {
  it.each([
    ["G01", "government"],
    ["G15", "government"],
    ["Q01", "quality"],
    ["Q09", "quality"],
    ["examAdmission", "veto"],
    ["keyClasses", "veto"],
    ["P04A", "preschool"],
    ["P10", "preschool"],
    ["P01", null],
    ["Q10", null],
    ["", null],
  ])("%s → %s", (code, part) => {
    expect(attestationPartOfCode(code)).toBe(part);
  });
});
