import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BalanceQuery,
  BalanceResult,
  type EvaluationIssue,
  PassPlanBody,
  PassPlanResult,
} from "@luoshi/contracts";
import type { Issue } from "@luoshi/domain";
import {
  balanceResultToJsonValue,
  indicatorArray,
  type Level,
  mapIndicators,
  RESOURCE_INDICATOR_KEYS,
  RESOURCE_INDICATORS,
  type ResourceEvaluation,
} from "@luoshi/domain/evaluation";
import type { ServiceDeps } from "../../context.ts";
import { type BalanceContext, balancePassPlan, evaluateBalance } from "../../services/evaluation.service.ts";
import { sessionOf } from "../auth-hook.ts";

const tags = ["优质均衡评估"];

function presentIssues(issues: readonly Issue[]): EvaluationIssue[] {
  return issues.map((i) => {
    const where =
      i.where === undefined
        ? undefined
        : Object.fromEntries(Object.entries(i.where).filter(([, v]) => v !== undefined));
    return {
      code: i.code,
      severity: i.severity,
      message: i.message,
      ...(where ? { where } : {}),
    } as EvaluationIssue;
  });
}

function presentHead(c: BalanceContext) {
  return {
    orgUnit: c.orgUnit,
    year: c.year,
    ruleSet: { id: c.ruleSet.id, version: c.ruleSet.version, name: c.ruleSet.name },
    teachingPointPolicy: c.teachingPointPolicy,
  };
}

function presentBalance(c: BalanceContext, evaluation: ResourceEvaluation): BalanceResult {
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

/** 优质均衡 资源配置: /api/evaluations/balance and its pass plan. */
export function evaluationRoutes(deps: ServiceDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/balance",
      {
        schema: {
          tags,
          summary: "县域义务教育优质均衡 资源配置评估（差异系数与每校达标）",
          querystring: BalanceQuery,
          response: { 200: BalanceResult },
        },
      },
      async (request) => {
        const { orgUnitId, year, policy, ruleSet } = request.query;
        const r = await evaluateBalance(deps, sessionOf(request).actor, {
          orgUnitId,
          year,
          ...(policy === undefined ? {} : { policy }),
          ...(ruleSet === undefined ? {} : { ruleSetId: ruleSet }),
        });
        return presentBalance(r, r.evaluation);
      },
    );

    app.post(
      "/balance/pass-plan",
      {
        schema: {
          tags,
          summary: "达标方案：每校每项指标需增加的配置与总费用（按设定单价），并复核是否达标",
          body: PassPlanBody,
          response: { 200: PassPlanResult },
        },
      },
      async (request): Promise<PassPlanResult> => {
        const { orgUnitId, year, policy, ruleSet, unitCosts } = request.body;
        const r = await balancePassPlan(deps, sessionOf(request).actor, {
          orgUnitId,
          year,
          ...(policy === undefined ? {} : { policy }),
          ...(ruleSet === undefined ? {} : { ruleSetId: ruleSet }),
          ...(unitCosts === undefined ? {} : { unitCosts }),
        });
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
          issues: presentIssues([...r.issues, ...plan.issues]),
        };
      },
    );
  };
}
