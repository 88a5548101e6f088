/**
 * Checklists as data: an item of a 督导 visit or a 校园安全 排查表 and how it is judged, read from the
 * first sheet of a workbook. All or nothing: every problem is named by file, sheet, row and column.
 */
import type { Issue } from "../issues.ts";
import type { RegistrySheet } from "../registry/parse.ts";
import type { Cell } from "../stats/template-parse.ts";

/** How an item is judged: 是/否, a score up to `maxScore`, or a count. */
export type Judge = "yesNo" | "score" | "count";

/** One item of a checklist. */
export interface ChecklistItem {
  code: string;
  /** The 督导事项 or 排查 area the item belongs to. */
  area: string;
  text: string;
  judge: Judge;
  maxScore: number | null;
  photoRequired: boolean;
  /** The indicator or rule the item maps to (文件 and 条款). */
  basis: string;
}

const COLUMNS = {
  code: ["编号", "序号", "项目编号"],
  area: ["督导事项", "类别", "排查类别", "领域"],
  text: ["检查内容", "检查项目", "内容"],
  judge: ["评判方式", "判定方式", "评价方式"],
  maxScore: ["满分", "分值"],
  photo: ["须拍照", "需拍照", "拍照"],
  basis: ["依据", "对应指标", "依据条款"],
} as const;
type Key = keyof typeof COLUMNS;
const REQUIRED: readonly Key[] = ["code", "area", "text", "judge"];

const JUDGES: Record<string, Judge> = {
  是否: "yesNo",
  "是/否": "yesNo",
  评分: "score",
  打分: "score",
  计数: "count",
  数量: "count",
};

const text = (c: Cell): string => (c === null || c === undefined ? "" : String(c).trim());
const norm = (h: string): string => h.replace(/[\s\u3000*＊]/g, "");

/** The parse: the items when there is no error, and the problems. */
export interface ChecklistParse {
  items: ChecklistItem[];
  problems: Issue[];
}

/** Reads checklist items from the first sheet (columns 编号, 督导事项, 检查内容, 评判方式 …). */
export function parseChecklistSheets(sheets: readonly RegistrySheet[], fileName: string): ChecklistParse {
  const problems: Issue[] = [];
  const items: ChecklistItem[] = [];
  const sheet = sheets[0];
  if (sheet === undefined) {
    return {
      items,
      problems: [
        {
          code: "checklist-empty",
          severity: "error",
          message: `${fileName}：文件中没有工作表`,
          where: { file: fileName },
        },
      ],
    };
  }
  const cols = new Map<Key, number>();
  sheet.headers.forEach((h, i) => {
    for (const [key, names] of Object.entries(COLUMNS) as [Key, readonly string[]][]) {
      if (!cols.has(key) && names.includes(norm(text(h)))) {
        cols.set(key, i);
      }
    }
  });
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (missing.length > 0) {
    return {
      items,
      problems: [
        {
          code: "checklist-columns",
          severity: "error",
          message: `${fileName}（${sheet.name}）：缺少必需的列：${missing.map((k) => COLUMNS[k][0]).join("、")}`,
          where: { file: fileName, sheet: sheet.name },
        },
      ],
    };
  }
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const cell = (k: Key): string => (cols.has(k) ? text(cells[cols.get(k) ?? -1]) : "");
    if ((Object.keys(COLUMNS) as Key[]).every((k) => cell(k) === "")) {
      continue;
    }
    const bad = (key: Key, message: string) => {
      const column = COLUMNS[key][0];
      problems.push({
        code: "checklist-cell",
        severity: "error",
        message: `${fileName}（${sheet.name}）第${String(row)}行“${column}”：${message}`,
        where: { file: fileName, sheet: sheet.name, row, column },
      });
    };
    const before = problems.length;
    const code = cell("code");
    for (const k of REQUIRED) {
      if (cell(k) === "") {
        bad(k, "不能为空");
      }
    }
    if (code !== "" && seen.has(code)) {
      bad("code", `编号“${code}”与第${String(seen.get(code))}行重复`);
    }
    seen.set(code, row);
    const judge = JUDGES[norm(cell("judge"))];
    if (cell("judge") !== "" && judge === undefined) {
      bad("judge", `应为 是否、评分 或 计数，而不是“${cell("judge")}”`);
    }
    let maxScore: number | null = null;
    if (judge === "score") {
      const n = Number(cell("maxScore"));
      if (cell("maxScore") === "" || !Number.isInteger(n) || n <= 0 || n > 1000) {
        bad("maxScore", "评分项须填 1 到 1000 的整数满分");
      } else {
        maxScore = n;
      }
    }
    const photo = norm(cell("photo"));
    if (!["", "是", "否"].includes(photo)) {
      bad("photo", `应为 是 或 否，而不是“${cell("photo")}”`);
    }
    if (cell("text").length > 300) {
      bad("text", "最多 300 个字");
    }
    if (problems.length === before && judge !== undefined) {
      items.push({
        code,
        area: cell("area"),
        text: cell("text"),
        judge,
        maxScore,
        photoRequired: photo === "是",
        basis: cell("basis"),
      });
    }
  }
  if (problems.length === 0 && items.length === 0) {
    problems.push({
      code: "checklist-empty",
      severity: "error",
      message: `${fileName}（${sheet.name}）：没有检查项目`,
      where: { file: fileName, sheet: sheet.name },
    });
  }
  return { items: problems.length === 0 ? items : [], problems };
}
