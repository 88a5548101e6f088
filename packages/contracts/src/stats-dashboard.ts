/**
 * 指标看板: an indicator catalogue's values over years (trends, year comparison), per child unit
 * (drill-down 县 → 乡镇 → 学校) and per school (distribution with box figures and histogram).
 */
import { z } from "zod";
import { DASHBOARD_AREAS as DASHBOARD_AREA_VALUES, INDICATOR_DISPLAYS } from "@luoshi/common";
import { OrgUnitIdParam as orgUnitId, StatsYear as year } from "./common.ts";
import { ORG_KIND_VALUES } from "./org.ts";
import { IndicatorBasis } from "./stats.ts";

const indicatorCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, { error: "指标代码应为小写字母、数字和连字符" });

/** Comma-separated indicator codes (default: the whole catalogue). */
const codes = z
  .string()
  .max(8000, { error: "指标代码过多" })
  .regex(/^[a-z0-9][a-z0-9-]*(,[a-z0-9][a-z0-9-]*)*$/, { error: "codes 应为逗号分隔的指标代码" })
  .optional();

/** Dashboard groups, in display order (学前 / 义务教育 / 高中 / 教师 / 办学条件 / 其他). */
export { DASHBOARD_AREA_VALUES };

/** A national reference value from docs/standards.md, in the indicator's own unit. */
export const IndicatorReferenceItem = z.object({
  scope: z.enum(["area", "school"]),
  comparator: z.enum([">=", "<="]),
  value: z.number(),
  label: z.string(),
  source: z.string(),
});
export type IndicatorReferenceItem = z.infer<typeof IndicatorReferenceItem>;

/** What the dashboard needs to show an indicator: how to write it, which way is better, its group. */
export const DashboardIndicator = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  display: z.enum(INDICATOR_DISPLAYS),
  decimals: z.number().int(),
  direction: z.enum(["higher", "lower"]),
  area: z.enum(DASHBOARD_AREA_VALUES),
  areaLabel: z.string(),
  source: z.string(),
  description: z.string().nullable(),
  references: z.array(IndicatorReferenceItem),
  /** The rules applied (教学点 policy), for indicators that depend on them; null otherwise. */
  basis: IndicatorBasis.nullable(),
});
export type DashboardIndicator = z.infer<typeof DashboardIndicator>;

/** One computed value: unrounded, as published, and its 分子/分母 when the formula is a ratio. */
export const DashboardValue = z.object({
  value: z.number().nullable(),
  display: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
});
export type DashboardValue = z.infer<typeof DashboardValue>;

const UnitRef = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORG_KIND_VALUES),
});

/** GET /api/indicators/series?orgUnitId=&from=&to=[&codes=a,b] — at most 20 years. */
export const IndicatorSeriesQuery = z
  .object({
    orgUnitId,
    from: year,
    to: year,
    codes,
  })
  .refine((q) => q.from <= q.to, { error: "起始年度不能晚于截止年度", path: ["from"] })
  .refine((q) => q.to - q.from < 20, { error: "一次最多查询 20 个年度", path: ["to"] });
export type IndicatorSeriesQuery = z.infer<typeof IndicatorSeriesQuery>;

/** Least-squares line over the last five values (value ≈ intercept + slope × year), for projections. */
export const SeriesTrend = z.object({
  slope: z.number(),
  intercept: z.number(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
});

/** The chosen indicators of one unit, year by year. */
export const IndicatorSeries = z.object({
  orgUnit: UnitRef,
  years: z.array(z.number().int()),
  indicators: z.array(DashboardIndicator),
  series: z.array(
    z.object({
      code: z.string(),
      points: z.array(DashboardValue.extend({ year: z.number().int() })),
      trend: SeriesTrend.nullable(),
    }),
  ),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeries>;

/** GET /api/indicators/children?orgUnitId=&year=[&codes=] — the unit's direct children. */
export const IndicatorChildrenQuery = z.object({
  orgUnitId,
  year,
  codes,
});
export type IndicatorChildrenQuery = z.infer<typeof IndicatorChildrenQuery>;

/** One year's values of the unit itself (合计) and of each direct child (乡镇, 学校), by indicator code. */
export const IndicatorChildren = z.object({
  orgUnit: UnitRef,
  year: z.number().int(),
  indicators: z.array(DashboardIndicator),
  total: z.record(z.string(), DashboardValue),
  children: z.array(
    UnitRef.extend({
      schoolType: z.string().nullable(),
      /** Whether the child has units below it to drill into. */
      hasChildren: z.boolean(),
      values: z.record(z.string(), DashboardValue),
    }),
  ),
});
export type IndicatorChildren = z.infer<typeof IndicatorChildren>;

/** GET /api/indicators/distribution?orgUnitId=&year=&code= */
export const IndicatorDistributionQuery = z.object({ orgUnitId, year, code: indicatorCode });
export type IndicatorDistributionQuery = z.infer<typeof IndicatorDistributionQuery>;

/**
 * One indicator over the schools below a unit (level "school"), or over its 乡镇 when no school has a
 * value (毛入园率 needs population, which is kept per 乡镇): the values, box figures, histogram bins and
 * the spec's reference values to draw as lines.
 */
export const IndicatorDistribution = z.object({
  orgUnit: UnitRef,
  year: z.number().int(),
  indicator: DashboardIndicator,
  level: z.enum(["school", "area"]),
  /** The unit's own value, for a line on the chart. */
  total: DashboardValue,
  units: z.array(
    z.object({ id: z.uuid(), code: z.string(), name: z.string(), value: z.number(), display: z.string() }),
  ),
  /** Units of that level without a value (no data, or 分母 0). */
  missing: z.number().int(),
  box: z
    .object({
      count: z.number().int(),
      min: z.number(),
      q1: z.number(),
      median: z.number(),
      q3: z.number(),
      max: z.number(),
      mean: z.number(),
    })
    .nullable(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  /** Reference values to draw: per-school ones, and the area's national value. */
  references: z.array(IndicatorReferenceItem),
});
export type IndicatorDistribution = z.infer<typeof IndicatorDistribution>;
