/**
 * Reading the files of 学生资助: a priority list from 民政/乡村振兴/残联 (身份证件号, 姓名, 类别) and the
 * bank's return file of a 发放 batch (序号, 金额, 结果, 失败原因). Every problem names the file, sheet, row
 * and column, with personal values masked; any error stops the import (all or nothing).
 */
import type { Issue } from "../issues.ts";
import { checkIdNumber, maskIdNumber, maskName } from "../pii/index.ts";
import type { RegistrySheet } from "../registry/parse.ts";
import type { Cell } from "../stats/template-parse.ts";
import { categoryOf, type AidCategory } from "./rules.ts";

/** One child of a priority list. */
export interface PriorityRecord {
  idNumber: string;
  name: string;
  category: AidCategory;
}

export const PRIORITY_COLUMNS = {
  idNumber: ["身份证件号", "身份证号", "公民身份号码", "身份证件号码", "证件号码"],
  name: ["姓名", "学生姓名", "儿童姓名"],
  category: ["类别", "认定类别", "困难类别", "人员类别", "救助类别"],
} as const;

const RETURN_COLUMNS = {
  line: ["序号", "行号"],
  amount: ["金额", "金额（元）", "金额(元)", "发放金额"],
  result: ["结果", "处理结果", "状态", "交易结果"],
  reason: ["失败原因", "原因", "备注"],
} as const;

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());
const norm = (h: string): string => h.replace(/[\s\u3000*＊]/g, "");

function columns<K extends string>(
  sheet: RegistrySheet,
  spec: Readonly<Record<K, readonly string[]>>,
): { cols: Map<K, number>; missing: K[] } {
  const cols = new Map<K, number>();
  sheet.headers.forEach((h, i) => {
    for (const [key, names] of Object.entries(spec) as [K, readonly string[]][]) {
      if (!cols.has(key) && names.includes(norm(text(h)))) {
        cols.set(key, i);
      }
    }
  });
  return { cols, missing: (Object.keys(spec) as K[]).filter((k) => !cols.has(k)) };
}

function fileProblem(code: string, file: string, message: string): Issue {
  return { code, severity: "error", message: `文件“${file}”${message}`, where: { file } };
}

