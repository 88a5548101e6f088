/**
 * 报名 and the 类别 it falls in. A province's (or county's) rules class an application by the documents the
 * family shows — 户籍, 房产, 租赁备案, 居住证, 社保 months, a sibling at the school, 政策照顾 — into ordered
 * categories (A first); the category's position is the lottery's priority tier. The rules are data with a
 * version, so that a change is visible and each application keeps the version that classed it. Pure: the
 * caller passes the rules, the school lookup and today's date.
 */
import type { Issue } from "../issues.ts";
import { checkIdNumber, maskIdNumber, maskName } from "../pii/index.ts";
import type { Cell } from "../stats/template-parse.ts";
import type { CatchmentSchool, CatchmentSheet } from "./catchment.ts";

/** What the family showed, as the rules read it: flags and the months of 社保. */
export interface ApplicationDocuments {
  /** 户籍 in the school's 片区. */
  hukou: boolean;
  /** 房产 (owned home) in the 片区. */
  property: boolean;
  /** 租赁备案 (registered lease) in the 片区. */
  lease: boolean;
  /** 居住证 held (随迁子女). */
  residencePermit: boolean;
  /** Months of 社保 paid by a parent in the county. */
  socialMonths: number;
  /** A brother or sister at the school (多孩同校). */
  sibling: boolean;
  /** 政策照顾 (军人、消防、引进人才 … children) as the county lists them. */
  policy: boolean;
}
export type DocumentKey = keyof ApplicationDocuments;

/** One requirement: a document shown (a flag), or at least `min` (a count). */
export interface Requirement {
  doc: DocumentKey;
  min?: number;
}

/** A category: it applies when every requirement of any one of its alternatives holds. */
export interface CategoryRule {
  code: string;
  label: string;
  /** Alternatives; an empty list of alternatives … never applies, `[[]]` always applies. */
  when: Requirement[][];
}

/** The category rules of an area, versioned. */
export interface CategoryRules {
  version: number;
  categories: CategoryRule[];
}

/**
 * The rules luoshi starts with, after the common shape of county 招生 notices (户籍+房产 first, then one of
 * them, then 随迁子女 with 居住证 and 社保, then the rest); each county sets its own.
 */
export const DEFAULT_CATEGORY_RULES: CategoryRules = {
  version: 1,
  categories: [
    {
      code: "A",
      label: "户籍与房产均在片区（含政策照顾）",
      when: [[{ doc: "hukou" }, { doc: "property" }], [{ doc: "policy" }]],
    },
    { code: "B", label: "户籍或房产之一在片区", when: [[{ doc: "hukou" }], [{ doc: "property" }]] },
    {
      code: "C",
      label: "随迁子女：居住证且社保满 12 个月",
      when: [[{ doc: "residencePermit" }, { doc: "socialMonths", min: 12 }]],
    },
    { code: "D", label: "其他", when: [[]] },
  ],
};

export const DOCUMENT_LABELS: Record<DocumentKey, string> = {
  hukou: "户籍在片区",
  property: "房产在片区",
  lease: "租赁备案在片区",
  residencePermit: "居住证",
  socialMonths: "社保月数",
  sibling: "多孩同校",
  policy: "政策照顾",
};

/** Problems of a rules text (codes unique, at least one category, requirements on known documents). */
export function checkCategoryRules(rules: CategoryRules): Issue[] {
  const out: Issue[] = [];
  const issue = (message: string): Issue => ({ code: "category-rules", severity: "error", message });
  if (rules.categories.length === 0) {
    out.push(issue("至少要有一个类别"));
  }
  const codes = new Set<string>();
  for (const c of rules.categories) {
    if (codes.has(c.code)) {
      out.push(issue(`类别代码 ${c.code} 重复`));
    }
    codes.add(c.code);
    for (const r of c.when.flat()) {
      if (!(r.doc in DOCUMENT_LABELS)) {
        out.push(issue(`类别 ${c.code} 的条件 ${r.doc} 不是可核验的材料`));
      }
    }
  }
  const last = rules.categories.at(-1);
  if (last !== undefined && !last.when.some((alt) => alt.length === 0)) {
    out.push(issue("最后一个类别应无条件（兜底），否则会有报名无法归类"));
  }
  return out;
}

const holds = (r: Requirement, d: ApplicationDocuments): boolean =>
  r.doc === "socialMonths" ? d.socialMonths >= (r.min ?? 1) : d[r.doc];

/** The category of an application under the rules, its tier (1 first) and why, item by item. */
export function classifyApplication(
  documents: ApplicationDocuments,
  rules: CategoryRules,
): { code: string; tier: number; label: string; because: string } {
  for (const [i, c] of rules.categories.entries()) {
    const alt = c.when.find((a) => a.every((r) => holds(r, documents)));
    if (alt !== undefined) {
      const because =
        alt.length === 0
          ? "不满足前面各类别的条件"
          : alt
              .map((r) =>
                r.doc === "socialMonths"
                  ? `社保 ${String(documents.socialMonths)} 个月 ≥ ${String(r.min ?? 1)}`
                  : DOCUMENT_LABELS[r.doc],
              )
              .join("、");
      return { code: c.code, tier: i + 1, label: c.label, because };
    }
  }
  const last = rules.categories.length;
  return { code: "?", tier: last + 1, label: "未归类", because: "没有适用的类别" };
}

