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
