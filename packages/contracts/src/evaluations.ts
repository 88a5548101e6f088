import { z } from "zod";
import {
  RESOURCE_INDICATOR_KEYS as RESOURCE_INDICATOR_VALUES,
  TEACHING_POINT_POLICIES as TEACHING_POINT_POLICY_VALUES,
} from "@luoshi/common";
import { OrgUnitIdParam as orgUnitId, StatsYear as year } from "./common.ts";

/** 教学点 policies of the resource evaluation (spec §6.5). */
export { TEACHING_POINT_POLICY_VALUES };

/** The 7 资源配置 indicators in the order of spec §1.1a (the order of every array below). */
export { RESOURCE_INDICATOR_VALUES };

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
  /** How the plan was found (shown under the plan). */
  method: z.string(),
  issues: z.array(EvaluationIssue),
});
export type PassPlanResult = z.infer<typeof PassPlanResult>;

const level = z.enum(["primary", "junior"]);
const indicatorKey = z.enum(RESOURCE_INDICATOR_VALUES);
const orgUnitHead = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/** GET /api/evaluations/balance/explain?…&level=&indicator= */
export const BalanceExplainQuery = BalanceQuery.extend({ level, indicator: indicatorKey });
export type BalanceExplainQuery = z.infer<typeof BalanceExplainQuery>;

/** One school part's share of a 差异系数 (spec §1.1b). */
export const CvContribution = z.object({
  code: z.string(),
  name: z.string(),
  /** Pᵢ. */
  students: z.number(),
  /** Rᵢ (after the facility split of combined schools). */
  quantity: z.number(),
  /** Xᵢ = m·Rᵢ/Pᵢ. */
  value: z.number(),
  /** Pᵢ/P. */
  weight: z.number(),
  /** Xᵢ − X̄. */
  deviation: z.number(),
  /** (Pᵢ/P)(Xᵢ − X̄)²; they sum to the variance S². */
  contribution: z.number(),
  /** Xᵢ ≥ the per-school threshold. */
  met: z.boolean(),
});
export type CvContribution = z.infer<typeof CvContribution>;

/** A 差异系数 explained: the level's figures and every school part's value, weight and contribution. */
export const BalanceExplain = z.object({
  orgUnit: orgUnitHead,
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  teachingPointPolicy: z.enum(TEACHING_POINT_POLICY_VALUES),
  level,
  indicator: z.object({ key: indicatorKey, name: z.string(), unit: z.string(), multiplier: z.number() }),
  threshold: z.number(),
  limit: z.number(),
  schoolCount: z.number().int(),
  /** m·ΣR. */
  numerator: z.number(),
  /** ΣP. */
  denominator: z.number(),
  mean: z.number().nullable(),
  variance: z.number().nullable(),
  sd: z.number().nullable(),
  cv: z.number().nullable(),
  cvPass: z.boolean(),
  /** Σ contributions (equals variance). */
  contributionSum: z.number(),
  /** Sorted by contribution, largest first. */
  schools: z.array(CvContribution),
});
export type BalanceExplain = z.infer<typeof BalanceExplain>;

/** GET /api/evaluations/balance/school?…&code=&part= */
export const BalanceSchoolQuery = BalanceQuery.extend({
  code: z.string().trim().min(1).max(40),
  part: level,
});
export type BalanceSchoolQuery = z.infer<typeof BalanceSchoolQuery>;

/** One data element behind a numerator or denominator, with the row it came from. */
export const SourceElement = z.object({
  /** The school whose record holds it (a merged 教学点 differs from the part's school). */
  schoolCode: z.string(),
  element: z.string(),
  label: z.string(),
  /** The statistics template's sheet that holds it. */
  sheetLabel: z.string(),
  /** As stored (null when the record lacks it; counted as 0). */
  value: z.number().nullable(),
  /** Share taken into this part (facility split of combined schools; 1 otherwise). */
  share: z.number(),
  /** value × share. */
  counted: z.number(),
});
export type SourceElement = z.infer<typeof SourceElement>;

