/**
 * 年度考核 exports: the ranked table with the scheme, as a workbook (.xlsx) and as a 公文 (.docx). Both
 * print the same columns: 名次, 单位, 任务数, 已销号, 按期办结, 逾期未办结, 报送及时率, the points off
 * per item and the 得分.
 */
import ExcelJS from "exceljs";
import { formatNumber, formatPercent } from "@luoshi/common";
import type { AssessmentScheme, UnitAssessment } from "@luoshi/domain/ledger";
import { gongwenDocument, type GongwenSection } from "./gongwen-docx.ts";

/** What the exports print. */
export interface AssessmentReport {
  county: string;
  year: number;
  asOf: string;
  scheme: AssessmentScheme;
  rows: readonly UnitAssessment[];
}

const HEADER = [
  "名次",
  "单位",
  "任务数",
  "已销号",
  "按期办结",
  "逾期未办结",
  "报送及时率",
  "迟报扣分",
  "未报扣分",
  "红灯扣分",
  "逾期未办结扣分",
  "约谈扣分",
  "得分",
] as const;

const pts = (n: number) => formatNumber(n, 2);

function cells(a: UnitAssessment): string[] {
  const r = a.row;
  return [
    String(a.rank),
    r.unit.name,
    String(r.tasks),
    String(r.closed),
    String(r.closedOnTime),
    String(r.overdue),
    formatPercent(r.punctuality, 1),
    pts(a.deductions.lateReports),
    pts(a.deductions.missingReports),
    pts(a.deductions.redTasks),
    pts(a.deductions.overdueOpen),
    pts(a.deductions.interviews),
    pts(a.score),
  ];
}

/** The scheme in one sentence, as both exports state it. */
function schemeText(s: AssessmentScheme): string {
  const d = s.deductions;
  const weights = Object.keys(s.taskWeights).length;
  return (
    `基础分${pts(s.base)}分；每项任务权重默认${pts(s.defaultWeight)}` +
    (weights === 0 ? "" : `（另有${String(weights)}项任务单独设定权重）`) +
    `。迟报每次扣${pts(d.lateReport)}分，未报每次扣${pts(d.missingReport)}分；` +
    `年内出现红灯的任务每项扣${pts(d.redLight)}分×权重，统计截止日仍逾期未办结的再扣${pts(d.overdueOpen)}分×权重；` +
    `被约谈（问责）每次扣${pts(d.interview)}分。得分不低于0分，得分相同的名次并列。`
  );
}

/** 年度考核 as .xlsx: one sheet of the ranked table, one of the scheme. */
export async function assessmentXlsx(r: AssessmentReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(`${String(r.year)}年度考核`, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = HEADER.map((h) => ({ header: h, width: h === "单位" ? 24 : 10 }));
  sheet.getRow(1).font = { bold: true };
  for (const a of r.rows) {
    const c = cells(a);
    sheet.addRow(c.map((v, i) => (i === 1 || i === 6 ? v : Number(v))));
  }
  const scheme = book.addWorksheet("考核方案");
  scheme.columns = [{ width: 100 }];
  scheme.addRow([`${r.county}教育局${String(r.year)}年度重点任务督办考核（统计截止${r.asOf}）`]);
  scheme.addRow([schemeText(r.scheme)]);
  scheme.addRow(["任务数、已销号、按期办结、逾期未办结与当年12月月通报各单位落实情况表一致。"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** 年度考核 as a 公文 .docx. */
export async function assessmentDocx(r: AssessmentReport, issuer: string, date: string): Promise<Buffer> {
  const sections: GongwenSection[] = [
    { kind: "heading", level: 1, text: "一、考核办法" },
    { kind: "paragraph", text: schemeText(r.scheme) },
    { kind: "heading", level: 1, text: "二、考核结果" },
    {
      kind: "table",
      header: [...HEADER],
      widths: [0.6, 2, 0.7, 0.7, 0.7, 0.8, 0.9, 0.7, 0.7, 0.7, 0.8, 0.7, 0.8],
      align: ["center", "left"],
      rows: r.rows.map(cells),
    },
  ];
  return gongwenDocument({
    title: `${r.county}教育局${String(r.year)}年度重点任务督办考核结果`,
    issuer,
    date,
    sections,
  });
}
