/**
 * The balance CSV contract of the CLI (spec §1.1a figures, one row per school). Pure parsing: the
 * caller reads the file; problems come back as issues naming the row (1 = header line) and column.
 */
import type { Issue } from "../issues.ts";
import { SCHOOL_TYPE_LABELS, SCHOOL_TYPES, type SchoolType } from "../org/index.ts";
import { readCsvRecords } from "./csv-text.ts";
import type { BalanceSchool } from "./resource-indicators.ts";

/** The exact header row of the balance CSV, in order. */
export const BALANCE_CSV_HEADERS = [
  "学校标识码",
  "学校名称",
  "办学类型",
  "小学在校生数",
  "初中在校生数",
  "高中在校生数",
  "高于规定学历教师数_小学",
  "高于规定学历教师数_初中",
  "骨干教师数_小学",
  "骨干教师数_初中",
  "体育艺术专任教师数_小学",
  "体育艺术专任教师数_初中",
  "教学及辅助用房面积",
  "体育运动场馆面积",
  "教学仪器设备值",
  "网络多媒体教室数",
] as const;
type Header = (typeof BALANCE_CSV_HEADERS)[number];

/** Columns that must hold whole numbers (pupils, teachers, rooms). */
const INTEGER_COLUMNS: ReadonlySet<Header> = new Set<Header>([
  "小学在校生数",
  "初中在校生数",
  "高中在校生数",
  "高于规定学历教师数_小学",
  "高于规定学历教师数_初中",
  "骨干教师数_小学",
  "骨干教师数_初中",
  "体育艺术专任教师数_小学",
  "体育艺术专任教师数_初中",
  "网络多媒体教室数",
]);

/** 办学类型 labels accepted in the CSV: the statistics labels plus common short forms. */
export const SCHOOL_TYPE_BY_LABEL: ReadonlyMap<string, SchoolType> = new Map<string, SchoolType>([
  ...SCHOOL_TYPES.map((t): [string, SchoolType] => [SCHOOL_TYPE_LABELS[t], t]),
  ["教学点", "teachingPoint"],
  ["初中", "junior"],
  ["九年一贯制", "nineYear"],
  ["十二年一贯制", "twelveYear"],
  ["高中", "senior"],
  ["特殊教育", "special"],
  ["职业初中", "junior"],
]);

function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, "");
  if (s === "") {
    return 0;
  }
  const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, "") : s;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) {
    return null;
  }
  return Number(plain);
}

/**
 * Parses the balance CSV (spec §1.1a; header {@link BALANCE_CSV_HEADERS}). Handles a BOM, CRLF and
 * quoted fields; empty numeric cells count as 0; "1,234" in quotes is read as 1234. Issue codes:
 * `csv-empty`, `csv-missing-column`, `csv-unknown-column`, `csv-duplicate-column`, `csv-field-count`,
 * `csv-invalid-number`, `csv-negative-number`, `csv-not-integer`, `csv-unknown-school-type`,
 * `csv-missing-school-code`, `csv-duplicate-school-code`, `csv-school-code-format` (warning),
 * `csv-unterminated-quote`. Rows with an error are left out; warnings keep the row.
 */