/** Where a school's record came from: the stats import (file, who, when). */
export const StatsSource = z.object({
  schoolCode: z.string(),
  schoolName: z.string(),
  fileName: z.string().nullable(),
  importedBy: z.string().nullable(),
  importedAt: z.string().nullable(),
});
export type StatsSource = z.infer<typeof StatsSource>;

/** One addition in planning units. */
export const PlannedAddition = z.object({
  indicator: indicatorKey,
  level: level.optional(),
  amount: z.number(),
  planUnit: z.string(),
  cost: z.number(),
});
export type PlannedAddition = z.infer<typeof PlannedAddition>;

/** One school part explained: every indicator's numerator/denominator with sources, and its fix. */
export const BalanceSchoolExplain = z.object({
  orgUnit: orgUnitHead,
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  teachingPointPolicy: z.enum(TEACHING_POINT_POLICY_VALUES),
  code: z.string(),
  name: z.string(),
  schoolType: z.string(),
  part: level,
  facilityShare: z.number(),
  mergedFrom: z.array(z.string()),
  pass: z.boolean(),
  metCount: z.number().int(),
  /** Pᵢ and the pupil elements. */
  denominator: z.object({ value: z.number(), elements: z.array(SourceElement) }),
  indicators: z.array(
    z.object({
      key: indicatorKey,
      name: z.string(),
      unit: z.string(),
      multiplier: z.number(),
      value: z.number(),
      threshold: z.number(),
      /** 85% of the threshold (the 余项 floor). */
      partialThreshold: z.number(),
      met: z.boolean(),
      reachesPartial: z.boolean(),
      numerator: z.object({ value: z.number(), elements: z.array(SourceElement) }),
    }),
  ),
  sources: z.array(StatsSource),
  /** The cheapest additions that make the part pass (null when it passes). */
  fix: z
    .object({
      leftAtPartial: indicatorKey.nullable(),
      additions: z.array(PlannedAddition),
      cost: z.number(),
    })
    .nullable(),
});
export type BalanceSchoolExplain = z.infer<typeof BalanceSchoolExplain>;

/** GET /api/evaluations/balance/unit-costs: the default cost per planning unit. */
export const UnitCostDefaults = z.object({
  items: z.array(
    z.object({ indicator: indicatorKey, name: z.string(), planUnit: z.string(), cost: z.number() }),
  ),
});
export type UnitCostDefaults = z.infer<typeof UnitCostDefaults>;

const nonNegative = z.number().nonnegative({ error: "数值不能为负" });
const schoolCode = z.string().trim().min(1, { error: "请填写学校标识码" }).max(40);
const levelPair = z.strictObject({ primary: nonNegative, junior: nonNegative });

/** A school a scenario adds (规划新建学校): its type and figures. */
export const ScenarioNewSchool = z.strictObject({
  code: schoolCode,
  name: z.string().trim().min(1, { error: "请填写学校名称" }).max(100),
  schoolType: z.enum(["primary", "junior", "nineYear", "twelveYear", "completeSecondary", "teachingPoint"]),
  students: z.strictObject({ primary: nonNegative, junior: nonNegative, senior: nonNegative }),
  qualifiedTeachers: levelPair,
  backboneTeachers: levelPair,
  peArtTeachers: levelPair,
  teachingFloorArea: nonNegative,
  sportsArea: nonNegative,
  equipmentValue: nonNegative,
  multimediaClassrooms: nonNegative,
});
export type ScenarioNewSchool = z.infer<typeof ScenarioNewSchool>;

/** One change of a scenario (what-if on the county's figures). */
export const ScenarioChangeInput = z.discriminatedUnion("kind", [
  /** Set a figure to a value. */
  z.strictObject({
    kind: z.literal("set"),
    schoolCode,
    field: z.enum([...RESOURCE_INDICATOR_VALUES, "students"]),
    level: z.enum(["primary", "junior", "senior"]).optional(),
    value: nonNegative,
  }),
  /** Add to a figure (e.g. 3 more teachers): the planning form of "set". */
  z.strictObject({
    kind: z.literal("add"),
    schoolCode,
    field: z.enum([...RESOURCE_INDICATOR_VALUES, "students"]),
    level: z.enum(["primary", "junior", "senior"]).optional(),
    amount: z.number(),
  }),
  z.strictObject({ kind: z.literal("add-school"), school: ScenarioNewSchool }),
  z.strictObject({ kind: z.literal("remove-school"), schoolCode }),
  z.strictObject({
    kind: z.literal("merge-schools"),
    intoCode: schoolCode,
    fromCodes: z.array(schoolCode).min(1).max(50),
    schoolType: z.enum(["primary", "junior", "nineYear", "twelveYear", "completeSecondary"]).optional(),
  }),
]);
export type ScenarioChangeInput = z.infer<typeof ScenarioChangeInput>;

