/**
 * Reading the 教育事业统计 school list (学校名录) a bureau already has, as plain sheets of cells: finding
 * the header row (real exports put a title above it), binding columns by name and alias, and checking
 * every row. Problems name the sheet, the row and the column. See docs/unit-registry.md.
 */
import type { Ownership, SchoolType, UrbanRural } from "./org-unit.ts";
import { findSchoolTypeCode, findUrbanRural } from "@luoshi/common";
import { deriveOwnership } from "./registry-codes.ts";

/** A cell as the server's spreadsheet / CSV reader gives it. */
export type RegistryCell = string | number | boolean | null | undefined;

/** One non-blank row of a sheet, with its 1-based row number in the file. */
export interface RegistrySheetRow {
  row: number;
  cells: readonly RegistryCell[];
}

/** One sheet as read ("" as the name of a CSV file's only sheet). Header rows are among `rows`. */
export interface RegistrySheet {
  name: string;
  rows: readonly RegistrySheetRow[];
}

/** A problem with the file: where it is and what is wrong, in Chinese. */
export interface RegistryProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

/** A 乡镇（街道） of the county, as the caller passes it in. */
export interface RegistryTownship {
  id: string;
  code: string;
  name: string;
  aliases: readonly string[];
}

/** One school row read from the file. A field left `undefined` had no column in the file. */
export interface SchoolEntry {
  sheet: string;
  row: number;
  code: string;
  name: string;
  schoolTypeCode: string;
  schoolType: SchoolType;
  sponsor?: string | null;
  ownership: Ownership;
  isInclusive: boolean;
  urbanRural: UrbanRural;
  townshipId: string;
  address?: string | null;
  principal?: string | null;
  phone?: string | null;
  /** 所属学校标识码 (a 教学点's host school); undefined without the column, null when blank. */
  hostSchoolCode?: string | null;
}

/** A column the reader knows: its name in the template and the other names real files use. */
export interface RegistryColumn<K extends string = string> {
  key: K;
  header: string;
  aliases: readonly string[];
}

/** The school list's columns (学校名录). */
export const SCHOOL_COLUMNS = [
  { key: "code", header: "学校标识码", aliases: ["标识码", "学校识别码"] },
  { key: "name", header: "学校名称", aliases: ["单位名称", "学校（机构）名称"] },
  { key: "schoolType", header: "办学类型", aliases: ["办学类型代码", "办学类型码"] },
  { key: "sponsor", header: "举办者", aliases: ["举办者类型"] },
  { key: "ownership", header: "办学性质", aliases: [] },
  { key: "inclusive", header: "普惠性", aliases: ["是否普惠", "是否普惠性幼儿园"] },
  { key: "urbanRural", header: "城乡分类", aliases: ["城乡分类代码", "城乡类型"] },
  { key: "township", header: "所在乡镇", aliases: ["乡镇（街道）", "所在乡镇（街道）", "乡镇", "乡镇代码"] },
  { key: "address", header: "地址", aliases: ["学校地址", "详细地址"] },
  { key: "principal", header: "校长", aliases: ["负责人", "校长（负责人）", "校长姓名"] },
  { key: "phone", header: "联系电话", aliases: ["电话", "办公电话"] },
  { key: "host", header: "所属学校标识码", aliases: ["所属学校", "中心校标识码"] },
] as const satisfies readonly RegistryColumn[];
type SchoolColumnKey = (typeof SCHOOL_COLUMNS)[number]["key"];

/** Header rows are looked for among a sheet's first rows. */
const HEADER_SEARCH_ROWS = 5;

/** Header text compared without spaces, with full-width brackets. */
export function normalizeRegistryHeader(h: string): string {
  return h
    .replace(/[\s\u3000]/g, "")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）");
}

/** A cell as trimmed text ("" for an empty cell). */
export function cellText(c: RegistryCell): string {
  if (c === null || c === undefined) {
    return "";
  }
  return (typeof c === "number" && Number.isInteger(c) ? c.toFixed(0) : String(c)).trim();
}

/** A header row bound to columns: the key and header text at each column position. */
export interface HeaderMatch<K extends string> {
  /** 1-based row number of the header. */
  row: number;
  /** Index in `rows` of the first data row. */
  dataFrom: number;
  columns: Map<K, { index: number; header: string }>;
}

/**
 * Finds the header among a sheet's first rows: the first row holding every `required` column. A
 * repeated column is read from its first occurrence.
 */
