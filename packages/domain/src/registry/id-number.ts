/**
 * 公民身份号码 (GB 11643-1999): 6-digit 行政区划代码, 8-digit birth date, 3-digit sequence (odd for men, even
 * for women) and a check character computed with ISO 7064 MOD 11-2. The registry checks the format, the
 * birth date and the check character; it does not check the region against a list, so that pupils born
 * elsewhere (and the synthetic demo region 99) pass.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** The check character (0–9 or X) of the first 17 digits of an ID number. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS[sum % 11] ?? "";
}

/** An ID number as written (spaces, full-width digits, lower-case x) in its canonical form. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\s\u3000]/g, "")
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[xｘＸ]/g, "X");
}

/** What an ID number says about its holder. */
export interface IdNumberFacts {
  birthDate: string;
  sex: "M" | "F";
}

/** Checks a normalised 18-character ID number: the facts it carries, or a Chinese problem. */
export function checkIdNumber(
  id: string,
): { ok: true; facts: IdNumberFacts } | { ok: false; problem: string } {
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, problem: "身份证件号应为 18 位（前 17 位数字，末位数字或 X）" };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, problem: "身份证件号中的出生日期不存在" };
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, problem: "身份证件号校验位不对，可能有数字录错" };
  }
  return {
    ok: true,
    facts: {
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      sex: Number(id[16]) % 2 === 1 ? "M" : "F",
    },
  };
}
