import { z } from "zod";

/** POST /api/stats/imports — one 统计年度's statistics file in the template layout. */
export const StatsImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(xlsx|csv)$/i, { error: "只支持 .xlsx、.csv 文件" }),
  year: z.number().int({ error: "统计年度应为整数" }).min(2000, { error: "统计年度不早于 2000" }).max(2100, {
    error: "统计年度不晚于 2100",
  }),
  contentBase64: z.base64({ error: "文件内容应为 base64 编码" }).max(28_000_000, { error: "文件超过 20 MB" }),
});
export type StatsImportBody = z.infer<typeof StatsImportBody>;

/** A problem in an uploaded file: sheet, 1-based row, column header, Chinese message. */
export const StatsProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type StatsProblem = z.infer<typeof StatsProblem>;

/** What an import stored, with its warnings (first 200). */
export const StatsImportResult = z.object({
  id: z.uuid(),
  year: z.number().int(),
  fileName: z.string(),
  rows: z.number().int(),
  schools: z.number().int(),
  areas: z.number().int(),
  changedValues: z.number().int(),
  warnings: z.array(StatsProblem),
});
export type StatsImportResult = z.infer<typeof StatsImportResult>;

/** GET /api/indicators?orgUnitId=&year= */
export const IndicatorQuery = z.object({
  orgUnitId: z.uuid({ error: "orgUnitId 应为单位编号" }),
  year: z.coerce.number().int().min(2000).max(2100),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

/** One indicator's value: unrounded `value`, published `display`, parts when it is a ratio. */
export const IndicatorItem = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  display: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type IndicatorItem = z.infer<typeof IndicatorItem>;

/** Every catalogue indicator for one unit and year. */
export const IndicatorList = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  items: z.array(IndicatorItem),
});
export type IndicatorList = z.infer<typeof IndicatorList>;
