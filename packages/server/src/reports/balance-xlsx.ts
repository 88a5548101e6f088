/**
 * 优质均衡 资源配置 evaluation as .xlsx (spec §1.1a/§1.1b): sheet 1 各校达标情况 (the 7 values of each
 * school part with its pass marks), sheet 2 差异系数 (全县平均值, 标准差, 差异系数 per indicator and
 * 学段), sheet 3 未参与计算学校, sheet 4 数据提示 (missing figures and other data problems). Every sheet starts with the header block naming the county, year, rule
 * set and 教学点 policy. Values are computed at full precision and written rounded half-up the way the
 * official tables print them (2 decimals, 差异系数 3), so the cells show exactly the printed figures.
 */
import ExcelJS from "exceljs";
import { chinaDateTimeText, formatDecimal, roundHalfUp } from "@luoshi/common";
import {
  indicatorArray,
  LEVELS,
  RESOURCE_INDICATOR_KEYS,
  RESOURCE_INDICATORS,
} from "@luoshi/domain/evaluation";
import {
  type BalanceReportData,
  balanceReportTitle,
  CV_DIGITS,
  levelText,
  reportIssues,
  ruleSetText,
  SEVERITY_LABELS,
  TEACHING_POINT_POLICY_LABELS,
  thresholdText,
  VALUE_DIGITS,
} from "./balance-report-text.ts";

/** exceljs names A4 as paper size 9 in a `const enum`, which isolated modules cannot read as a value. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the value 9 is ExcelJS.PaperSize.A4
const A4 = 9 as ExcelJS.PaperSize;

/** Mark written next to a value that meets its 标准值, and next to one that does not. */
export const MET_MARK = "✓";
/** See {@link MET_MARK}. */
export const UNMET_MARK = "✗";

const VALUE_FORMAT = `0.${"0".repeat(VALUE_DIGITS)}`;
const CV_FORMAT = `0.${"0".repeat(CV_DIGITS)}`;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const FAIL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
const FAIL_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF9C0006" } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Rows of the header block (title, 县（区）, 年度, 规则集, 教学点处理方式, 生成时间, blank). */
export const HEADER_BLOCK_ROWS = 7;

function headerBlock(
  sheet: ExcelJS.Worksheet,
  data: BalanceReportData,
  subtitle: string,
  columns: number,
): void {
  sheet.mergeCells(1, 1, 1, columns);
  const title = sheet.getCell(1, 1);
  title.value = `${balanceReportTitle(data.orgUnit.name, data.year)} ${subtitle}`;
  title.font = { name: "方正小标宋简体", size: 16 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 30;
  const lines: [string, string][] = [
    ["县（区）", `${data.orgUnit.name}（${data.orgUnit.code}）`],
    ["年度", `${String(data.year)}年`],
    ["规则集", ruleSetText(data.ruleSet)],
    ["教学点处理方式", TEACHING_POINT_POLICY_LABELS[data.teachingPointPolicy]],
    ["生成时间", chinaDateTimeText(data.generatedAt)],
  ];
  lines.forEach(([label, value], i) => {
    const row = 2 + i;
    sheet.getCell(row, 1).value = label;
    sheet.getCell(row, 1).font = { bold: true };
    sheet.mergeCells(row, 2, row, columns);
    sheet.getCell(row, 2).value = value;
  });
}

function styleHeaderRow(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { name: "黑体", bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
  });
}

function styleBodyRow(row: ExcelJS.Row, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.border = THIN;
    cell.alignment = { vertical: "middle", horizontal: c === 2 ? "left" : "center", ...cell.alignment };
  }
}

