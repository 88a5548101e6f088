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
  RULE_SETS,
  type RuleSet,
  type TeachingPointPolicy,
} from "@luoshi/domain/evaluation";
import type { Issue } from "@luoshi/domain";
import { SCHOOL_TYPE_LEVELS } from "@luoshi/domain/stats";
import type { SchoolType } from "@luoshi/domain/org";
import { orgUnitRepo, statsRepo } from "@luoshi/db";
import { AppError } from "../errors.ts";
import type { Actor, ServiceDeps } from "../context.ts";
import { assertInScope } from "./scope.ts";
import { authorize } from "./user.service.ts";

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

function findRuleSet(id: string | undefined): RuleSet {
  const found = RULE_SETS.find((r) => r.id === (id ?? "cn-national"));
  if (found === undefined) {
    throw new AppError("bad-request", `没有这个规则集：${id ?? ""}`, {
      ruleSets: RULE_SETS.map((r) => r.id),
    });
  }
  return found;
}

async function loadCounty(deps: ServiceDeps, actor: Actor, input: BalanceInput): Promise<BalanceContext> {
  authorize(actor, "evaluation.read");
  const ruleSet = findRuleSet(input.ruleSetId);
  const { db } = deps.handle;
  const unit = await orgUnitRepo.findById(db, input.orgUnitId);
  if (unit === undefined) {
    throw new AppError("not-found", "没有这个单位");
  }
  assertInScope(actor, unit);
  const { year } = input;
  const [rows, stats] = await Promise.all([
    db
      .selectFrom("org_units as s")
      .leftJoin("org_units as p", "p.id", "s.parent_school_id")
      .select(["s.code as code", "s.name as name", "s.school_type as schoolType", "p.code as parentCode"])
      .where("s.path", "like", `${unit.path}%`)
      .where("s.kind", "=", "school")
      .where("s.school_type", "in", EVALUATED_TYPES)
      .orderBy("s.code")
      .execute(),
    statsRepo.listInScope(db, "school_stats", unit.path, year, year),
  ]);
  const valuesByCode = new Map(stats.map((s) => [s.code, s.values]));
  const schools: BalanceSchool[] = [];
  const issues: Issue[] = [];
  const names = new Map<string, string>();
  for (const r of rows) {
    names.set(r.code, r.name);
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
        schoolType: r.schoolType as SchoolType,
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
  const county = await loadCounty(deps, actor, input);
  const evaluation = evaluateResources(county.schools, {
    ruleSet: county.ruleSet,
    teachingPointPolicy: county.teachingPointPolicy,
  });
  return { ...county, evaluation };
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
