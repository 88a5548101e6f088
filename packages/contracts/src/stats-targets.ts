import { z } from "zod";

const year = z.coerce
  .number({ error: "统计年度应为整数" })
  .int({ error: "统计年度应为整数" })
  .min(2000, { error: "统计年度不早于 2000" })
  .max(2100, { error: "统计年度不晚于 2100" });

/** GET /api/targets/monitor?orgUnitId=&year= — the plan targets of a unit against their indicators. */
export const TargetMonitorQuery = z.object({ orgUnitId: z.uuid({ error: "orgUnitId 应为单位编号" }), year });
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
  requiredYearlyChange: z.number().nullable(),
  series: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
});
export type TargetMonitorItem = z.infer<typeof TargetMonitorItem>;

/** Every monitored target of a unit. */
export const TargetMonitorList = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  items: z.array(TargetMonitorItem),
});
export type TargetMonitorList = z.infer<typeof TargetMonitorList>;
