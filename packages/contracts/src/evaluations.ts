import { z } from "zod";

/** 教学点 policies of the resource evaluation (spec §6.5). */
export const TEACHING_POINT_POLICY_VALUES = ["exclude-below-50", "merge-into-parent", "include"] as const;

/** The 7 资源配置 indicators in the order of spec §1.1a (the order of every array below). */
export const RESOURCE_INDICATOR_VALUES = [
  "qualifiedTeachers",
  "backboneTeachers",
  "peArtTeachers",
  "teachingFloorArea",
  "sportsArea",
  "equipmentValue",
  "multimediaClassrooms",
] as const;

const year = z.coerce
  .number({ error: "统计年度应为整数" })
  .int({ error: "统计年度应为整数" })
  .min(2000, { error: "统计年度不早于 2000" })
  .max(2100, { error: "统计年度不晚于 2100" });
const orgUnitId = z.uuid({ error: "orgUnitId 应为单位编号" });
const ruleSet = z.string().trim().min(1).max(100);

/** GET /api/evaluations/balance?orgUnitId=&year=&policy=&ruleSet= */
export const BalanceQuery = z.object({
  orgUnitId,
  year,
  policy: z.enum(TEACHING_POINT_POLICY_VALUES).optional(),
  ruleSet: ruleSet.optional(),
});
export type BalanceQuery = z.infer<typeof BalanceQuery>;

/** The rule set a result was computed with. */
export const RuleSetInfo = z.object({ id: z.string(), version: z.string(), name: z.string() });
export type RuleSetInfo = z.infer<typeof RuleSetInfo>;

/** One 学段: 7 thresholds, means, SDs, CVs and CV verdicts (spec §1.1a order), its schools and limit. */
export const BalanceLevel = z.object({
  schoolCount: z.number().int(),
  students: z.number(),
  cvLimit: z.number(),
  thresholds: z.array(z.number()),
  mean: z.array(z.number().nullable()),
  sd: z.array(z.number().nullable()),
  cv: z.array(z.number().nullable()),
  cvPass: z.array(z.boolean()),
});
export type BalanceLevel = z.infer<typeof BalanceLevel>;

/** One evaluated school part: unrounded values, met flags, per-school verdict. */
export const BalanceSchoolResult = z.object({
  code: z.string(),
  name: z.string(),
  part: z.enum(["primary", "junior"]),
  values: z.array(z.number().nullable()),
  met: z.array(z.boolean()),
  pass: z.boolean(),
});
export type BalanceSchoolResult = z.infer<typeof BalanceSchoolResult>;

/** A finding of the evaluation (missing elements, excluded schools, CV near a limit …). */
export const EvaluationIssue = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  where: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type EvaluationIssue = z.infer<typeof EvaluationIssue>;

/** The CLI's balance JSON contract extended with the rule set, policy, names, counts and thresholds. */
export const BalanceResult = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  teachingPointPolicy: z.enum(TEACHING_POINT_POLICY_VALUES),
  indicators: z.array(
    z.object({ key: z.enum(RESOURCE_INDICATOR_VALUES), name: z.string(), unit: z.string() }),
  ),
  primary: BalanceLevel,
  junior: BalanceLevel,
  schools: z.array(BalanceSchoolResult),
  excluded: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level: z.enum(["primary", "junior"]).optional(),
      reason: z.string(),
    }),
  ),
  schoolsPass: z.boolean(),
  cvPass: z.boolean(),
  resourcePass: z.boolean(),
  issues: z.array(EvaluationIssue),
});
export type BalanceResult = z.infer<typeof BalanceResult>;

/** Cost per planning unit (元) by indicator; absent ones keep the placeholder defaults. */
export const UnitCosts = z.strictObject(
  Object.fromEntries(
    RESOURCE_INDICATOR_VALUES.map((k) => [k, z.number().nonnegative({ error: "单价不能为负" }).optional()]),
  ) as Record<(typeof RESOURCE_INDICATOR_VALUES)[number], z.ZodOptional<z.ZodNumber>>,
);
export type UnitCosts = z.infer<typeof UnitCosts>;

/** POST /api/evaluations/balance/pass-plan */
export const PassPlanBody = z.strictObject({
  orgUnitId,
  year,
  policy: z.enum(TEACHING_POINT_POLICY_VALUES).optional(),
  ruleSet: ruleSet.optional(),
  unitCosts: UnitCosts.optional(),
});
export type PassPlanBody = z.infer<typeof PassPlanBody>;

/** One proposed addition in planning units. */
export const PassPlanAddition = z.object({
  schoolCode: z.string(),
  schoolName: z.string(),
  indicator: z.enum(RESOURCE_INDICATOR_VALUES),
  /** Teacher indicators: the 学段 the teachers join. */
  level: z.enum(["primary", "junior"]).optional(),
  amount: z.number(),
  planUnit: z.string(),
  cost: z.number(),
  reason: z.enum(["school-rule", "difference-coefficient", "both"]),
});
export type PassPlanAddition = z.infer<typeof PassPlanAddition>;

/** A county pass plan: additions, costs and the re-evaluation's verdict. */
export const PassPlanResult = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  teachingPointPolicy: z.enum(TEACHING_POINT_POLICY_VALUES),
  unitCosts: z.record(z.enum(RESOURCE_INDICATOR_VALUES), z.number()),
  additions: z.array(PassPlanAddition),
  totalCost: z.number(),
  costByIndicator: z.record(z.enum(RESOURCE_INDICATOR_VALUES), z.number()),
  /** The county's verdict before the plan. */
  wasPass: z.boolean(),
  /** The re-evaluation's verdict with the plan applied. */
  isPass: z.boolean(),
  after: z.object({ schoolsPass: z.boolean(), cvPass: z.boolean(), resourcePass: z.boolean() }),
  issues: z.array(EvaluationIssue),
});
export type PassPlanResult = z.infer<typeof PassPlanResult>;
