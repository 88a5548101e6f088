/**
 * Reading a 适龄儿童 list (公安's 户籍/人口 extract, 卫健's births) into rows, with every problem named by
 * file, row, column and value — personal values masked, as in the 学籍 import. All or nothing: any error
 * stops the import. Children outside the 适龄 band are kept out of the match and counted.
 */
import type { Issue } from "../issues.ts";
import { checkIdNumber, maskIdNumber, maskName } from "../pii/index.ts";
import { parseRegistryDate, type RegistrySheet } from "../registry/parse.ts";
import type { Sex } from "../registry/record.ts";
import type { Cell } from "../stats/template-parse.ts";
import { DEFAULT_SCHOOL_AGE_RULE, ageOnCutoff, isSchoolAge, type SchoolAgeRule } from "./school-age.ts";

/** One child of a 适龄 list. */
export interface SchoolAgeRecord {
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: string;
  /** 户籍地 乡镇（街道） and 村（社区）. */
  township: string;
  village: string;
  /** 周岁 on the cut-off day of the school year. */
  age: number;
}

export const SCHOOL_AGE_COLUMNS = {
  idNumber: ["身份证件号", "身份证号", "公民身份号码", "身份证件号码"],
  name: ["姓名", "儿童姓名"],
  sex: ["性别"],
  birthDate: ["出生日期"],
  township: ["乡镇", "乡镇（街道）", "乡镇(街道)", "户籍地乡镇", "所属乡镇", "户籍地乡镇（街道）"],
  village: ["村", "村（社区）", "村(社区)", "户籍地村", "所属村", "村（居）委会", "户籍地村（社区）"],
} as const;
type Key = keyof typeof SCHOOL_AGE_COLUMNS;

/** The result: the 适龄 children when there is no error, the count of those outside the band, problems. */
export interface SchoolAgeParse {
  records: SchoolAgeRecord[];
  outOfAge: number;
  problems: Issue[];
}

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());
const norm = (h: string): string => h.replace(/[\s\u3000*＊]/g, "");

/** Parses a 适龄 list of `schoolYear`; each row needs a valid 身份证件号 agreeing with 出生日期 and 性别. */
export function parseSchoolAgeSheets(
  sheets: readonly RegistrySheet[],
  ctx: { fileName: string; schoolYear: number; rule?: SchoolAgeRule; maxProblems?: number },
): SchoolAgeParse {
  const rule = ctx.rule ?? DEFAULT_SCHOOL_AGE_RULE;
  const limit = ctx.maxProblems ?? 200;
  const problems: Issue[] = [];
  const records: SchoolAgeRecord[] = [];
  let outOfAge = 0;
  let count = 0;
  const sheet = sheets[0];
  if (sheet === undefined) {
    return { records, outOfAge, problems: [fileProblem(ctx.fileName, "文件中没有工作表")] };
  }
  const cols = new Map<Key, number>();
  sheet.headers.forEach((h, i) => {
    for (const [key, names] of Object.entries(SCHOOL_AGE_COLUMNS) as [Key, readonly string[]][]) {
      if (!cols.has(key) && names.includes(norm(text(h)))) {
        cols.set(key, i);
      }
    }
  });
  const missing = (Object.keys(SCHOOL_AGE_COLUMNS) as Key[]).filter((k) => !cols.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => SCHOOL_AGE_COLUMNS[k][0]).join("、");
    return { records, outOfAge, problems: [fileProblem(ctx.fileName, `缺少必需的列：${names}`)] };
  }
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const state = { bad: false };
    const cell = (k: Key): Cell => cells[cols.get(k) ?? -1];
    const problem = (k: Key, raw: string, message: string): void => {
      state.bad = true;
      count++;
      if (problems.length >= limit) {
        return;
      }
      const column = text(sheet.headers[cols.get(k) ?? -1]);
      const value =
        k === "idNumber"
          ? maskIdNumber(raw)
          : k === "name"
            ? maskName(raw)
            : k === "birthDate"
              ? "****"
              : raw;
      problems.push({
        code: "school-age-row",
        severity: "error",
        message: `文件“${ctx.fileName}”第 ${row} 行“${column}”列${value === "" ? "" : `（${value}）`}：${message}`,
        where: { file: ctx.fileName, sheet: sheet.name, row, column, value },
      });
    };
    const idNumber = text(cell("idNumber")).normalize("NFKC").replace(/\s+/g, "").toUpperCase();
    const checked = checkIdNumber(idNumber);
    if (!checked.ok) {
      problem("idNumber", idNumber, checked.reason);
    } else if (seen.has(idNumber)) {
      problem("idNumber", idNumber, `身份证件号与第 ${String(seen.get(idNumber))} 行重复`);
    } else {
      seen.set(idNumber, row);
    }
    const name = text(cell("name"));
    if (name === "" || name.length > 40) {
      problem("name", name, "姓名为空或过长");
    }
    const sexText = text(cell("sex"));
    const sex: Sex | null =
      sexText === "男" || sexText === "1" ? "M" : sexText === "女" || sexText === "2" ? "F" : null;
    if (sex === null) {
      problem("sex", sexText, "性别应为“男”或“女”");
    }
    const birthDate = parseRegistryDate(cell("birthDate"));
    if (birthDate === null) {
      problem("birthDate", text(cell("birthDate")), "出生日期无法识别，应为 2015-09-01 这样的日期");
    } else if (checked.ok && checked.birthDate !== birthDate) {
      problem("birthDate", "", "出生日期与身份证件号中的不一致");
    }
    if (checked.ok && sex !== null && (checked.sex === "male" ? "M" : "F") !== sex) {
      problem("sex", sexText, "性别与身份证件号不一致");
    }
    const township = text(cell("township"));
    const village = text(cell("village"));
    if (township === "" || township.length > 40) {
      problem("township", township, "乡镇为空或过长");
    }
    if (village === "" || village.length > 40) {
      problem("village", village, "村（社区）为空或过长");
    }
    if (state.bad || sex === null || birthDate === null) {
      continue;
    }
    const age = ageOnCutoff(birthDate, ctx.schoolYear, rule);
    if (!isSchoolAge(age, rule)) {
      outOfAge++;
      continue;
    }
    records.push({ idNumber, name, sex, birthDate, township, village, age });
  }
  if (count > problems.length) {
    problems.push(
      fileProblem(
        ctx.fileName,
        `共 ${String(count)} 处问题，只列出前 ${String(problems.length)} 处`,
        "warning",
      ),
    );
  }
  return { records: count > 0 ? [] : records, outOfAge, problems };
}

function fileProblem(file: string, message: string, severity: "error" | "warning" = "error"): Issue {
  return { code: "school-age-file", severity, message: `文件“${file}”${message}`, where: { file } };
}
