/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence (odd for
 * men, even for women), and a check character computed by ISO 7064 MOD 11-2 over the first 17 digits.
 * The older 15-digit form (before 1999) has a 6-digit birth date (19YYMMDD) and no check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = "10X98765432";

/** The province codes (first two digits) of GB/T 2260, including 71 台湾, 81 香港, 82 澳门. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
]);

/** What a valid number says about its holder. */
export interface IdNumberFacts {
  /** The number in its normal form: 18 characters, check letter upper-case (15-digit numbers as given). */
  normalized: string;
  /** Date of birth as YYYY-MM-DD. */
  birthDate: string;
  sex: "male" | "female";
  /** The 6-digit address code of registration. */
  regionCode: string;
}

/** The verdict on one 身份证号: its facts, or a Chinese reason it is not valid. */
export type IdNumberCheck = ({ ok: true } & IdNumberFacts) | { ok: false; reason: string };

/** The check character of the first 17 digits (GB 11643, ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK[sum % 11] ?? "";
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Checks a 身份证号: length and characters, province code, birth date (a real date, not after `today`),
 * and for 18-character numbers the check character. Spaces around it and a lower-case
 * x are accepted; full-width digits are folded.
 */
export function checkIdNumber(
  value: string,
  today: string = new Date().toISOString().slice(0, 10),
): IdNumberCheck {
  const id = value.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
  let birth: string | null;
  if (/^\d{17}[\dX]$/.test(id)) {
    birth = isoDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
  } else if (/^\d{15}$/.test(id)) {
    birth = isoDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
  } else {
    return { ok: false, reason: "身份证号应为 18 位（最后一位可为 X）或 15 位数字" };
  }
  if (!PROVINCES.has(Number(id.slice(0, 2)))) {
    return { ok: false, reason: `身份证号前两位 ${id.slice(0, 2)} 不是省级行政区划代码` };
  }
  if (birth === null) {
    return { ok: false, reason: "身份证号中的出生日期不是有效日期" };
  }
  if (birth > today) {
    return { ok: false, reason: `身份证号中的出生日期 ${birth} 晚于今天` };
  }
  if (id.length === 18) {
    const expected = idNumberCheckChar(id);
    if (id[17] !== expected) {
      return { ok: false, reason: `身份证号校验码不对（最后一位应为 ${expected}），请核对是否抄错` };
    }
  }
  const sexDigit = Number(id.length === 18 ? id[16] : id[14]);
  return {
    ok: true,
    normalized: id,
    birthDate: birth,
    sex: sexDigit % 2 === 1 ? "male" : "female",
    regionCode: id.slice(0, 6),
  };
}

/** True when `value` is a valid 身份证号 (see {@link checkIdNumber}). */
export function isValidIdNumber(value: string, today?: string): boolean {
  return checkIdNumber(value, today).ok;
}

/** The date of birth (YYYY-MM-DD) a valid 身份证号 carries, or null when it is not valid. */
export function birthDateFromIdNumber(value: string, today?: string): string | null {
  const c = checkIdNumber(value, today);
  return c.ok ? c.birthDate : null;
}