export function findHeader<K extends string>(
  sheet: RegistrySheet,
  columns: readonly RegistryColumn<K>[],
  required: readonly K[],
): HeaderMatch<K> | null {
  const lookup = new Map<string, K>();
  for (const c of columns) {
    for (const h of [c.header, ...c.aliases]) {
      lookup.set(normalizeRegistryHeader(h), c.key);
    }
  }
  const candidates = sheet.rows.slice(0, HEADER_SEARCH_ROWS);
  for (const [i, r] of candidates.entries()) {
    const bound = new Map<K, { index: number; header: string }>();
    r.cells.forEach((c, index) => {
      const key = lookup.get(normalizeRegistryHeader(cellText(c)));
      if (key !== undefined && !bound.has(key)) {
        bound.set(key, { index, header: cellText(c) });
      }
    });
    if (required.every((k) => bound.has(k))) {
      return { row: r.row, dataFrom: i + 1, columns: bound };
    }
  }
  return null;
}

/** Where a problem is, as a person reads it: 表“学校名录”第 5 行“学校标识码”列. */
export function problemAt(sheet: string, row: number, column: string, what: string): RegistryProblem {
  const place = [
    sheet === "" ? "" : `表“${sheet}”`,
    row > 0 ? `第 ${row} 行` : "",
    column === "" ? "" : `“${column}”列`,
  ]
    .filter((s) => s !== "")
    .join("");
  return { sheet, row, column, message: place === "" ? what : `${place}：${what}` };
}

const TOWNSHIP_CODE = /^\d{9}$/;
const PHONE_CHARS = /^[0-9+\-()（）\s、/,，;；转]+$/;

/** Resolves 所在乡镇 by 9-digit code (or a 12-digit code ending 000), name or alias. */
function findTownship(text: string, townships: readonly RegistryTownship[]): RegistryTownship | undefined {
  const t = normalizeRegistryHeader(text);
  const code = /^\d{12}$/.test(t) && t.endsWith("000") ? t.slice(0, 9) : t;
  if (TOWNSHIP_CODE.test(code)) {
    return townships.find((w) => w.code === code);
  }
  return townships.find((w) => w.name === t || w.aliases.includes(t));
}

/** True when the text looks like a telephone number: phone characters and 7 or more digits. */
export function looksLikePhone(text: string): boolean {
  return PHONE_CHARS.test(text) && (text.match(/\d/g) ?? []).length >= 7;
}

interface RowReader {
  text(key: SchoolColumnKey): string;
  /** undefined when the file has no such column, null for a blank cell. */
  optional(key: SchoolColumnKey): string | null | undefined;
  problem(key: SchoolColumnKey, what: string): void;
}

function rowReader(
  sheet: string,
  r: RegistrySheetRow,
  header: HeaderMatch<SchoolColumnKey>,
  problems: RegistryProblem[],
): RowReader {
  const at = (key: SchoolColumnKey) => header.columns.get(key);
  const text = (key: SchoolColumnKey): string => {
    const c = at(key);
    return c === undefined ? "" : cellText(r.cells[c.index]);
  };
  return {
    text,
    optional: (key) => (at(key) === undefined ? undefined : text(key) === "" ? null : text(key)),
    problem: (key, what) => {
      const label = at(key)?.header ?? SCHOOL_COLUMNS.find((c) => c.key === key)?.header ?? key;
      problems.push(problemAt(sheet, r.row, label, what));
    },
  };
}

function readSchoolType(read: RowReader): { code: string; type: SchoolType } | null {
  const text = read.text("schoolType");
  if (text === "") {
    read.problem("schoolType", "办学类型为空；请填代码（如 211）或名称（如 小学）");
    return null;
  }
  const found = findSchoolTypeCode(text);
  if (found === undefined) {
    read.problem("schoolType", `“${text}”不是已知的办学类型代码或名称（如 211 或 小学，见填写说明）`);
    return null;
  }
  if (found.schoolType === null) {
    read.problem(
      "schoolType",
      `${found.code} ${found.name}是附设在其他学校的教学班，不作为单独单位导入；请删除此行（其学生计入所在学校）`,
    );
    return null;
  }
  return { code: found.code, type: found.schoolType };
}

function readInclusive(read: RowReader, type: SchoolType, ownership: Ownership): boolean | null {
  const text = read.optional("inclusive");
  if (text === undefined || text === null) {
    return ownership === "public";
  }
  if (["是", "普惠", "普惠性", "Y", "1"].includes(text)) {
    return true;
  }
  if (["否", "非普惠", "N", "0"].includes(text)) {
    return type === "kindergarten" ? false : ownership === "public";
  }
  read.problem("inclusive", `“${text}”应为 是 或 否`);
  return null;
}