export function parseBalanceCsv(text: string): { schools: BalanceSchool[]; issues: Issue[] } {
  const { records, issues } = readCsvRecords(text);
  const schools: BalanceSchool[] = [];
  const header = records[0];
  if (!header) {
    issues.push({ code: "csv-empty", severity: "error", message: "文件为空，没有表头" });
    return { schools, issues };
  }
  const index = new Map<string, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim();
    if (name === "" && i >= BALANCE_CSV_HEADERS.length) {
      return;
    }
    if (index.has(name)) {
      issues.push({
        code: "csv-duplicate-column",
        severity: "error",
        message: `列“${name}”重复`,
        where: { row: header.line, column: name },
      });
      return;
    }
    if (!(BALANCE_CSV_HEADERS as readonly string[]).includes(name)) {
      issues.push({
        code: "csv-unknown-column",
        severity: "warning",
        message: `未知列“${name}”，已忽略`,
        where: { row: header.line, column: name },
      });
    }
    index.set(name, i);
  });
  const missing = BALANCE_CSV_HEADERS.filter((h) => !index.has(h));
  for (const h of missing) {
    issues.push({
      code: "csv-missing-column",
      severity: "error",
      message: `缺少列“${h}”`,
      where: { row: header.line, column: h },
    });
  }
  if (missing.length > 0) {
    return { schools, issues };
  }
  const width = header.fields.length;
  const seenCodes = new Map<string, number>();
  for (const record of records.slice(1)) {
    const row = record.line;
    const extra = record.fields.slice(width);
    if (record.fields.length < width || extra.some((f) => f.trim() !== "")) {
      issues.push({
        code: "csv-field-count",
        severity: "error",
        message: `第 ${row} 行有 ${record.fields.length} 个字段，表头有 ${width} 个`,
        where: { row },
      });
      continue;
    }
    const rowIssues: Issue[] = [];
    const cell = (h: Header): string => record.fields[index.get(h) ?? -1]?.trim() ?? "";
    const num = (h: Header): number => {
      const raw = cell(h);
      const value = parseNumber(raw);
      const where = { row, column: h };
      if (value === null || !Number.isFinite(value)) {
        rowIssues.push({
          code: "csv-invalid-number",
          severity: "error",
          message: `第 ${row} 行“${h}”不是数字：${raw}`,
          where,
        });
        return 0;
      }
      if (value < 0) {
        rowIssues.push({
          code: "csv-negative-number",
          severity: "error",
          message: `第 ${row} 行“${h}”不能为负数`,
          where,
        });
        return 0;
      }
      if (INTEGER_COLUMNS.has(h) && !Number.isInteger(value)) {
        rowIssues.push({
          code: "csv-not-integer",
          severity: "error",
          message: `第 ${row} 行“${h}”应为整数：${raw}`,
          where,
        });
        return 0;
      }
      return value;
    };
    const code = cell("学校标识码");
    const name = cell("学校名称");
    if (code === "") {
      rowIssues.push({
        code: "csv-missing-school-code",
        severity: "error",
        message: `第 ${row} 行缺少学校标识码`,
        where: { row, column: "学校标识码" },
      });
    } else if (seenCodes.has(code)) {
      rowIssues.push({
        code: "csv-duplicate-school-code",
        severity: "error",
        message: `第 ${row} 行学校标识码 ${code} 与第 ${seenCodes.get(code) ?? 0} 行重复`,
        where: { row, column: "学校标识码" },
      });
    } else if (!/^\d{10}$/.test(code)) {
      issues.push({
        code: "csv-school-code-format",
        severity: "warning",
        message: `第 ${row} 行学校标识码“${code}”不是 10 位数字`,
        where: { row, column: "学校标识码" },
      });
    }
    const typeLabel = cell("办学类型");
    const schoolType = SCHOOL_TYPE_BY_LABEL.get(typeLabel);
    if (!schoolType) {
      rowIssues.push({
        code: "csv-unknown-school-type",
        severity: "error",
        message: `第 ${row} 行办学类型“${typeLabel}”无法识别`,
        where: { row, column: "办学类型" },
      });
    }
    const school: BalanceSchool = {
      code,
      name: name === "" ? code : name,
      schoolType: schoolType ?? "primary",
      students: { primary: num("小学在校生数"), junior: num("初中在校生数"), senior: num("高中在校生数") },
      qualifiedTeachers: { primary: num("高于规定学历教师数_小学"), junior: num("高于规定学历教师数_初中") },
      backboneTeachers: { primary: num("骨干教师数_小学"), junior: num("骨干教师数_初中") },
      peArtTeachers: { primary: num("体育艺术专任教师数_小学"), junior: num("体育艺术专任教师数_初中") },
      teachingFloorArea: num("教学及辅助用房面积"),
      sportsArea: num("体育运动场馆面积"),
      equipmentValue: num("教学仪器设备值"),
      multimediaClassrooms: num("网络多媒体教室数"),
    };
    issues.push(...rowIssues);
    if (code !== "" && !seenCodes.has(code)) {
      seenCodes.set(code, row);
    }
    if (rowIssues.length === 0) {
      schools.push(school);
    }
  }
  return { schools, issues };
}