/** Parses a priority list: every row needs a valid 身份证件号, a name and a known 类别. */
export function parsePriorityList(
  sheets: readonly RegistrySheet[],
  ctx: { fileName: string; maxProblems?: number },
): { records: PriorityRecord[]; problems: Issue[] } {
  const limit = ctx.maxProblems ?? 200;
  const sheet = sheets[0];
  if (sheet === undefined) {
    return { records: [], problems: [fileProblem("aid-list-file", ctx.fileName, "中没有工作表")] };
  }
  const { cols, missing } = columns(sheet, PRIORITY_COLUMNS);
  if (missing.length > 0) {
    const want = missing.map((k) => PRIORITY_COLUMNS[k][0]).join("、");
    return { records: [], problems: [fileProblem("aid-list-file", ctx.fileName, `缺少必需的列：${want}`)] };
  }
  const problems: Issue[] = [];
  const records: PriorityRecord[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  for (const { row, cells } of sheet.rows) {
    const state = { bad: false };
    const cell = (k: keyof typeof PRIORITY_COLUMNS): string => text(cells[cols.get(k) ?? -1]);
    const problem = (k: keyof typeof PRIORITY_COLUMNS, shown: string, message: string): void => {
      state.bad = true;
      count++;
      if (problems.length < limit) {
        const column = text(sheet.headers[cols.get(k) ?? -1]);
        problems.push({
          code: "aid-list-row",
          severity: "error",
          message: `文件“${ctx.fileName}”工作表“${sheet.name}”第 ${String(row)} 行“${column}”列${shown === "" ? "" : `（${shown}）`}：${message}`,
          where: { file: ctx.fileName, sheet: sheet.name, row, column, value: shown },
        });
      }
    };
    const idNumber = cell("idNumber").normalize("NFKC").replace(/\s+/g, "").toUpperCase();
    const checked = checkIdNumber(idNumber);
    const category = categoryOf(cell("category"));
    if (!checked.ok) {
      problem("idNumber", maskIdNumber(idNumber), checked.reason);
    }
    const name = cell("name");
    if (name === "" || name.length > 40) {
      problem("name", maskName(name), "姓名为空或过长");
    }
    if (category === null) {
      problem(
        "category",
        cell("category"),
        "类别无法识别，应为 低保、特困、脱贫家庭、防返贫监测对象、孤儿、事实无人抚养儿童、残疾 等",
      );
    }
    const key = `${idNumber}\u0000${category ?? ""}`;
    if (!state.bad && seen.has(key)) {
      problem("idNumber", maskIdNumber(idNumber), `与第 ${String(seen.get(key))} 行重复`);
    }
    if (state.bad || category === null) {
      continue;
    }
    seen.set(key, row);
    records.push({ idNumber, name, category });
  }
  if (count > problems.length) {
    problems.push(
      fileProblem(
        "aid-list-file",
        ctx.fileName,
        `共 ${String(count)} 处问题，只列出前 ${String(problems.length)} 处`,
      ),
    );
  }
  return { records: count > 0 ? [] : records, problems };
}

/** One line of a bank's return file. */
export interface ReturnRecord {
  line: number;
  amount: number;
  paid: boolean;
  /** Why the transfer failed (账户不存在, 户名不符 …); null when it succeeded. */
  failure: string | null;
}

/**
 * Parses a bank's return file against the batch it answers: every line of the batch appears once, with
 * the amount sent, and a result 成功 or 失败 (a failure needs its reason).
 */
export function parseReturnFile(
  sheets: readonly RegistrySheet[],
  ctx: { fileName: string; expected: ReadonlyMap<number, number> },
): { records: ReturnRecord[]; problems: Issue[] } {
  const sheet = sheets[0];
  if (sheet === undefined) {
    return { records: [], problems: [fileProblem("aid-return-file", ctx.fileName, "中没有工作表")] };
  }
  const { cols, missing } = columns(sheet, RETURN_COLUMNS);
  if (missing.length > 0) {
    const want = missing.map((k) => RETURN_COLUMNS[k][0]).join("、");
    return { records: [], problems: [fileProblem("aid-return-file", ctx.fileName, `缺少必需的列：${want}`)] };
  }
  const problems: Issue[] = [];
  const records: ReturnRecord[] = [];
  const seen = new Set<number>();
  for (const { row, cells } of sheet.rows) {
    const cell = (k: keyof typeof RETURN_COLUMNS): string => text(cells[cols.get(k) ?? -1]);
    const problem = (k: keyof typeof RETURN_COLUMNS, message: string): void => {
      const column = text(sheet.headers[cols.get(k) ?? -1]);
      problems.push({
        code: "aid-return-row",
        severity: "error",
        message: `文件“${ctx.fileName}”工作表“${sheet.name}”第 ${String(row)} 行“${column}”列（${cell(k)}）：${message}`,
        where: { file: ctx.fileName, sheet: sheet.name, row, column, value: cell(k) },
      });
    };
    const line = Number(cell("line"));
    const expected = ctx.expected.get(line);
    if (!Number.isInteger(line) || expected === undefined) {
      problem("line", "序号不在本批次的发放文件中");
      continue;
    }
    if (seen.has(line)) {
      problem("line", "序号重复");
      continue;
    }
    seen.add(line);
    const amount = Number(cell("amount"));
    if (amount !== expected) {
      problem("amount", `金额与发放文件不一致（发放文件为 ${String(expected)} 元）`);
    }
    const result = cell("result");
    const paid = result === "成功" || result === "交易成功";
    const failed = result === "失败" || result === "交易失败";
    if (!paid && !failed) {
      problem("result", "结果应为“成功”或“失败”");
      continue;
    }
    const reason = cell("reason");
    if (failed && reason === "") {
      problem("reason", "失败的行须写明失败原因");
    }
    records.push({ line, amount, paid, failure: failed ? reason.slice(0, 100) : null });
  }
  const absent = [...ctx.expected.keys()].filter((l) => !seen.has(l));
  if (absent.length > 0 && problems.length === 0) {
    problems.push(
      fileProblem(
        "aid-return-file",
        ctx.fileName,
        `缺少序号 ${absent.slice(0, 10).join("、")}${absent.length > 10 ? " 等" : ""} 的结果`,
      ),
    );
  }
  return { records: problems.length > 0 ? [] : records, problems };
}
