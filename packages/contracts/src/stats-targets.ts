import { z } from "zod";
import { INDICATOR_DISPLAYS } from "@luoshi/common";
import { OrgUnitIdParam as orgUnitId, StatsYear as year } from "./common.ts";

/** GET /api/targets/monitor?orgUnitId=&year= — the plan targets of a unit against their indicators. */
export const TargetMonitorQuery = z.object({ orgUnitId: orgUnitId, year });
export type TargetMonitorQuery = z.infer<typeof TargetMonitorQuery>;

/** How a plan target is tied to an indicator: suggested by the metric synonyms, confirmed by staff, or not. */
export const TARGET_LINK_STATES = ["suggested", "confirmed", "none"] as const;

/** 已达成 / 进度正常 / 存在风险 / 严重滞后 / 无数据. */
export const TARGET_STATUS_VALUES = ["achieved", "on-track", "at-risk", "off-track", "no-data"] as const;

/** One plan target with its indicator's series, status and projection to the target year. */
export const TargetMonitorItem = z.object({
  targetId: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  path: z.string(),
  text: z.string(),
  metric: z.string(),
  indicatorCode: z.string().nullable(),
  indicatorName: z.string().nullable(),
  linkState: z.enum(TARGET_LINK_STATES),
  comparator: z.enum([">=", "<=", "=", ">", "<", "increase", "decrease"]),
  value: z.number().nullable(),
  unit: z.string(),
  targetYear: z.number().int().nullable(),
  /** For targets without a number (基本消除大班额): the checkable rule, in words. */
  rule: z.string().nullable(),
  baseline: z.object({ year: z.number().int(), value: z.number() }).nullable(),
  latest: z.object({ year: z.number().int(), value: z.number() }).nullable(),
  status: z.enum(TARGET_STATUS_VALUES),
  statusLabel: z.string(),
  projected: z.number().nullable(),
  /** How `projected` was made: 趋势外推 (least-squares trend) or 队列推算 (cohort flow, for 巩固率); absent without a projection. */
  projectionMethod: z.enum(["trend", "cohort"]).optional(),
  requiredYearlyChange: z.number().nullable(),
  series: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
  /** The number to reach (baseline ± change for increase/decrease; the rule's first threshold). */
  goal: z.number().nullable().optional(),
  /** The indicator `series` belongs to (for a rule: its first condition's indicator). */
  seriesIndicatorName: z.string().nullable().optional(),
  /** When staff confirmed the link (ISO time), null while only suggested. */
  confirmedAt: z.string().nullable().optional(),
  /**
   * "target": a target row of the plan (targetId is the plan target's id, linkable); "text": a
   * qualitative target found in the plan's 发展目标 text (targetId is the plan node's id, not linkable).
   */
  origin: z.enum(["target", "text"]).optional(),
});
export type TargetMonitorItem = z.infer<typeof TargetMonitorItem>;

/** Every monitored target of a unit. */
export const TargetMonitorList = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  items: z.array(TargetMonitorItem),
});
export type TargetMonitorList = z.infer<typeof TargetMonitorList>;

/** PUT /api/targets/:id/link — confirm (or change) the indicator of a plan target; null: no indicator measures it. */
export const TargetLinkBody = z.strictObject({
  indicatorCode: z
    .string({ error: "indicatorCode 应为指标代码或 null" })
    .trim()
    .min(1, { error: "指标代码不能为空" })
    .max(64, { error: "指标代码不超过 64 个字符" })
    .nullable(),
});
export type TargetLinkBody = z.infer<typeof TargetLinkBody>;

/** The target after its link was confirmed. */
export const TargetLinkResult = z.object({
  targetId: z.uuid(),
  indicatorCode: z.string().nullable(),
  linkState: z.enum(TARGET_LINK_STATES),
  confirmedAt: z.string().nullable(),
});
export type TargetLinkResult = z.infer<typeof TargetLinkResult>;

/** Where an indicator comes from: the standard catalogue or a user's definition. */
export const INDICATOR_ORIGINS = ["standard", "custom"] as const;