function schoolSheet(book: ExcelJS.Workbook, data: BalanceReportData): void {
  // 学校标识码, 学校名称, 学段, 在校生数, 7 × (数值, 达标), 达标项数, 是否达标
  const columns = 4 + 2 * RESOURCE_INDICATOR_KEYS.length + 2;
  const sheet = book.addWorksheet("各校达标情况", {
    pageSetup: { paperSize: A4, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: HEADER_BLOCK_ROWS + 2, xSplit: 2 }],
  });
  sheet.columns = [
    { width: 13 },
    { width: 28 },
    { width: 6 },
    { width: 9 },
    ...RESOURCE_INDICATOR_KEYS.flatMap(() => [{ width: 11 }, { width: 5 }]),
    { width: 9 },
    { width: 9 },
  ];
  headerBlock(sheet, data, "各校达标情况", columns);
  const top = HEADER_BLOCK_ROWS + 1;
  const fixed = ["学校标识码", "学校名称", "学段", "在校生数"];
  fixed.forEach((label, i) => {
    sheet.getCell(top, i + 1).value = label;
    sheet.mergeCells(top, i + 1, top + 1, i + 1);
  });
  RESOURCE_INDICATOR_KEYS.forEach((key, i) => {
    const col = 5 + 2 * i;
    const def = RESOURCE_INDICATORS[key];
    sheet.getCell(top, col).value = `${String(def.number)}. ${def.name}（${def.unit}）`;
    sheet.mergeCells(top, col, top, col + 1);
    sheet.getCell(top + 1, col).value = "数值";
    sheet.getCell(top + 1, col + 1).value = "达标";
  });
  sheet.getCell(top, columns - 1).value = "达标项数";
  sheet.mergeCells(top, columns - 1, top + 1, columns - 1);
  sheet.getCell(top, columns).value = "是否达标";
  sheet.mergeCells(top, columns, top + 1, columns);
  styleHeaderRow(sheet.getRow(top));
  styleHeaderRow(sheet.getRow(top + 1));
  sheet.getRow(top).height = 58;

  for (const school of data.evaluation.schools) {
    const values = indicatorArray(school.values);
    const met = indicatorArray(school.met);
    const partial = indicatorArray(school.reachesPartial);
    const row = sheet.addRow([
      school.code,
      school.name,
      levelText(school.level),
      school.students,
      ...values.flatMap((v, i) => [
        Number.isFinite(v) ? roundHalfUp(v, VALUE_DIGITS) : null,
        met[i] === true ? MET_MARK : UNMET_MARK,
      ]),
      school.metCount,
      school.isPass ? "达标" : "未达标",
    ]);
    styleBodyRow(row, columns);
    values.forEach((_, i) => {
      const valueCell = row.getCell(5 + 2 * i);
      valueCell.numFmt = VALUE_FORMAT;
      if (met[i] !== true) {
        valueCell.fill = FAIL_FILL;
        valueCell.font = FAIL_FONT;
        // Below the 85% floor: bold, since it fails the school whatever the other six do.
        if (partial[i] !== true) {
          valueCell.font = { ...FAIL_FONT, bold: true };
        }
        row.getCell(6 + 2 * i).font = FAIL_FONT;
      }
    });
    if (!school.isPass) {
      row.getCell(columns).fill = FAIL_FILL;
      row.getCell(columns).font = FAIL_FONT;
    }
  }
  const note = sheet.addRow([
    `注：数值保留${String(VALUE_DIGITS)}位小数（四舍五入），判定按未经舍入的数值；红底为未达到标准值，红底粗体为低于标准值的85%。` +
      `每所学校至少${String(data.ruleSet.thresholds["resource.minimumMet"])}项指标达到标准值、余项不低于标准值的85%为达标。标准值：` +
      LEVELS.map(
        (l) =>
          `${levelText(l)} ` +
          RESOURCE_INDICATOR_KEYS.map((k) =>
            thresholdText(data.ruleSet.thresholds[`resource.${l}.${k}`]),
          ).join(" / "),
      ).join("；") +
      "。",
  ]);
  sheet.mergeCells(note.number, 1, note.number, columns);
  note.getCell(1).alignment = { wrapText: true, vertical: "top" };
  note.height = 48;
  sheet.pageSetup.printTitlesRow = `${String(top)}:${String(top + 1)}`;
}

