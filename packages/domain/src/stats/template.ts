/**
 * 导入模板: the Chinese column headers of each template sheet (学校基本情况 / 学生 / 教师 / 办学条件 / 经费 /
 * 人口) and the data element or key field behind each. The server writes .xlsx/.csv files from these and
 * feeds parsed cells back to template-parse.ts; no file I/O here.
 */
import { OWNERSHIP_LABELS, SCHOOL_TYPE_LABELS, URBAN_RURAL_LABELS } from "../org/org-unit.ts";
import { STATS_SHEET_LABELS, STATS_SHEETS, elementsOfSheet, type StatsSheet } from "./data-elements.ts";

/** Key and attribute fields of a row (not data elements). */
export const TEMPLATE_FIELDS = [
  "schoolCode",
  "schoolName",
  "year",
  "schoolType",
  "ownership",
  "urbanRural",
  "isInclusive",
  "areaCode",
  "areaName",
] as const;
/** One of {@link TEMPLATE_FIELDS}. */
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** One template column: a key field or a data element. */
export interface TemplateColumn {
  header: string;
  /** Other headers accepted on upload (older templates, common wordings). */
  aliases: readonly string[];
  field?: TemplateField;
  element?: string;
  isRequired: boolean;
}

/** One template sheet. */
export interface TemplateSheet {
  sheet: StatsSheet;
  /** Chinese sheet name (学生 …). */
  name: string;
  columns: readonly TemplateColumn[];
}

const key = (
  field: TemplateField,
  header: string,
  aliases: readonly string[] = [],
  isRequired = true,
): TemplateColumn => ({
  header,
  aliases,
  field,
  isRequired,
});

const SCHOOL_KEYS: readonly TemplateColumn[] = [
  key("schoolCode", "学校标识码", ["学校代码", "学校识别码"]),
  key("schoolName", "学校名称", ["学校"], false),
  key("year", "统计年度", ["年度", "年份"]),
];

const BASIC_ATTRIBUTES: readonly TemplateColumn[] = [
  key("schoolType", "办学类型", ["学校类型"], false),
  key("ownership", "办学性质", ["举办者性质"], false),
  key("urbanRural", "城乡分类", ["城乡类别"], false),
  key("isInclusive", "是否普惠", ["普惠性"], false),
];

const AREA_KEYS: readonly TemplateColumn[] = [
  key("areaCode", "乡镇代码", ["行政区划代码", "区划代码"]),
  key("areaName", "乡镇名称", ["乡镇（街道）", "乡镇"], false),
  key("year", "统计年度", ["年度", "年份"]),
];

function sheetColumns(sheet: StatsSheet): TemplateColumn[] {
  const keys =
    sheet === "population"
      ? AREA_KEYS
      : sheet === "basic"
        ? [...SCHOOL_KEYS, ...BASIC_ATTRIBUTES]
        : SCHOOL_KEYS;
  const elements = elementsOfSheet(sheet).map((e): TemplateColumn => ({
    header: e.label,
    aliases: [e.code],
    element: e.code,
    isRequired: false,
  }));
  return [...keys, ...elements];
}

/** Every template sheet in order. */
export const STATS_TEMPLATE: readonly TemplateSheet[] = STATS_SHEETS.map((sheet) => ({
  sheet,
  name: STATS_SHEET_LABELS[sheet],
  columns: sheetColumns(sheet),
}));

/** The template sheet of `sheet`. */
export function templateSheet(sheet: StatsSheet): TemplateSheet {
  return (
    STATS_TEMPLATE.find((s) => s.sheet === sheet) ?? { sheet, name: STATS_SHEET_LABELS[sheet], columns: [] }
  );
}

/** The header row of a sheet, as the generated template writes it. */
export function templateHeaders(sheet: StatsSheet): string[] {
  return templateSheet(sheet).columns.map((c) => c.header);
}

/** The template's own help sheets (填写说明, the lists behind 数据验证): read past on import. */
export const TEMPLATE_HELP_SHEETS: readonly string[] = ["填写说明", "可选值"];

/** The sheet a Chinese sheet name (学生, 教师 …) stands for, or null. */
export function sheetByName(name: string): StatsSheet | null {
  const n = name.trim();
  return STATS_SHEETS.find((s) => STATS_SHEET_LABELS[s] === n || s === n) ?? null;
}

/** Labels ↔ keys of attribute cells. */
export const ATTRIBUTE_CELL_VALUES = {
  schoolType: SCHOOL_TYPE_LABELS,
  ownership: OWNERSHIP_LABELS,
  urbanRural: URBAN_RURAL_LABELS,
  isInclusive: { true: "是", false: "否" },
} as const;
