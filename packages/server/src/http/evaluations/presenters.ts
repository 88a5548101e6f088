/**
 * How the 优质均衡 evaluation resources look over HTTP: the 资源配置 result, the pass plan, the default
 * unit costs, saved 情景 and their before/after comparison, and the 差异系数 and school-part explanations. Services hand back domain results and
 * rows; only this module shapes them into the contracts.
 */
import type {
  BalanceExplain,
  BalanceResult,
  BalanceSchoolExplain,
  EvaluationIssue,
  PassPlanResult,
  Scenario,
  ScenarioComparison,
  UnitCostDefaults,
} from "@luoshi/contracts";
import type { ScenarioRecord } from "@luoshi/db";
import type { Issue } from "@luoshi/domain";
import {
  balanceResultToJsonValue,
  type IndicatorMap,
  indicatorArray,
  type Level,
  mapIndicators,
  RESOURCE_INDICATOR_KEYS,
  RESOURCE_INDICATORS,
  type ResourceEvaluation,
  type RuleSet,
} from "@luoshi/domain/evaluation";
import {
  type BalanceContext,
  type BalancePassPlan,
  PASS_PLAN_METHOD,
} from "../../services/evaluation/evaluation.service.ts";
import type {
  DifferenceCoefficientExplained,
  SchoolPartExplained,
} from "../../services/evaluation/evaluation-explain.service.ts";
import {
  type ScenarioEvaluation,
  savedChanges,
  savedPolicy,
} from "../../services/evaluation/evaluation-scenario.service.ts";

/** Domain issues as the contracts carry them (a `where` without its undefined fields). */
export function presentIssues(issues: readonly Issue[]): EvaluationIssue[] {
  return issues.map((i) => {
    const where =
      i.where === undefined
        ? undefined
        : (Object.fromEntries(Object.entries(i.where).filter(([, v]) => v !== undefined)) as Record<
            string,
            string | number
          >);
    return { code: i.code, severity: i.severity, message: i.message, ...(where ? { where } : {}) };
  });
}

/** The rule set as results name it. */
export function presentRuleSet(r: RuleSet): { id: string; version: string; name: string } {
  return { id: r.id, version: r.version, name: r.name };
}

/** What every 资源配置 answer starts with: the unit, year, rule set and 教学点 policy. */
function presentHead(c: BalanceContext) {
  return {
    orgUnit: c.orgUnit,
    year: c.year,
    ruleSet: presentRuleSet(c.ruleSet),
    teachingPointPolicy: c.teachingPointPolicy,
  };
}

/** A county's 资源配置 evaluation: per 学段 CVs and thresholds, every school part, the verdicts. */
export function presentBalance(c: BalanceContext, evaluation: ResourceEvaluation): BalanceResult {
  const json = balanceResultToJsonValue(evaluation);
  const level = (l: Level) => {
    const e = evaluation.levels[l];
    return {
      schoolCount: e.schoolCount,
      students: e.students,
      cvLimit: c.ruleSet.thresholds[`resource.cvLimit.${l}`],
      thresholds: indicatorArray(mapIndicators((k) => c.ruleSet.thresholds[`resource.${l}.${k}`])),
      ...json[l],
    };
  };
  return {
    ...presentHead(c),
    indicators: RESOURCE_INDICATOR_KEYS.map((key) => ({
      key,
      name: RESOURCE_INDICATORS[key].name,
      unit: RESOURCE_INDICATORS[key].unit,
    })),
    primary: level("primary"),
    junior: level("junior"),
    schools: json.schools.map((s) => ({ ...s, name: c.names.get(s.code) ?? s.code })),
    excluded: evaluation.excluded.map((e) => ({ ...e })),
    schoolsPass: evaluation.isSchoolsPass,
    cvPass: evaluation.isCvPass,
    resourcePass: json.resourcePass,
    issues: presentIssues([...c.issues, ...evaluation.issues]),
  };
}

/** The county pass plan: each addition in planning units with its cost, and the re-evaluated verdicts. */
export function presentPassPlan(r: BalancePassPlan): PassPlanResult {
  const { plan } = r;
  return {
    ...presentHead(r),
    unitCosts: r.unitCosts,
    additions: plan.additions.map((a) => ({
      schoolCode: a.schoolCode,
      schoolName: r.names.get(a.schoolCode) ?? a.schoolCode,
      indicator: a.indicator,
      ...(a.level === undefined ? {} : { level: a.level }),
      amount: a.amount,
      planUnit: RESOURCE_INDICATORS[a.indicator].planUnit,
      cost: a.cost,
      reason: a.reason,
    })),
    totalCost: plan.totalCost,
    costByIndicator: plan.costByIndicator,
    wasPass: plan.before.isResourcePass,
    isPass: plan.isPass,
    after: {
      schoolsPass: plan.after.isSchoolsPass,
      cvPass: plan.after.isCvPass,
      resourcePass: plan.after.isResourcePass,
    },
    method: PASS_PLAN_METHOD,
    issues: presentIssues([...r.issues, ...plan.issues]),
  };
}

