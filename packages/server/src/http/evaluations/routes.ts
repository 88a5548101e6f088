import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  BalanceExplain,
  BalanceExplainQuery,
  BalanceQuery,
  BalanceResult,
  BalanceSchoolExplain,
  BalanceSchoolQuery,
  PassPlanBody,
  PassPlanResult,
  Scenario,
  ScenarioBody,
  ScenarioComparison,
  ScenarioDeleted,
  ScenarioEvaluateBody,
  ScenarioEvaluateQuery,
  ScenarioIdParams,
  ScenarioList,
  ScenarioListQuery,
  UnitCostDefaults,
} from "@luoshi/contracts";
import type { ServiceDeps } from "../../context.ts";
import {
  type BalanceEvaluation,
  type BalanceInput,
  balancePassPlan,
  evaluateBalance,
} from "../../services/evaluation/evaluation.service.ts";
import {
  explainDifferenceCoefficient,
  explainSchoolPart,
} from "../../services/evaluation/evaluation-explain.service.ts";
import {
  createScenario,
  deleteScenario,
  evaluateSavedScenario,
  evaluateScenario,
  getScenario,
  listScenarios,
  updateScenario,
} from "../../services/evaluation/evaluation-scenario.service.ts";
import { defaultUnitCosts } from "../../services/evaluation/balance-unit-costs.service.ts";
import { sessionOf } from "../auth-hook.ts";
import {
  presentBalance,
  presentDifferenceCoefficient,
  presentPassPlan,
  presentScenario,
  presentScenarioComparison,
  presentSchoolPart,
  presentUnitCosts,
} from "./presenters.ts";

const tags = ["优质均衡评估"];

/**
 * Each kept evaluation's presentation (evaluateBalance keeps one per county, year and rules while the
 * statistics are unchanged): presented once and frozen, so that its checked JSON is kept with it
 * (kept-serializer.ts) instead of being built again on every request.
 */
const presented = new WeakMap<BalanceEvaluation, Readonly<BalanceResult>>();
function presentedBalance(r: BalanceEvaluation): Readonly<BalanceResult> {
  let out = presented.get(r);
  if (out === undefined) {
    out = Object.freeze(presentBalance(r, r.evaluation));
    presented.set(r, out);
  }
  return out;
}

function balanceInput(q: BalanceQuery): BalanceInput {
  return {
    orgUnitId: q.orgUnitId,
    year: q.year,
    ...(q.policy === undefined ? {} : { policy: q.policy }),
    ...(q.ruleSet === undefined ? {} : { ruleSetId: q.ruleSet }),
  };
}

/**
 * 优质均衡 资源配置: /api/evaluations/balance, its explanations (差异系数 and school), the pass plan and
 * saved 情景模拟 with before/after evaluation.
 */
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
        return presentedBalance(r);
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
        return presentPassPlan(r);
      },
    );

    app.get(
      "/balance/explain",
      {
        schema: {
          tags,
          summary: "差异系数解释：每校数值、权重（在校生占比）与对加权方差的贡献",
          querystring: BalanceExplainQuery,
          response: { 200: BalanceExplain },
        },
      },
      async (request) => {
        const { level, indicator, ...rest } = request.query;
        return presentDifferenceCoefficient(
          await explainDifferenceCoefficient(deps, sessionOf(request).actor, {
            ...balanceInput(rest),
            level,
            indicator,
          }),
        );
      },
    );

    app.get(
      "/balance/school",
      {
        schema: {
          tags,
          summary: "学校指标解释：分子分母及其统计数据来源，未达标学校的最小补足量",
          querystring: BalanceSchoolQuery,
          response: { 200: BalanceSchoolExplain },
        },
      },
      async (request) => {
        const { code, part, ...rest } = request.query;
        return presentSchoolPart(
          await explainSchoolPart(deps, sessionOf(request).actor, { ...balanceInput(rest), code, part }),
        );
      },
    );

    app.get(
      "/balance/unit-costs",
      { schema: { tags, summary: "达标方案的默认单价（元/计划单位）", response: { 200: UnitCostDefaults } } },
      async (request) => {
        return presentUnitCosts(defaultUnitCosts(sessionOf(request).actor));
      },
    );

    app.get(
      "/scenarios",
      {
        schema: {
          tags,
          summary: "已保存的情景",
          querystring: ScenarioListQuery,
          response: { 200: ScenarioList },
        },
      },
      async (request) => {
        const { orgUnitId, year } = request.query;
        const rows = await listScenarios(deps, sessionOf(request).actor, orgUnitId, year);
        return { items: rows.map(presentScenario) };
      },
    );

    app.post(
      "/scenarios",
      { schema: { tags, summary: "保存情景", body: ScenarioBody, response: { 200: Scenario } } },
      async (request) => presentScenario(await createScenario(deps, sessionOf(request).actor, request.body)),
    );

    app.post(
      "/scenarios/evaluate",
      {
        schema: {
          tags,
          summary: "评估未保存的情景：变更前后对比",
          body: ScenarioEvaluateBody,
          response: { 200: ScenarioComparison },
        },
      },
      async (request) => {
        const { changes, ...rest } = request.body;
        return presentScenarioComparison(
          await evaluateScenario(deps, sessionOf(request).actor, { ...balanceInput(rest), changes }),
        );
      },
    );

    app.get(
      "/scenarios/:id",
      { schema: { tags, summary: "情景详情", params: ScenarioIdParams, response: { 200: Scenario } } },
      async (request) =>
        presentScenario(await getScenario(deps, sessionOf(request).actor, request.params.id)),
    );

    app.put(
      "/scenarios/:id",
      {
        schema: {
          tags,
          summary: "修改情景",
          params: ScenarioIdParams,
          body: ScenarioBody,
          response: { 200: Scenario },
        },
      },
      async (request) =>
        presentScenario(
          await updateScenario(deps, sessionOf(request).actor, request.params.id, request.body),
        ),
    );

    app.delete(
      "/scenarios/:id",
      {
        schema: {
          tags,
          summary: "删除情景",
          params: ScenarioIdParams,
          response: { 200: ScenarioDeleted },
        },
      },
      async (request) => {
        await deleteScenario(deps, sessionOf(request).actor, request.params.id);
        return { deleted: true as const };
      },
    );

    app.post(
      "/scenarios/:id/evaluate",
      {
        schema: {
          tags,
          summary: "评估已保存的情景：变更前后对比",
          params: ScenarioIdParams,
          querystring: ScenarioEvaluateQuery,
          response: { 200: ScenarioComparison },
        },
      },
      async (request) =>
        presentScenarioComparison(
          await evaluateSavedScenario(
            deps,
            sessionOf(request).actor,
            request.params.id,
            request.query.ruleSet,
          ),
        ),
    );
  };
}
