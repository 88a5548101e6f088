import { z } from "zod";
import { TEACHING_POINT_POLICIES } from "@luoshi/common";
import { StatsYear } from "./common.ts";

/** POST /api/stats/imports — one 统计年度's statistics: a template file, or 基层表 workbooks (.xlsx / .zip). */
export const StatsImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(xlsx|csv|zip)$/i, { error: "只支持 .xlsx、.csv 文件或基层表 .zip 压缩包" }),
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

/** One value an import changes: unit code, data element, before → after (null: none). */
export const StatsValueChange = z.object({
  code: z.string(),
  element: z.string(),
  /** The element's Chinese name, as the template's column header. */
  label: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
});

/**
 * What an import stored — or, for a preview, would store (`applied` false, `id` null) — with its
 * warnings, the stored values it blanks and the first changes (200 each).
 */
export const StatsImportResult = z.object({
  id: z.uuid().nullable(),
  applied: z.boolean(),
  year: z.number().int(),
  fileName: z.string(),
  rows: z.number().int(),
  schools: z.number().int(),
  areas: z.number().int(),
  changedValues: z.number().int(),
  /** Schools and 乡镇 whose values change. */
  changedUnits: z.number().int(),
  /** Stored values an empty cell (in a column the file has) blanks; the first 200 located. */
  blankedValues: z.number().int(),
  blanked: z.array(StatsProblem),
  changes: z.array(StatsValueChange),
  warnings: z.array(StatsProblem),
});
export type StatsImportResult = z.infer<typeof StatsImportResult>;

/** GET /api/indicators?orgUnitId=&year= */
/**
 * GET /api/stats/template.xlsx: the empty template, or with both `orgUnitId` and `year` the template
 * filled with that unit's data of the year (下载本年度数据).
 */
export const StatsTemplateQuery = z.object({
  orgUnitId: z.uuid({ error: "orgUnitId 应为单位编号" }).optional(),
  year: StatsYear.optional(),
});
export type StatsTemplateQuery = z.infer<typeof StatsTemplateQuery>;

export const IndicatorQuery = z.object({
  orgUnitId: z.uuid({ error: "orgUnitId 应为单位编号" }),
  year: StatsYear,
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

/**
 * The rules a figure was computed under, on every indicator that depends on them (the 义务教育生均
 * figures): which rule set's 教学点 policy applied, and a short Chinese label to show with the value.
 */
export const IndicatorBasis = z.object({
  ruleSetId: z.string(),
  teachingPointPolicy: z.enum(TEACHING_POINT_POLICIES),
  label: z.string(),
});
export type IndicatorBasis = z.infer<typeof IndicatorBasis>;

/** One indicator's value: unrounded `value`, published `display`, parts when it is a ratio. */
export const IndicatorItem = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  display: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The rules applied, for indicators that depend on them; null otherwise. */
  basis: IndicatorBasis.nullable(),
});
export type IndicatorItem = z.infer<typeof IndicatorItem>;

/** Every catalogue indicator for one unit and year. */
export const IndicatorList = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  items: z.array(IndicatorItem),
});
export type IndicatorList = z.infer<typeof IndicatorList>;

/** POST /api/stats/import-jobs?year=&fileName= — the file itself is the body (application/octet-stream). */
export const StatsImportJobQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(xlsx|csv|zip)$/i, { error: "只支持 .xlsx、.csv 文件或基层表 .zip 压缩包" }),
  year: z.coerce
    .number({ error: "统计年度应为整数" })
    .int({ error: "统计年度应为整数" })
    .min(2000, { error: "统计年度不早于 2000" })
    .max(2100, { error: "统计年度不晚于 2100" }),
  /** "true": check the file and report what it would change, write nothing (预览). */
  preview: z.enum(["true", "false"]).optional(),
});
export type StatsImportJobQuery = z.infer<typeof StatsImportJobQuery>;

/** 202 answer of POST /api/stats/import-jobs: poll GET /api/stats/import-jobs/:jobId. */
export const StatsImportJobCreated = z.object({ jobId: z.uuid() });
export type StatsImportJobCreated = z.infer<typeof StatsImportJobCreated>;

/** Where an import job is: 读取 reading, 校验 validating, 写入 writing, 完成 done, 失败 failed. */
export const StatsImportPhase = z.enum(["reading", "validating", "writing", "done", "failed"]);
export type StatsImportPhase = z.infer<typeof StatsImportPhase>;

/** Why a job failed: the error code and message, and for a refused file every located problem (first 200). */
export const StatsImportJobError = z.object({
  code: z.string(),
  message: z.string(),
  problems: z.array(StatsProblem),
  /** All problems found, also those beyond the list. */
  problemCount: z.number().int(),
});
export type StatsImportJobError = z.infer<typeof StatsImportJobError>;

/** GET /api/stats/import-jobs/:id — a job's phase and progress (done of total in that phase). */
export const StatsImportJob = z.object({
  id: z.uuid(),
  fileName: z.string(),
  year: z.number().int(),
  phase: StatsImportPhase,
  done: z.number().int(),
  total: z.number().int(),
  result: StatsImportResult.nullable(),
  error: StatsImportJobError.nullable(),
  /** For a failed job, the phase it failed in. */
  failedIn: z.enum(["reading", "validating", "writing"]).nullable(),
});
export type StatsImportJob = z.infer<typeof StatsImportJob>;

/** GET /api/stats/imports?page=&pageSize=&year= — past imports in the caller's scope, newest first. */
export const StatsImportListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  year: StatsYear.optional(),
});
export type StatsImportListQuery = z.infer<typeof StatsImportListQuery>;

/** One past import (统计数据导入记录). */
export const StatsImportListItem = z.object({
  id: z.uuid(),
  year: z.number().int(),
  fileName: z.string(),
  rows: z.number().int(),
  orgUnitName: z.string().nullable(),
  importedBy: z.string().nullable(),
  importedAt: z.string(),
  /** Whether 撤销 is offered: made with a record of its changes and not undone yet. */
  undoable: z.boolean(),
  /** When it was undone (ISO), or null. */
  undoneAt: z.string().nullable(),
});
export type StatsImportListItem = z.infer<typeof StatsImportListItem>;

/** A page of past imports. */
export const StatsImportList = z.object({
  items: z.array(StatsImportListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type StatsImportList = z.infer<typeof StatsImportList>;

/** 200 answer of POST /api/stats/imports/:id/undo — what undoing the import put back. */
export const StatsImportUndoResult = z.object({
  id: z.uuid(),
  /** Rows put back as they were before the import. */
  restored: z.number().int(),
  /** Rows the import had added, now removed. */
  removed: z.number().int(),
});
export type StatsImportUndoResult = z.infer<typeof StatsImportUndoResult>;