/** POST /api/evaluations/scenarios and PUT …/:id */
export const ScenarioBody = z.strictObject({
  name: z.string().trim().min(1, { error: "请填写情景名称" }).max(100),
  orgUnitId,
  year,
  policy: z.enum(TEACHING_POINT_POLICY_VALUES).optional(),
  note: z.string().max(2000).optional(),
  changes: z.array(ScenarioChangeInput).max(500),
});
export type ScenarioBody = z.infer<typeof ScenarioBody>;

/** A saved scenario. */
export const Scenario = z.object({
  id: z.uuid(),
  name: z.string(),
  orgUnitId: z.uuid(),
  year: z.number().int(),
  policy: z.enum(TEACHING_POINT_POLICY_VALUES),
  note: z.string(),
  changes: z.array(ScenarioChangeInput),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type Scenario = z.infer<typeof Scenario>;

/** GET /api/evaluations/scenarios?orgUnitId=&year= */
export const ScenarioListQuery = z.object({ orgUnitId, year: year.optional() });
export type ScenarioListQuery = z.infer<typeof ScenarioListQuery>;

/** The saved scenarios of a unit, newest first. */
export const ScenarioList = z.object({ items: z.array(Scenario) });
export type ScenarioList = z.infer<typeof ScenarioList>;

/** POST /api/evaluations/scenarios/evaluate: an unsaved change list. */
export const ScenarioEvaluateBody = z.strictObject({
  orgUnitId,
  year,
  policy: z.enum(TEACHING_POINT_POLICY_VALUES).optional(),
  ruleSet: ruleSet.optional(),
  changes: z.array(ScenarioChangeInput).max(500),
});
export type ScenarioEvaluateBody = z.infer<typeof ScenarioEvaluateBody>;

const verdicts = z.object({ schoolsPass: z.boolean(), cvPass: z.boolean(), resourcePass: z.boolean() });
const cvSide = z.object({ mean: z.number().nullable(), cv: z.number().nullable(), cvPass: z.boolean() });

/** Before/after of a scenario, side by side. */
export const ScenarioComparison = z.object({
  orgUnit: orgUnitHead,
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  teachingPointPolicy: z.enum(TEACHING_POINT_POLICY_VALUES),
  indicators: z.array(
    z.object({
      level,
      indicator: indicatorKey,
      name: z.string(),
      limit: z.number(),
      before: cvSide,
      after: cvSide,
      cvChange: z.number().nullable(),
    }),
  ),
  changedSchools: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      level,
      before: z.boolean().nullable(),
      after: z.boolean().nullable(),
    }),
  ),
  schoolsFailing: z.object({ before: z.number().int(), after: z.number().int() }),
  before: verdicts,
  after: verdicts,
  issues: z.array(EvaluationIssue),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;

/** `:id` of a saved scenario. */
export const ScenarioIdParams = z.object({ id: z.uuid({ error: "情景编号无效" }) });
export type ScenarioIdParams = z.infer<typeof ScenarioIdParams>;

/** DELETE /api/evaluations/scenarios/:id answer. */
export const ScenarioDeleted = z.object({ deleted: z.literal(true) });
export type ScenarioDeleted = z.infer<typeof ScenarioDeleted>;

/** Optional rule set for evaluating a saved scenario. */
export const ScenarioEvaluateQuery = z.object({ ruleSet: ruleSet.optional() });
export type ScenarioEvaluateQuery = z.infer<typeof ScenarioEvaluateQuery>;
