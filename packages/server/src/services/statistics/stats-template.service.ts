/**
 * 统计数据导入模板: the template workbook users download and fill in — a 填写说明 sheet first, one sheet
 * per template sheet with Chinese headers, allowed values and number checks as Excel 数据验证 — empty,
 * or filled with a unit's data of one year as the starting point for the next import.
 */
import ExcelJS from "exceljs";
import {
  ATTRIBUTE_CELL_VALUES,
  STATS_TEMPLATE,
  TEMPLATE_HELP_SHEETS,
  findDataElement,
  type TemplateColumn,
} from "@luoshi/domain/stats";

/** Rows the 数据验证 covers below the header: more than a county has schools (exceljs expands the range on reading). */
const VALIDATED_ROWS = 1_000;

/** The attribute columns with a closed list of values, in the order of the 可选值 sheet. */
const LISTS = [
  { field: "schoolType", header: "办学类型", values: Object.values(ATTRIBUTE_CELL_VALUES.schoolType) },
  { field: "ownership", header: "办学性质", values: Object.values(ATTRIBUTE_CELL_VALUES.ownership) },
  { field: "urbanRural", header: "城乡分类", values: Object.values(ATTRIBUTE_CELL_VALUES.urbanRural) },
  { field: "isInclusive", header: "是否普惠", values: Object.values(ATTRIBUTE_CELL_VALUES.isInclusive) },
] as const;

const [HELP_SHEET = "填写说明", LIST_SHEET = "可选值"] = TEMPLATE_HELP_SHEETS;

/** The data rows of one template sheet, by its Chinese name: cells in the template's column order. */
export type TemplateRows = ReadonlyMap<string, readonly (readonly (string | number | null)[])[]>;

/** What one column accepts, in words (填写说明) — and the 数据验证 that checks it. */
function rule(c: TemplateColumn): { text: string; validation: ExcelJS.DataValidation | null } {
  const list = LISTS.findIndex((l) => l.field === c.field);
  if (list >= 0) {
    const l = LISTS[list];
    const column = String.fromCharCode(65 + list);
    return {
      text: `从下拉列表中选：${l?.values.join("、") ?? ""}`,
      validation: {
        type: "list",
        allowBlank: true,
        formulae: [`'${LIST_SHEET}'!$${column}$2:$${column}$${String((l?.values.length ?? 0) + 1)}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      },
    };
  }
  if (c.field === "schoolCode") {
    return {
      text: "10 位数字的学校标识码（按文本填写，不要丢掉开头的 0）",
      validation: {
        type: "textLength",
        operator: "equal",
        allowBlank: false,
        formulae: [10],
        showErrorMessage: true,
        error: "学校标识码为 10 位数字",
      },
    };
  }
  if (c.field === "year") {
    return {
      text: "四位年份，如 2024",
      validation: {
        type: "whole",
        operator: "between",
        allowBlank: false,
        formulae: [2000, 2100],
        showErrorMessage: true,
        error: "统计年度为 2000—2100 之间的四位年份",
      },
    };
  }
  if (c.field === "areaCode") {
    return { text: "9 位乡镇（街道）统计用区划代码", validation: null };
  }
  if (c.element === undefined) {
    return { text: "可不填，按学校名录", validation: null };
  }
  const e = findDataElement(c.element);
  const whole = e?.kind === "count" || e?.kind === "size";
  return {
    text: `${whole ? "不小于 0 的整数" : "不小于 0 的数"}${e === undefined ? "" : `，单位：${e.unit}`}；没有的填 0，不知道的留空`,
    validation: {
      type: whole ? "whole" : "decimal",
      operator: "greaterThanOrEqual",
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorTitle: c.header,
      error: whole ? `${c.header}应为不小于 0 的整数` : `${c.header}应为不小于 0 的数`,
    },
  };
}

/**
 * The sheet's validation list. exceljs keeps it by address and writes a range address (`D2:D30001`) as
 * one rule, but its type declarations leave the property out.
 */
function validationsOf(ws: ExcelJS.Worksheet): { add(address: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}

/** The 填写说明 sheet: how to fill the workbook, then every column with what it accepts. */
function addHelpSheet(wb: ExcelJS.Workbook, prefilled: string | null): void {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.columns = [{ width: 16 }, { width: 34 }, { width: 70 }];
  const lines = [
    "统计数据导入模板 填写说明",
    "",
    ...(prefilled === null ? [] : [prefilled, ""]),
    "1. 除“人口”表按乡镇（街道）填写外，每个学校每个统计年度填一行；学校标识码和统计年度必填（表头为黄色的列）。",
    "2. 不要改动表名和表头；不需要的列可以删除，列的先后顺序可以调整。",
    "3. 办学类型、办学性质、城乡分类、是否普惠请从下拉列表中选择；数值列只能填不小于 0 的数，没有的填 0，不知道的留空（留空表示不更新已有数据）。",
    "4. 导入时整份文件要么全部导入，要么一行也不导入：有任何错误都会按表、行、列逐条列出，改正后重新上传。",
    "5. 本说明页和“可选值”页导入时自动跳过，可以保留。",
    "",
  ];
  for (const line of lines) {
    ws.addRow([line]);
  }
  ws.getRow(1).font = { bold: true, size: 14 };
  const header = ws.addRow(["表", "列", "填写要求"]);
  header.font = { bold: true };
  for (const t of STATS_TEMPLATE) {
    for (const c of t.columns) {
      ws.addRow([t.name, c.isRequired ? `${c.header}（必填）` : c.header, rule(c).text]);
    }
  }
}

/** The hidden 可选值 sheet the list validations point at. */
function addListSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(LIST_SHEET, { state: "hidden" });
  ws.addRow(LISTS.map((l) => l.header));
  const longest = Math.max(...LISTS.map((l) => l.values.length));
  for (let i = 0; i < longest; i++) {
    ws.addRow(LISTS.map((l) => l.values[i] ?? null));
  }
}

/**
 * The template workbook: 填写说明, the six sheets with required headers highlighted and 数据验证 on
 * every column, and the hidden 可选值. With `rows`, the sheets carry those rows (a unit's data of a
 * year) and `note` says so on the 填写说明.
 */
export async function statsTemplateXlsx(rows?: TemplateRows, note?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "落实 luoshi";
  addHelpSheet(wb, note ?? null);
  for (const t of STATS_TEMPLATE) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({
      header: c.header,
      width: Math.min(40, Math.max(10, c.header.length * 2 + 2)),
      // codes are text: a leading 0 survives and Excel does not show them as numbers
      ...(c.field === "schoolCode" || c.field === "areaCode" ? { style: { numFmt: "@" } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    t.columns.forEach((c, i) => {
      if (c.isRequired) {
        header.getCell(i + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
      }
      const { validation } = rule(c);
      if (validation !== null) {
        const column = ws.getColumn(i + 1).letter;
        validationsOf(ws).add(`${column}2:${column}${String(VALIDATED_ROWS + 1)}`, validation);
      }
    });
    for (const row of rows?.get(t.name) ?? []) {
      ws.addRow([...row]);
    }
  }
  addListSheet(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