/** How a value is shown (percent 94.08%, ratio 6:1, inverseRatio 1:15, number). */
export { INDICATOR_DISPLAYS };

/** One entry of GET /api/indicators/catalogue. */
export const CatalogueEntry = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  formula: z.string(),
  direction: z.enum(["higher", "lower"]),
  display: z.enum(INDICATOR_DISPLAYS),
  decimals: z.number().int(),
  /** Spec source tag for standard indicators; "自定义" with the author for custom ones. */
  source: z.string(),
  description: z.string(),
  category: z.string(),
  origin: z.enum(INDICATOR_ORIGINS),
  /** False for a deactivated custom indicator (listed for its history, not computed). */
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

/** GET /api/indicators/catalogue. */
export const IndicatorCatalogue = z.object({ items: z.array(CatalogueEntry) });
export type IndicatorCatalogue = z.infer<typeof IndicatorCatalogue>;

const customFields = {
  name: z
    .string()
    .trim()
    .min(1, { error: "指标名称不能为空" })
    .max(100, { error: "指标名称不超过 100 个字符" }),
  unit: z.string().trim().max(20, { error: "单位不超过 20 个字符" }),
  formula: z
    .string()
    .trim()
    .min(1, { error: "计算公式不能为空" })
    .max(2000, { error: "计算公式不超过 2000 个字符" }),
  category: z.string().trim().max(50, { error: "分类不超过 50 个字符" }),
  direction: z.enum(["higher", "lower"]),
  display: z.enum(INDICATOR_DISPLAYS),
  decimals: z.number().int().min(0, { error: "小数位数为 0–6" }).max(6, { error: "小数位数为 0–6" }),
  description: z.string().trim().max(1000, { error: "口径说明不超过 1000 个字符" }),
};

/** POST /api/indicators/custom — a user-defined indicator; the formula is checked by the indicator compiler. */
export const CustomIndicatorBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,62}$/, {
      error: "指标代码应以小写字母开头，只含小写字母、数字和连字符，2–63 个字符",
    }),
  ...customFields,
  direction: customFields.direction.default("higher"),
  display: customFields.display.default("number"),
  decimals: customFields.decimals.default(2),
  category: customFields.category.default(""),
  description: customFields.description.default(""),
});
export type CustomIndicatorBody = z.infer<typeof CustomIndicatorBody>;

/** PATCH /api/indicators/custom/:code — change fields, or `active: false` to deactivate. */
export const CustomIndicatorPatch = z.strictObject({
  name: customFields.name.optional(),
  unit: customFields.unit.optional(),
  formula: customFields.formula.optional(),
  category: customFields.category.optional(),
  direction: customFields.direction.optional(),
  display: customFields.display.optional(),
  decimals: customFields.decimals.optional(),
  description: customFields.description.optional(),
  active: z.boolean().optional(),
});
export type CustomIndicatorPatch = z.infer<typeof CustomIndicatorPatch>;

/** Path parameter of the custom indicator routes. */
export const CustomIndicatorParams = z.object({ code: z.string().min(1).max(64) });

/** POST /api/indicators/custom/check — validate a formula without saving it (for the editor). */
export const FormulaCheckBody = z.strictObject({ formula: z.string().max(2000) });
export type FormulaCheckBody = z.infer<typeof FormulaCheckBody>;

/** A formula problem with its 0-based position in the formula. */
export const FormulaProblem = z.object({
  code: z.string(),
  message: z.string(),
  offset: z.number().int().nullable(),
});
export type FormulaProblem = z.infer<typeof FormulaProblem>;

/** The answer of the formula check: ok, or the problems; the data elements it reads. */
export const FormulaCheckResult = z.object({
  ok: z.boolean(),
  problems: z.array(FormulaProblem),
  elements: z.array(z.string()),
});
export type FormulaCheckResult = z.infer<typeof FormulaCheckResult>;

/** Path parameter of PUT /api/targets/:id/link. */
export const TargetParams = z.object({ id: z.uuid({ error: "目标编号无效" }) });
