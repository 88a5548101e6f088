/**
 * Reading a 学籍 export (.xlsx / .csv as the server's spreadsheet reader gives it) into
 * {@link StudentRecord}s, with every problem named by file, row, column and value. The import is all or
 * nothing: any error stops it. Values of personal columns are masked in problems (an error message is
 * shown, logged and stored, so it must not carry a full 身份证件号 or name).
 */
import type { Issue } from "../issues.ts";
import type { SchoolType } from "../org/org-unit.ts";
import { SCHOOL_TYPE_LEVELS } from "../stats/levels.ts";
import type { Cell } from "../stats/template-parse.ts";
import { gradeLabel, parseGrade, type Grade } from "./grades.ts";
import { checkIdNumber, maskIdNumber, maskName } from "../pii/index.ts";
import { STUDENT_STATUS_LABELS, type StudentRecord, type StudentStatus } from "./record.ts";

/** One sheet of cells as read: header row and data rows with their 1-based row numbers. */
export interface RegistrySheet {
  name: string;
  headers: readonly Cell[];
  rows: readonly { row: number; cells: readonly Cell[] }[];
}

/** What the parser needs to know about a school the file names. */
export interface RegistrySchool {
  code: string;
  name: string;
  schoolType: SchoolType;
}

/** The columns of a 学籍 export and the headers each is recognised by. */
export const REGISTRY_COLUMNS = {
  studentNo: ["全国学籍号", "学籍号", "学籍辅号"],
  idNumber: ["身份证件号", "身份证号", "身份证件号码", "公民身份号码"],
  name: ["姓名", "学生姓名"],
  sex: ["性别"],
  birthDate: ["出生日期"],
  schoolCode: ["学校标识码", "学校代码"],
  schoolName: ["学校名称", "学校"],
  grade: ["年级"],
  className: ["班级", "班级名称"],
  hukou: ["户籍地", "户籍所在地", "户口所在地"],
  migrant: ["是否随迁子女", "随迁子女", "进城务工人员随迁子女"],
  leftBehind: ["是否留守儿童", "留守儿童"],
  disabled: ["是否残疾", "残疾", "是否残疾人"],
  guardianName: ["监护人姓名", "监护人"],
  guardianPhone: ["监护人电话", "监护人联系电话", "联系电话"],
  status: ["学籍状态", "在校状态"],
} as const;
type ColumnKey = keyof typeof REGISTRY_COLUMNS;

const REQUIRED: readonly ColumnKey[] = ["studentNo", "name", "sex", "birthDate", "grade", "className"];
/** Columns whose values are personal: problems show them masked. */
const PERSONAL: ReadonlySet<ColumnKey> = new Set([
  "idNumber",
  "name",
  "birthDate",
  "hukou",
  "guardianName",
  "guardianPhone",
  "studentNo",
]);

const STATUS_BY_LABEL = new Map<string, StudentStatus>([
  ...Object.entries(STUDENT_STATUS_LABELS).map(([k, v]) => [v, k as StudentStatus] as const),
  ["在校", "enrolled"],
  ["在籍", "enrolled"],
  ["正常", "enrolled"],
  ["已转出", "transferredOut"],
  ["已毕业", "graduated"],
]);

/** The result of parsing: records when there is no error, every problem either way. */
export interface RegistryParse {
  records: StudentRecord[];
  problems: Issue[];
  /** True when the file has a status column (movements then follow it). */
  hasStatus: boolean;
}

/** A personal value as a problem may show it: its first and last character, the rest starred. */
export function maskProblemValue(value: string): string {
  if (value.length <= 2) {
    return "*".repeat(value.length);
  }
  const keep = value.length >= 10 ? 4 : 1;
  return `${value.slice(0, keep)}${"*".repeat(value.length - 2 * keep)}${value.slice(-keep)}`;
}

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());
const normHeader = (h: string): string => h.replace(/[\s\u3000*＊]/g, "");

function bindHeaders(headers: readonly Cell[]): Map<ColumnKey, number> {
  const out = new Map<ColumnKey, number>();
  headers.forEach((h, i) => {
    const name = normHeader(text(h));
    for (const [key, names] of Object.entries(REGISTRY_COLUMNS) as [ColumnKey, readonly string[]][]) {
      if (!out.has(key) && names.includes(name)) {
        out.set(key, i);
      }
    }
  });
  return out;
}

