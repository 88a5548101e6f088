/**
 * 优质均衡 资源配置 over stored statistics (spec §1.1a/§1.1b): the schools below an org unit and their
 * figures for one 统计年度, loaded in two queries (never one per school), evaluated by the domain, and
 * the county pass plan under user-set unit costs.
 */
import {
  type BalanceSchool,
  balanceSchoolFromStatistics,
  DEFAULT_UNIT_COSTS,
  evaluateResources,
  type IndicatorMap,
  type PassPlan,
  planCountyPass,
  type ResourceEvaluation,
  type RuleSet,
  type TeachingPointPolicy,
} from "@luoshi/domain/evaluation";
import type { Issue } from "@luoshi/domain";
import { type ElementValues, SCHOOL_TYPE_LEVELS } from "@luoshi/domain/stats";
import type { SchoolType } from "@luoshi/domain/org";
import { evaluationRepo, scopeOf, statsRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { findEvaluatedArea } from "./evaluated-area.ts";
import { authorize } from "../access/authorize.ts";
import { findRuleSet, provinceRuleSet } from "./rule-set.ts";
import { byStatisticsVersion } from "../statistics/computed-cache.ts";

/** What to evaluate: an org unit (usually a county), a 统计年度 and optional rule choices. */
export interface BalanceInput {
  orgUnitId: string;
  year: number;
  /** 教学点 policy; the rule set's own when absent. */
  policy?: TeachingPointPolicy;
  /** Rule set id (`cn-national`, …); the national set when absent. */
  ruleSetId?: string;
}

/** The loaded county: its unit, the rule set chosen, the schools as the evaluation reads them. */
export interface BalanceContext {
  orgUnit: { id: string; code: string; name: string };
  year: number;
  ruleSet: RuleSet;
  teachingPointPolicy: TeachingPointPolicy;
  schools: BalanceSchool[];
  /** School names by 学校标识码. */
  names: Map<string, string>;
  /** Missing elements and schools without a record for the year. */
  issues: Issue[];
  /** Each school's stored figures for the year by 学校标识码 (for explanations). */
  values: Map<string, ElementValues>;
  /** Org unit ids by 学校标识码. */
  unitIds: Map<string, string>;
}

/** A county's 资源配置 evaluation with what it was computed from. */
export interface BalanceEvaluation extends BalanceContext {
  evaluation: ResourceEvaluation;
}

/** A county pass plan with what it was computed from. */
export interface BalancePassPlan extends BalanceContext {
  unitCosts: IndicatorMap<number>;
  plan: PassPlan;
}

/** School types with a 小学 or 初中 学段: the ones the resource part evaluates. */
const EVALUATED_TYPES = (Object.keys(SCHOOL_TYPE_LEVELS) as SchoolType[]).filter((t) =>
  SCHOOL_TYPE_LEVELS[t].some((l) => l === "primary" || l === "junior"),
);

/** The packed read's `[unitId, values, unitId, values, …]` per year as values by unit id. */
function unpackValues(years: readonly { json: string }[]): Map<string, ElementValues> {
  const out = new Map<string, ElementValues>();
  for (const { json } of years) {
    const flat = JSON.parse(json) as unknown[];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      out.set(flat[i] as string, flat[i + 1] as ElementValues);
    }
  }
  return out;
}

/**
 * Loads the schools below `input.orgUnitId` with their figures for the year (two queries). Needs
 * `evaluation.read` and the unit in scope; 400 for an unknown rule set, 404 without statistics.
 */