/** One application read from a file or entered at the school. */
export interface ApplicationRecord {
  schoolId: string;
  name: string;
  idNumber: string;
  sex: "M" | "F";
  birthMonth: string;
  documents: ApplicationDocuments;
}

export const APPLICATION_COLUMNS = {
  school: ["报名学校", "学校", "学校标识码"],
  name: ["姓名", "儿童姓名", "学生姓名"],
  idNumber: ["身份证件号", "身份证号", "公民身份号码"],
  hukou: ["户籍在片区"],
  property: ["房产在片区"],
  lease: ["租赁备案在片区", "租赁在片区"],
  residencePermit: ["居住证"],
  socialMonths: ["社保月数", "社保缴纳月数"],
  sibling: ["多孩同校"],
  policy: ["政策照顾"],
} as const;
type Col = keyof typeof APPLICATION_COLUMNS;

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());
const norm = (h: string): string => h.replace(/[\s\u3000*＊]/g, "");
const YES = new Set(["是", "有", "1", "Y", "y", "√"]);
const NO = new Set(["否", "无", "0", "N", "n", ""]);

/** Reads a portal export (one row per application); all or nothing, problems named by row and column. */
export function parseApplicationSheets(
  sheets: readonly CatchmentSheet[],
  ctx: { fileName: string; today: string; findSchool: (nameOrCode: string) => CatchmentSchool | null },
): { records: ApplicationRecord[]; problems: Issue[] } {
  const problems: Issue[] = [];
  const sheet = sheets[0];
  const fileProblem = (message: string): Issue => ({
    code: "application-file",
    severity: "error",
    message: `文件“${ctx.fileName}”：${message}`,
    where: { file: ctx.fileName },
  });
  if (sheet === undefined) {
    return { records: [], problems: [fileProblem("文件中没有工作表")] };
  }
  const cols = new Map<Col, number>();
  sheet.headers.forEach((h, i) => {
    for (const [key, names] of Object.entries(APPLICATION_COLUMNS) as [Col, readonly string[]][]) {
      if (!cols.has(key) && names.includes(norm(text(h)))) {
        cols.set(key, i);
      }
    }
  });
  const missing = (["school", "name", "idNumber"] as const).filter((k) => !cols.has(k));
  if (missing.length > 0) {
    return {
      records: [],
      problems: [fileProblem(`缺少必需的列：${missing.map((k) => APPLICATION_COLUMNS[k][0]).join("、")}`)],
    };
  }
  const records: ApplicationRecord[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    if (cells.every((c) => text(c) === "")) {
      continue;
    }
    const state = { bad: false };
    const cell = (k: Col): string => (cols.has(k) ? text(cells[cols.get(k) ?? -1]) : "");
    const problem = (k: Col, message: string, shown?: string): void => {
      state.bad = true;
      if (problems.length >= 200) {
        return;
      }
      const column = text(sheet.headers[cols.get(k) ?? -1]) || APPLICATION_COLUMNS[k][0];
      const value = shown ?? cell(k);
      problems.push({
        code: "application-row",
        severity: "error",
        message: `文件“${ctx.fileName}”工作表“${sheet.name}”第 ${String(row)} 行“${column}”列${value === "" ? "" : `（${value}）`}：${message}`,
        where: { file: ctx.fileName, sheet: sheet.name, row, column, value },
      });
    };
    const school = ctx.findSchool(cell("school"));
    if (school === null) {
      problem("school", "没有这所学校，或不在您可以录入的范围内");
    }
    const name = cell("name");
    if (name === "" || name.length > 40) {
      problem("name", "姓名为空或过长", maskName(name));
    }
    const idNumber = cell("idNumber").normalize("NFKC").replace(/\s+/g, "").toUpperCase();
    const checked = checkIdNumber(idNumber, ctx.today);
    const key = `${school?.id ?? ""}\u0000${idNumber}`;
    if (!checked.ok) {
      problem("idNumber", checked.reason, maskIdNumber(idNumber));
    } else if (seen.has(key)) {
      problem("idNumber", `与第 ${String(seen.get(key))} 行是同一儿童报同一学校`, maskIdNumber(idNumber));
    } else {
      seen.set(key, row);
    }
    const flag = (k: Exclude<DocumentKey, "socialMonths">): boolean => {
      const v = cell(k);
      if (!YES.has(v) && !NO.has(v)) {
        problem(k, "应填“是”或“否”");
      }
      return YES.has(v);
    };
    const documents: ApplicationDocuments = {
      hukou: flag("hukou"),
      property: flag("property"),
      lease: flag("lease"),
      residencePermit: flag("residencePermit"),
      sibling: flag("sibling"),
      policy: flag("policy"),
      socialMonths: 0,
    };
    const months = cell("socialMonths");
    documents.socialMonths = months === "" ? 0 : Number(months);
    if (
      !Number.isInteger(documents.socialMonths) ||
      documents.socialMonths < 0 ||
      documents.socialMonths > 600
    ) {
      problem("socialMonths", "社保月数应为 0–600 的整数");
    }
    if (state.bad || school === null || !checked.ok) {
      continue;
    }
    records.push({
      schoolId: school.id,
      name,
      idNumber,
      sex: checked.sex === "male" ? "M" : "F",
      birthMonth: checked.birthDate.slice(0, 7),
      documents,
    });
  }
  if (problems.length === 0 && records.length === 0) {
    problems.push(fileProblem("没有任何报名行"));
  }
  return { records: problems.length > 0 ? [] : records, problems };
}
