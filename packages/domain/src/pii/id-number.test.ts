import { describe, expect, it } from "vitest";
import { birthDateFromIdNumber, checkIdNumber, idNumberCheckChar, isValidIdNumber } from "./id-number.ts";

const TODAY = "2026-12-07";

function reasonOf(value: string): string {
  const c = checkIdNumber(value, TODAY);
  return c.ok ? "(valid)" : c.reason;
}

describe("身份证号 (GB 11643)", () => {
  it("accepts the standard's own examples", () => {
    // the two worked examples printed in GB 11643-1999
    expect(checkIdNumber("11010519491231002X", TODAY)).toEqual({
      ok: true,
      normalized: "11010519491231002X",
      birthDate: "1949-12-31",
      sex: "female",
      regionCode: "110105",
    });
    expect(checkIdNumber("440524188001010014", TODAY)).toMatchObject({
      ok: true,
      birthDate: "1880-01-01",
      sex: "male",
    });
    expect(idNumberCheckChar("44052418800101001")).toBe("4");
  });
  it("computes the check character by MOD 11-2", () => {
    expect(idNumberCheckChar("11010519491231002")).toBe("X");
    expect(idNumberCheckChar("62010220150307123")).toBe("6");
  });
  it("refuses a wrong check character and names the right one", () => {
    const c = checkIdNumber("620102201503071234", TODAY);
    expect(c).toEqual({ ok: false, reason: "身份证号校验码不对（最后一位应为 6），请核对是否抄错" });
    expect(isValidIdNumber("620102201503071236", TODAY)).toBe(true);
  });
  it("normalises spaces, full-width digits and a lower-case x", () => {
    expect(checkIdNumber(" 11010519491231002x ", TODAY)).toMatchObject({
      ok: true,
      normalized: "11010519491231002X",
    });
    expect(checkIdNumber("１１０１０５１９４９１２３１００２Ｘ", TODAY)).toMatchObject({ ok: true });
  });
  it("refuses impossible dates, future births, unknown provinces and wrong lengths", () => {
    const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
    expect(reasonOf(withCheck("62010220150230123"))).toContain("出生日期");
    expect(reasonOf(withCheck("62010220270101123"))).toContain("晚于今天");
    expect(reasonOf(withCheck("99010220150307123"))).toContain("99");
    expect(reasonOf("6201022015030712")).toContain("18 位");
  });
  it("reads the birth date and sex of the older 15-digit form", () => {
    expect(checkIdNumber("620102850307123", TODAY)).toMatchObject({
      ok: true,
      birthDate: "1985-03-07",
      sex: "male",
    });
  });
  it("extracts the birth date only from a valid number", () => {
    expect(birthDateFromIdNumber("620102201503071236", TODAY)).toBe("2015-03-07");
    expect(birthDateFromIdNumber("620102201503071234", TODAY)).toBeNull();
  });
});