function countySheet(book: ExcelJS.Workbook, data: BalanceReportData): void {
  const columns = 9;
  const sheet = book.addWorksheet("差异系数", {
    pageSetup: { paperSize: A4, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: HEADER_BLOCK_ROWS }],
  });
  sheet.columns = [
    { width: 6 },
    { width: 46 },
    { width: 8 },
    { width: 10 },
    { width: 12 },
    { width: 12 },
    { width: 10 },
    { width: 8 },
    { width: 10 },
  ];
  headerBlock(sheet, data, "差异系数", columns);
  sheet.getRow(HEADER_BLOCK_ROWS).height = 6;
  for (const level of LEVELS) {
    const e = data.evaluation.levels[level];
    const limit = data.ruleSet.thresholds[`resource.cvLimit.${level}`];
    const caption = sheet.addRow([
      `${levelText(level)}：参与计算学校 ${String(e.schoolCount)} 所，在校生 ${String(e.students)} 人，差异系数限值 ${formatDecimal(limit, 2)}`,
    ]);
    sheet.mergeCells(caption.number, 1, caption.number, columns);
    caption.getCell(1).font = { name: "黑体", bold: true, size: 12 };
    styleHeaderRow(
      sheet.addRow([
        "序号",
        "指标",
        "单位",
        "标准值",
        "全县平均值",
        "标准差",
        "差异系数",
        "限值",
        "是否达标",
      ]),
    );
    for (const key of RESOURCE_INDICATOR_KEYS) {
      const s = e.indicators[key];
      const def = RESOURCE_INDICATORS[key];
      const round = (x: number | null, digits: number) =>
        x === null || !Number.isFinite(x) ? "—" : roundHalfUp(x, digits);
      const row = sheet.addRow([
        def.number,
        def.name,
        def.unit,
        s.threshold,
        round(s.mean, VALUE_DIGITS),
        round(s.sd, VALUE_DIGITS),
        round(s.cv, CV_DIGITS),
        limit,
        e.schoolCount === 0 ? "—" : s.isCvPass ? "达标" : "未达标",
      ]);
      styleBodyRow(row, columns);
      row.getCell(5).numFmt = VALUE_FORMAT;
      row.getCell(6).numFmt = VALUE_FORMAT;
      row.getCell(7).numFmt = CV_FORMAT;
      row.getCell(8).numFmt = "0.00";
      if (!s.isCvPass) {
        for (const c of [7, 9]) {
          row.getCell(c).fill = FAIL_FILL;
          row.getCell(c).font = FAIL_FONT;
        }
      }
    }
    const verdict = sheet.addRow([
      "",
      `${levelText(level)}差异系数${e.isCvPass ? "全部达标" : "未全部达标"}；学校${e.isSchoolsPass ? "全部达标" : "未全部达标"}`,
    ]);
    sheet.mergeCells(verdict.number, 2, verdict.number, columns);
    sheet.addRow([]);
  }
  const overall = sheet.addRow([
    "",
    `资源配置评估结论：${data.evaluation.isResourcePass ? "达标" : "未达标"}（差异系数${data.evaluation.isCvPass ? "全部达标" : "未全部达标"}，学校${data.evaluation.isSchoolsPass ? "全部达标" : "未全部达标"}）`,
  ]);
  sheet.mergeCells(overall.number, 2, overall.number, columns);
  overall.getCell(2).font = { bold: true };
}

function excludedSheet(book: ExcelJS.Workbook, data: BalanceReportData): void {
  const sheet = book.addWorksheet("未参与计算学校", {
    views: [{ state: "frozen", ySplit: HEADER_BLOCK_ROWS + 1 }],
  });
  sheet.columns = [{ width: 13 }, { width: 30 }, { width: 8 }, { width: 40 }];
  headerBlock(sheet, data, "未参与计算学校", 4);
  sheet.getRow(HEADER_BLOCK_ROWS).height = 6;
  styleHeaderRow(sheet.getRow(HEADER_BLOCK_ROWS + 1));
  sheet.getRow(HEADER_BLOCK_ROWS + 1).values = ["学校标识码", "学校名称", "学段", "原因"];
  styleHeaderRow(sheet.getRow(HEADER_BLOCK_ROWS + 1));
  for (const e of data.evaluation.excluded) {
    styleBodyRow(
      sheet.addRow([e.code, e.name, e.level === undefined ? "全部" : levelText(e.level), e.reason]),
      4,
    );
  }
  if (data.evaluation.excluded.length === 0) {
    sheet.addRow(["", "无"]);
  }
}

function issueSheet(book: ExcelJS.Workbook, data: BalanceReportData): void {
  const sheet = book.addWorksheet("数据提示", {
    views: [{ state: "frozen", ySplit: HEADER_BLOCK_ROWS + 1 }],
  });
  sheet.columns = [{ width: 8 }, { width: 80 }, { width: 28 }];
  headerBlock(sheet, data, "数据提示", 3);
  sheet.getRow(HEADER_BLOCK_ROWS).height = 6;
  sheet.getRow(HEADER_BLOCK_ROWS + 1).values = ["级别", "说明", "代码"];
  styleHeaderRow(sheet.getRow(HEADER_BLOCK_ROWS + 1));
  const issues = reportIssues(data);
  for (const issue of issues) {
    styleBodyRow(sheet.addRow([SEVERITY_LABELS[issue.severity], issue.message, issue.code]), 3);
  }
  if (issues.length === 0) {
    sheet.addRow(["", "无"]);
  }
}

/** Writes the evaluation workbook and returns its bytes. */
export async function balanceXlsx(data: BalanceReportData): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "luoshi";
  book.created = data.generatedAt;
  book.title = balanceReportTitle(data.orgUnit.name, data.year);
  schoolSheet(book, data);
  countySheet(book, data);
  excludedSheet(book, data);
  issueSheet(book, data);
  return Buffer.from(await book.xlsx.writeBuffer());
}
