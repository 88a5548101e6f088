import { z } from "zod";
import { COMPARATOR_VALUES, NODE_ROLE_VALUES } from "./plans.ts";

const year = z
  .number()
  .int()
  .min(1949, { error: "年份应在 1949–2100 之间" })
  .max(2100, { error: "年份应在 1949–2100 之间" });

/** A unit of the county's own registry that a 承接方案 item may name. */
const LocalUnit = z.object({ orgUnitId: z.string(), name: z.string() });

/** GET /api/plans/:id/adoption — what the 承接方案 page offers for a confirmed 上级文件. */
export const PlanAdoptionForm = z.object({
  planId: z.string(),
  title: z.string(),
  /** The title the new plan gets unless staff change it. */
  suggestedTitle: z.string(),
  localUnits: z.array(LocalUnit),
  items: z.array(
    z.object({
      nodeId: z.string(),
      path: z.string(),
      parentPath: z.string(),
      marker: z.string(),
      title: z.string(),
      role: z.enum(NODE_ROLE_VALUES),
      deadline: z.string().nullable(),
      /** The units the higher document names (its own areas' agencies included). */
      higherUnits: z.array(z.string()),
      /** The local units taken by default: those of `higherUnits` that resolve to the county's registry. */
      defaultUnits: z.array(z.object({ orgUnitId: z.string(), name: z.string(), isLead: z.boolean() })),
      targets: z.array(
        z.object({
          targetId: z.string(),
          text: z.string(),
          metric: z.string(),
          comparator: z.enum(COMPARATOR_VALUES),
          value: z.number().nullable(),
          valueMax: z.number().nullable(),
          unit: z.string(),
          year: z.number().int().nullable(),
        }),
      ),
    }),
  ),
  /** 承接方案 already made from this document (drafts and confirmed). */
  adoptions: z.array(
    z.object({ planId: z.string(), title: z.string(), status: z.string(), statusLabel: z.string() }),
  ),
});
export type PlanAdoptionForm = z.infer<typeof PlanAdoptionForm>;

/** POST /api/plans/:id/adoptions — create the county's 承接方案 (a draft own plan) from picked items. */
export const PlanAdoptionBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: "标题不能为空" })
    .max(200, { error: "标题最多 200 个字符" })
    .optional(),
  items: z
    .array(
      z.strictObject({
        nodeId: z.uuid({ error: "应为有效的条目 ID" }),
        units: z
          .array(z.strictObject({ orgUnitId: z.uuid({ error: "应为有效的单位 ID" }), isLead: z.boolean() }))
          .max(50, { error: "责任单位最多 50 个" })
          .optional(),
        targets: z
          .array(
            z.strictObject({
              targetId: z.uuid({ error: "应为有效的目标 ID" }),
              value: z.number().nullable(),
              valueMax: z.number().nullable().optional(),
              year: year.nullable().optional(),
            }),
          )
          .max(100, { error: "一个条目的目标最多 100 个" })
          .optional(),
        deadline: z.string().trim().max(50, { error: "时限最多 50 个字符" }).nullable().optional(),
      }),
    )
    .min(1, { error: "请至少选择一个承接的条目" })
    .max(5000, { error: "条目最多 5000 个" }),
});
export type PlanAdoptionBody = z.infer<typeof PlanAdoptionBody>;

/** GET /api/plans/:id/report?year= (and report.docx, implementation-report.docx). */
export const PlanReportQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export type PlanReportQuery = z.infer<typeof PlanReportQuery>;

const point = z.object({ year: z.number().int(), value: z.number() });

/** 规划实施进展监测报告 / 中期评估报告 of a confirmed own plan, as the page shows it. */
export const PlanReportView = z.object({
  planId: z.string(),
  planTitle: z.string(),
  orgUnitName: z.string(),
  kind: z.enum(["monitoring", "midterm"]),
  title: z.string(),
  year: z.number().int(),
  targetCounts: z.record(z.string(), z.number().int()),
  taskCounts: z.object({
    total: z.number().int(),
    closed: z.number().int(),
    overdue: z.number().int(),
    byState: z.array(z.object({ label: z.string(), count: z.number().int() })),
  }),
  targets: z.array(
    z.object({
      targetId: z.string(),
      path: z.string(),
      metric: z.string(),
      text: z.string(),
      comparator: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      targetYear: z.number().int().nullable(),
      indicatorName: z.string().nullable(),
      baseline: point.nullable(),
      latest: point.nullable(),
      projected: z.number().nullable(),
      requiredYearlyChange: z.number().nullable(),
      status: z.string(),
      statusLabel: z.string(),
      series: z.array(z.object({ year: z.number().int(), value: z.number().nullable() })),
      units: z.array(z.string()),
      tasks: z.array(z.object({ title: z.string(), stateLabel: z.string(), progress: z.number() })),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stateLabel: z.string(),
      progress: z.number(),
      deadline: z.string(),
      overdue: z.boolean(),
      units: z.array(z.string()),
      latest: z.object({ period: z.string(), progress: z.number(), text: z.string() }).nullable(),
    }),
  ),
  atRisk: z.array(
    z.object({
      targetId: z.string(),
      metric: z.string(),
      statusLabel: z.string(),
      unit: z.string(),
      latest: point.nullable(),
      goal: z.number().nullable(),
      targetYear: z.number().int().nullable(),
      requiredYearlyChange: z.number().nullable(),
      observedYearlyChange: z.number().nullable(),
      need: z.string(),
    }),
  ),
});
export type PlanReportView = z.infer<typeof PlanReportView>;