/** The default unit costs with each indicator's name and planning unit, in indicator order. */
export function presentUnitCosts(costs: IndicatorMap<number>): UnitCostDefaults {
  return {
    items: RESOURCE_INDICATOR_KEYS.map((indicator) => ({
      indicator,
      name: RESOURCE_INDICATORS[indicator].name,
      planUnit: RESOURCE_INDICATORS[indicator].planUnit,
      cost: costs[indicator],
    })),
  };
}

/** A saved 情景 with who created and last changed it. */
export function presentScenario(r: ScenarioRecord): Scenario {
  return {
    id: r.id,
    name: r.name,
    orgUnitId: r.org_unit_id,
    year: r.year,
    policy: savedPolicy(r),
    note: r.note,
    changes: savedChanges(r),
    createdBy: r.createdByName,
    createdAt: new Date(r.created_at).toISOString(),
    updatedBy: r.updatedByName,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** A 情景 evaluated: every CV before and after, the school parts whose verdict changed, the verdicts. */
export function presentScenarioComparison(e: ScenarioEvaluation): ScenarioComparison {
  const { county, before, after, comparison } = e;
  const verdicts = (v: ResourceEvaluation) => ({
    schoolsPass: v.isSchoolsPass,
    cvPass: v.isCvPass,
    resourcePass: v.isResourcePass,
  });
  return {
    orgUnit: county.orgUnit,
    year: county.year,
    ruleSet: presentRuleSet(county.ruleSet),
    teachingPointPolicy: county.teachingPointPolicy,
    indicators: comparison.indicators.map((i) => ({
      level: i.level,
      indicator: i.indicator,
      name: RESOURCE_INDICATORS[i.indicator].name,
      limit: county.ruleSet.thresholds[`resource.cvLimit.${i.level}`],
      before: { mean: i.before.mean, cv: i.before.cv, cvPass: i.before.isCvPass },
      after: { mean: i.after.mean, cv: i.after.cv, cvPass: i.after.isCvPass },
      cvChange: i.cvChange,
    })),
    changedSchools: comparison.changedSchools.map((s) => ({ ...s, name: e.names.get(s.code) ?? s.code })),
    schoolsFailing: comparison.schoolsFailing,
    before: verdicts(before),
    after: verdicts(after),
    issues: presentIssues(e.issues),
  };
}

/** One 差异系数 explained: the indicator, the 学段 statistics and each school part's contribution. */
export function presentDifferenceCoefficient(e: DifferenceCoefficientExplained): BalanceExplain {
  const { stats } = e;
  const def = RESOURCE_INDICATORS[e.indicator];
  return {
    ...presentHead(e.county),
    level: e.level,
    indicator: { key: e.indicator, name: def.name, unit: def.unit, multiplier: def.multiplier },
    threshold: stats.threshold,
    limit: stats.limit,
    schoolCount: stats.schoolCount,
    numerator: stats.numerator,
    denominator: stats.denominator,
    mean: stats.mean,
    variance: stats.variance,
    sd: stats.sd,
    cv: stats.cv,
    cvPass: stats.isCvPass,
    contributionSum: e.contributionSum,
    schools: e.schools,
  };
}

/** One school part explained: each indicator's value down to its data elements, the imports, the fix. */
export function presentSchoolPart(e: SchoolPartExplained): BalanceSchoolExplain {
  const { county, part, fix } = e;
  const thresholds = county.ruleSet.thresholds;
  const factor = thresholds["resource.partialFactor"];
  return {
    ...presentHead(county),
    code: part.code,
    name: county.names.get(part.code) ?? part.name,
    schoolType: e.schoolType,
    part: part.level,
    facilityShare: part.facilityShare,
    mergedFrom: [...part.mergedFrom],
    pass: part.isPass,
    metCount: part.metCount,
    denominator: { value: part.students, elements: e.denominatorElements },
    indicators: RESOURCE_INDICATOR_KEYS.map((key) => {
      const def = RESOURCE_INDICATORS[key];
      const threshold = thresholds[`resource.${part.level}.${key}`];
      return {
        key,
        name: def.name,
        unit: def.unit,
        multiplier: def.multiplier,
        value: part.values[key],
        threshold,
        partialThreshold: threshold * factor,
        met: part.met[key],
        reachesPartial: part.reachesPartial[key],
        numerator: { value: part.quantities[key], elements: e.numeratorElements[key] },
      };
    }),
    sources: e.sources.map((r) => ({
      schoolCode: r.code,
      schoolName: r.name,
      fileName: r.fileName,
      importedBy: r.importedBy,
      importedAt: new Date(r.importedAt).toISOString(),
    })),
    fix:
      fix === undefined
        ? null
        : {
            leftAtPartial: fix.leftAtPartial,
            additions: fix.additions.map((a) => ({
              indicator: a.indicator,
              ...(a.level === undefined ? {} : { level: a.level }),
              amount: a.amount,
              planUnit: RESOURCE_INDICATORS[a.indicator].planUnit,
              cost: a.cost,
            })),
            cost: fix.cost,
          },
  };
}