export async function loadCounty(
  deps: ServiceDeps,
  actor: Actor,
  input: BalanceInput,
): Promise<BalanceContext> {
  authorize(actor, "evaluation.read");
  findRuleSet(input.ruleSetId); // an unknown rule set is refused before anything is read
  const { db } = deps.handle;
  const unit = await findEvaluatedArea(db, actor, input.orgUnitId);
  // Without a rule set named, the province's own (its 教学点 policy, as the indicators use it).
  const ruleSet = findRuleSet(input.ruleSetId, await provinceRuleSet(db, unit));
  const { year } = input;
  const [rows, stats] = await Promise.all([
    // The unit was checked to lie in the actor's scope: its subtree is what the evaluation reads.
    // The schools as they were that year (docs/org-units.md): a school merged later still counts.
    evaluationRepo.listBalanceSchools(db, scopeOf(unit.path), EVALUATED_TYPES, year),
    // One JSON text for the year: on the embedded database one row per school costs more than its values.
    statsRepo.listPackedInScope(db, "school_stats", scopeOf(unit.path), year, year),
  ]);
  const valuesById = unpackValues(stats);
  const valuesByCode = new Map<string, ElementValues>();
  for (const r of rows) {
    const v = valuesById.get(r.id);
    if (v !== undefined) {
      valuesByCode.set(r.code, v);
    }
  }
  const schools: BalanceSchool[] = [];
  const issues: Issue[] = [];
  const names = new Map<string, string>();
  const unitIds = new Map<string, string>();
  for (const r of rows) {
    names.set(r.code, r.name);
    unitIds.set(r.code, r.id);
    const values = valuesByCode.get(r.code);
    if (values === undefined) {
      issues.push({
        code: "school-without-statistics",
        severity: "warning",
        message: `学校 ${r.code}（${r.name}）没有 ${String(year)} 年的统计数据，未参与计算`,
        where: { schoolId: r.code },
      });
      continue;
    }
    const mapped = balanceSchoolFromStatistics(
      {
        code: r.code,
        name: r.name,
        schoolType: r.schoolType,
        ...(r.parentCode === null ? {} : { parentCode: r.parentCode }),
      },
      values,
    );
    schools.push(mapped.school);
    issues.push(...mapped.issues);
  }
  if (schools.length === 0) {
    throw new AppError("not-found", `${unit.name}没有 ${String(year)} 年的学校统计数据`);
  }
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    year,
    ruleSet,
    teachingPointPolicy: input.policy ?? ruleSet.teachingPointPolicy,
    schools,
    names,
    issues,
    values: valuesByCode,
    unitIds,
  };
}

/**
 * 资源配置 evaluation of the schools below `orgUnitId` in `year`. Needs `evaluation.read`; a unit outside
 * the actor's scope is 403, an unknown rule set 400, a unit without statistics for the year 404.
 */
export async function evaluateBalance(
  deps: ServiceDeps,
  actor: Actor,
  input: BalanceInput,
): Promise<BalanceEvaluation> {
  authorize(actor, "evaluation.read");
  const unit = await findEvaluatedArea(deps.handle.db, actor, input.orgUnitId);
  // The actor may read the unit (checked above); the evaluation is the same for everyone who may.
  const key = `balance|${unit.id}|${String(input.year)}|${input.ruleSetId ?? ""}|${input.policy ?? ""}`;
  return byStatisticsVersion(deps.handle.db, key, async () => {
    const county = await loadCounty(deps, actor, input);
    const evaluation = evaluateResources(county.schools, {
      ruleSet: county.ruleSet,
      teachingPointPolicy: county.teachingPointPolicy,
    });
    return { ...county, evaluation };
  });
}

/**
 * The county pass plan (spec §1.1a/§1.1b): additions per school and indicator in planning units under
 * `unitCosts` (absent ones keep {@link DEFAULT_UNIT_COSTS}), re-evaluated to prove it passes.
 */
export async function balancePassPlan(
  deps: ServiceDeps,
  actor: Actor,
  input: BalanceInput & { unitCosts?: Partial<IndicatorMap<number>> },
): Promise<BalancePassPlan> {
  const county = await loadCounty(deps, actor, input);
  const unitCosts: IndicatorMap<number> = { ...DEFAULT_UNIT_COSTS };
  for (const [key, cost] of Object.entries(input.unitCosts ?? {}) as [
    keyof IndicatorMap<number>,
    number | undefined,
  ][]) {
    if (cost !== undefined) {
      unitCosts[key] = cost;
    }
  }
  const plan = planCountyPass(county.schools, {
    ruleSet: county.ruleSet,
    teachingPointPolicy: county.teachingPointPolicy,
    unitCosts,
  });
  return { ...county, unitCosts, plan };
}

/** The pass plan's method in one paragraph, shown under every plan (see domain pass-plan.ts). */
export const PASS_PLAN_METHOD =
  "方法：先为每所未达标学校按单价选出最省的补足量（至少6项达标、余项不低于85%，可留在85%的一项选节省最多者）；" +
  "再对超限的差异系数按“注水法”把数值最低的学校抬到同一底线（二分查找满足限值的最低底线，同一单价下这是降低差异系数最省的方式）；" +
  "然后逐项从最贵的开始二分削减到仍达标的最小量；最后把全部增量加回原始数据重新评估以验证达标。结果为局部最优（任何一项都不能再减），不保证全局最优。";