/** Reads and checks one data row; null when it has a problem (recorded in `problems`). */
function readSchoolRow(
  sheet: string,
  r: RegistrySheetRow,
  header: HeaderMatch<SchoolColumnKey>,
  townships: readonly RegistryTownship[],
  problems: RegistryProblem[],
): SchoolEntry | null {
  const before = problems.length;
  const read = rowReader(sheet, r, header, problems);
  const code = read.text("code");
  if (!/^\d{10}$/.test(code)) {
    read.problem("code", code === "" ? "学校标识码为空" : `学校标识码应为 10 位数字，实为“${code}”`);
  }
  const name = read.text("name");
  if (name === "" || name.length > 100) {
    read.problem("name", name === "" ? "学校名称为空" : "学校名称超过 100 个字");
  }
  const type = readSchoolType(read);
  const sponsor = read.optional("sponsor");
  const ownership = deriveOwnership(sponsor ?? null, read.optional("ownership") ?? null);
  if (ownership === undefined) {
    read.problem("ownership", `“${read.text("ownership")}”应为 公办 或 民办`);
  }
  const isInclusive =
    type === null || ownership === undefined ? null : readInclusive(read, type.type, ownership);
  const urbanText = read.text("urbanRural");
  const urbanRural = findUrbanRural(urbanText);
  if (urbanRural === undefined) {
    read.problem(
      "urbanRural",
      urbanText === "" ? "城乡分类为空" : `“${urbanText}”不是已知的城乡分类代码或名称（如 121 或 镇区）`,
    );
  }
  const townText = read.text("township");
  const township = findTownship(townText, townships);
  if (township === undefined) {
    read.problem(
      "township",
      townText === ""
        ? "所在乡镇为空"
        : `“${townText}”不是本县的乡镇（街道）；可填名称或 9 位乡镇代码（见填写说明）`,
    );
  }
  const phone = read.optional("phone");
  if (phone !== undefined && phone !== null && !looksLikePhone(phone)) {
    read.problem("phone", `“${phone}”不像电话号码`);
  }
  const host = read.optional("host");
  if (host !== undefined && host !== null && !/^\d{10}$/.test(host)) {
    read.problem("host", `所属学校标识码应为 10 位数字，实为“${host}”`);
  }
  for (const key of ["address", "principal", "sponsor"] as const) {
    if ((read.optional(key) ?? "").length > 200) {
      read.problem(key, "内容超过 200 个字");
    }
  }
  if (problems.length > before || type === null || ownership === undefined || isInclusive === null) {
    return null;
  }
  if (urbanRural === undefined || township === undefined) {
    return null;
  }
  const optionals = {
    sponsor,
    address: read.optional("address"),
    principal: read.optional("principal"),
    phone,
    hostSchoolCode: host,
  };
  const entry: SchoolEntry = {
    sheet,
    row: r.row,
    code,
    name,
    schoolTypeCode: type.code,
    schoolType: type.type,
    ownership,
    isInclusive,
    urbanRural,
    townshipId: township.id,
  };
  for (const [k, v] of Object.entries(optionals)) {
    if (v !== undefined) {
      (entry as unknown as Record<string, string | null>)[k] = v;
    }
  }
  return entry;
}

/** The header of a school sheet, or null when the sheet is not one (no 学校标识码 and 学校名称). */
export function schoolHeader(sheet: RegistrySheet): HeaderMatch<SchoolColumnKey> | null {
  return findHeader(sheet, SCHOOL_COLUMNS, ["code", "name"]);
}

/**
 * Reads a school sheet whose header was found: every row is checked; missing required columns, bad
 * values and codes repeated within the file are problems.
 */
export function readSchoolSheet(
  sheet: RegistrySheet,
  header: HeaderMatch<SchoolColumnKey>,
  townships: readonly RegistryTownship[],
  seen: Map<string, { sheet: string; row: number }>,
): { schools: SchoolEntry[]; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  for (const key of ["schoolType", "urbanRural", "township"] as const) {
    if (!header.columns.has(key)) {
      const c = SCHOOL_COLUMNS.find((x) => x.key === key);
      problems.push(problemAt(sheet.name, header.row, c?.header ?? key, `表头缺少“${c?.header ?? key}”列`));
    }
  }
  if (problems.length > 0) {
    return { schools: [], problems };
  }
  const schools: SchoolEntry[] = [];
  for (const r of sheet.rows.slice(header.dataFrom)) {
    const entry = readSchoolRow(sheet.name, r, header, townships, problems);
    if (entry === null) {
      continue;
    }
    const first = seen.get(entry.code);
    if (first !== undefined) {
      const label = header.columns.get("code")?.header ?? "学校标识码";
      problems.push(problemAt(sheet.name, r.row, label, `学校标识码 ${entry.code} 与第 ${first.row} 行重复`));
      continue;
    }
    seen.set(entry.code, { sheet: sheet.name, row: r.row });
    schools.push(entry);
  }
  return { schools, problems };
}