/** Excel date serials, "2015-09-01", "2015/9/1", "20150901" → YYYY-MM-DD; null when none. */
export function parseRegistryDate(c: Cell): string | null {
  if (typeof c === "number" && c > 1000 && c < 80000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text(c));
  if (m === null) {
    return null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

function parseFlag(c: Cell): boolean | null {
  const t = text(c);
  if (t === "" || t === "否" || t === "0" || t === "N" || t === "n" || t === "非") {
    return false;
  }
  if (t === "是" || t === "1" || t === "Y" || t === "y" || t === "√") {
    return true;
  }
  return null;
}

/** Context of one parse. */
export interface RegistryParseContext {
  fileName: string;
  /** The schools the importer may import pupils of (its scope), by 学校标识码. */
  schools: ReadonlyMap<string, RegistrySchool>;
  /** At most this many problems are listed (the count is exact). */
  maxProblems?: number;
}

/**
 * Parses the sheets of a 学籍 export. Each data row must give a 学籍号, 姓名, 性别, 出生日期, a school in
 * the importer's scope (标识码 or exact name), a 年级 the school type teaches and a 班级; a 身份证件号 must
 * pass its check and agree with 出生日期 and 性别; no 学籍号 or 身份证件号 may occur twice in the file.
 */
export function parseRegistrySheets(
  sheets: readonly RegistrySheet[],
  ctx: RegistryParseContext,
): RegistryParse {
  const problems: Issue[] = [];
  const records: StudentRecord[] = [];
  const limit = ctx.maxProblems ?? 500;
  let problemCount = 0;
  const schoolsByName = new Map([...ctx.schools.values()].map((s) => [s.name, s]));
  const seenNo = new Map<string, string>();
  const seenId = new Map<string, string>();
  let hasStatus = false;
  const sheet = sheets.find((s) => bindHeaders(s.headers).has("studentNo")) ?? sheets[0];
  if (sheet === undefined) {
    return { records, problems: [fileProblem(ctx.fileName, "文件中没有工作表")], hasStatus };
  }
  const cols = bindHeaders(sheet.headers);
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (!cols.has("schoolCode") && !cols.has("schoolName")) {
    missing.push("schoolCode");
  }
  if (missing.length > 0) {
    const names = missing.map((k) => REGISTRY_COLUMNS[k][0]).join("、");
    return { records, problems: [fileProblem(ctx.fileName, `缺少必需的列：${names}`)], hasStatus };
  }
  hasStatus = cols.has("status");
  const sheetLabel = sheet.name === "" ? "" : `表“${sheet.name}”`;

  for (const { row, cells } of sheet.rows) {
    const state = { bad: false };
    const problem = (key: ColumnKey, raw: string, message: string): void => {
      state.bad = true;
      problemCount++;
      if (problems.length >= limit) {
        return;
      }
      const column = text(sheet.headers[cols.get(key) ?? -1]) || REGISTRY_COLUMNS[key][0];
      const value =
        key === "idNumber"
          ? maskIdNumber(raw)
          : key === "name" || key === "guardianName"
            ? maskName(raw)
            : PERSONAL.has(key)
              ? maskProblemValue(raw)
              : raw;
      problems.push({
        code: "registry-row",
        severity: "error",
        message: `文件“${ctx.fileName}”${sheetLabel}第 ${row} 行“${column}”列${value === "" ? "" : `（${value}）`}：${message}`,
        where: { file: ctx.fileName, sheet: sheet.name, row, column, value },
      });
    };
    const cell = (key: ColumnKey): Cell => {
      const i = cols.get(key);
      return i === undefined ? null : cells[i];
    };

    const studentNo = text(cell("studentNo")).toUpperCase();
    if (!/^[GLJ][0-9A-Z]{5,30}$/.test(studentNo)) {
      problem("studentNo", studentNo, "学籍号应以 G、L 或 J 开头，后接字母或数字");
    } else if (seenNo.has(studentNo)) {
      problem("studentNo", studentNo, `学籍号与第 ${seenNo.get(studentNo) ?? ""} 行重复`);
    } else {
      seenNo.set(studentNo, String(row));
    }
    const name = text(cell("name"));
    if (name === "" || name.length > 40) {
      problem("name", name, "姓名为空或过长");
    }
    const sexText = text(cell("sex"));
    const sex = sexText === "男" || sexText === "1" ? "M" : sexText === "女" || sexText === "2" ? "F" : null;
    if (sex === null) {
      problem("sex", sexText, "性别应为“男”或“女”");
    }
    const birthRaw = cell("birthDate");
    const birthDate = parseRegistryDate(birthRaw);
    if (birthDate === null) {
      problem("birthDate", text(birthRaw), "出生日期无法识别，应为 2015-09-01 这样的日期");
    }
    const idRaw = text(cell("idNumber")).normalize("NFKC").replace(/\s+/g, "").toUpperCase();
    let idNumber: string | null = null;
    if (idRaw !== "") {
      const checked = checkIdNumber(idRaw);
      if (!checked.ok) {
        problem("idNumber", idRaw, checked.reason);
      } else if (seenId.has(idRaw)) {
        problem("idNumber", idRaw, `身份证件号与第 ${seenId.get(idRaw) ?? ""} 行重复`);
      } else {
        seenId.set(idRaw, String(row));
        idNumber = idRaw;
        if (birthDate !== null && checked.birthDate !== birthDate) {
          problem("birthDate", text(birthRaw), "出生日期与身份证件号中的不一致");
        }
        if (sex !== null && (checked.sex === "male" ? "M" : "F") !== sex) {
          problem("sex", sexText, "性别与身份证件号不一致");
        }
      }
    } else if (studentNo.startsWith("G")) {
      problem("idNumber", "", "正式学籍号（G 开头）的学生必须有身份证件号");
    }
    if (studentNo.startsWith("G") && idNumber !== null && studentNo.slice(1) !== idNumber) {
      problem("studentNo", studentNo, "正式学籍号应为 G 加身份证件号");
    }

    const { school, grade } = readSchoolGrade(cell, problem, ctx.schools, schoolsByName);
    const className = text(cell("className"));
    if (className === "" || className.length > 40) {
      problem("className", className, "班级为空或过长");
    }
    const { flags, phone, status } = readExtras(cell, problem, hasStatus);
    if (state.bad || sex === null || birthDate === null || grade === null || school === undefined) {
      continue;
    }
    const guardianName = text(cell("guardianName"));
    records.push({
      studentNo,
      idNumber,
      name,
      sex,
      birthDate,
      schoolCode: school.code,
      grade,
      className,
      hukou: text(cell("hukou")),
      migrant: flags[0] ?? false,
      leftBehind: flags[1] ?? false,
      disabled: flags[2] ?? false,
      guardianName: guardianName === "" ? null : guardianName,
      guardianPhone: phone === "" ? null : phone,
      status,
    });
  }
  if (problemCount > problems.length) {
    problems.push(
      fileProblem(ctx.fileName, `共 ${problemCount} 处问题，只列出前 ${problems.length} 处`, "warning"),
    );
  }
  return { records: problems.some((p) => p.severity === "error") ? [] : records, problems, hasStatus };
}

/** The school (in scope, by 标识码 or name) and the grade (one the school type teaches) of a row. */
function readSchoolGrade(
  cell: (key: ColumnKey) => Cell,
  problem: ProblemAt,
  schools: ReadonlyMap<string, RegistrySchool>,
  schoolsByName: ReadonlyMap<string, RegistrySchool>,
): { school: RegistrySchool | undefined; grade: Grade | null } {
  const code = text(cell("schoolCode"));
  const schoolName = text(cell("schoolName"));
  const school = code !== "" ? schools.get(code) : schoolsByName.get(schoolName);
  if (school === undefined) {
    const [key, raw] = code !== "" ? (["schoolCode", code] as const) : (["schoolName", schoolName] as const);
    problem(key, raw, "不是本单位管辖范围内的学校（按学校标识码或学校名称查找）");
  }
  const gradeText = text(cell("grade"));
  let grade: Grade | null = parseGrade(gradeText);
  if (grade === null) {
    problem("grade", gradeText, "年级无法识别，应为“一年级”…“九年级”、“高一”…“高三”或“小班/中班/大班”");
  } else if (school !== undefined) {
    const levels = SCHOOL_TYPE_LEVELS[school.schoolType];
    if (school.schoolType === "special") {
      grade = { level: "special", grade: 0 };
    } else if (!levels.includes(grade.level)) {
      problem("grade", gradeText, `${school.name}的办学类型不设${gradeLabel(grade)}`);
    }
  }
  return { school, grade };
}

type ProblemAt = (key: ColumnKey, raw: string, message: string) => void;

/** The flags, guardian phone and status of a row. */
function readExtras(
  cell: (key: ColumnKey) => Cell,
  problem: ProblemAt,
  hasStatus: boolean,
): { flags: boolean[]; phone: string; status: StudentStatus } {
  const flags = (["migrant", "leftBehind", "disabled"] as const).map((k) => {
    const v = parseFlag(cell(k));
    if (v === null) {
      problem(k, text(cell(k)), "应填“是”或“否”");
    }
    return v === true;
  });
  const phone = text(cell("guardianPhone")).replace(/[\s-]/g, "");
  if (phone !== "" && !/^\d{7,12}$/.test(phone)) {
    problem("guardianPhone", phone, "电话号码应为 7–12 位数字");
  }
  let status: StudentStatus = "enrolled";
  if (hasStatus) {
    const s = text(cell("status"));
    const found = s === "" ? "enrolled" : STATUS_BY_LABEL.get(s);
    if (found === undefined) {
      problem("status", s, "学籍状态应为 在读、休学、转出、辍学、毕业 或 死亡");
    } else {
      status = found;
    }
  }
  return { flags, phone, status };
}

function fileProblem(file: string, message: string, severity: "error" | "warning" = "error"): Issue {
  return { code: "registry-file", severity, message: `文件“${file}”${message}`, where: { file } };
}
