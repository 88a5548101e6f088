/**
 * 优质均衡 资源配置 over the API: the evaluation, its explanations (差异系数 and one school part), the
 * pass plan, the default unit costs and saved 情景模拟.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  BalanceExplain,
  BalanceResult,
  BalanceSchoolExplain,
  PassPlanResult,
  Scenario,
  ScenarioComparison,
  ScenarioList,
  UnitCostDefaults,
} from "@luoshi/contracts";
import type {
  PassPlanBody,
  RESOURCE_INDICATOR_VALUES,
  ScenarioBody,
  ScenarioEvaluateBody,
  TEACHING_POINT_POLICY_VALUES,
} from "@luoshi/contracts";
import { getJson, postJson, request } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

/** 教学点 policy. */
export type Policy = (typeof TEACHING_POINT_POLICY_VALUES)[number];
/** One of the 7 资源配置 indicators. */
export type IndicatorKey = (typeof RESOURCE_INDICATOR_VALUES)[number];
/** 学段 of the resource part. */
export type Level = "primary" | "junior";

/** What every balance request names: the unit, the year and the 教学点 policy. */
export interface BalanceKey {
  orgUnitId: string;
  year: number;
  policy: Policy;
}

const KEY = ["evaluations", "balance"] as const;
const SCENARIOS = ["evaluations", "scenarios"] as const;

/** `GET /api/evaluations/balance`. */
export function useBalance(k: BalanceKey) {
  return useQuery({
    queryKey: [...KEY, k.orgUnitId, k.year, k.policy],
    queryFn: ({ signal }) =>
      getJson(`/api/evaluations/balance${toQueryString({ ...k })}`, BalanceResult, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** `GET /api/evaluations/balance/explain` for one 学段 and indicator (disabled while `target` is null). */
export function useCvExplain(k: BalanceKey, target: { level: Level; indicator: IndicatorKey } | null) {
  return useQuery({
    queryKey: [...KEY, "explain", k.orgUnitId, k.year, k.policy, target?.level, target?.indicator],
    queryFn: ({ signal }) =>
      getJson(
        `/api/evaluations/balance/explain${toQueryString({ ...k, level: target?.level, indicator: target?.indicator })}`,
        BalanceExplain,
        signal,
      ),
    enabled: target !== null,
    retry: false,
  });
}

/** `GET /api/evaluations/balance/school` for one school part (disabled while `target` is null). */
export function useSchoolExplain(k: BalanceKey, target: { code: string; part: Level } | null) {
  return useQuery({
    queryKey: [...KEY, "school", k.orgUnitId, k.year, k.policy, target?.code, target?.part],
    queryFn: ({ signal }) =>
      getJson(
        `/api/evaluations/balance/school${toQueryString({ ...k, code: target?.code, part: target?.part })}`,
        BalanceSchoolExplain,
        signal,
      ),
    enabled: target !== null,
    retry: false,
  });
}

/** `GET /api/evaluations/balance/unit-costs`: the default cost per planning unit. */
export function useUnitCostDefaults() {
  return useQuery({
    queryKey: [...KEY, "unit-costs"],
    queryFn: ({ signal }) => getJson("/api/evaluations/balance/unit-costs", UnitCostDefaults, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** `POST /api/evaluations/balance/pass-plan`. */
export function usePassPlan() {
  return useMutation({
    mutationFn: (body: PassPlanBody) => postJson("/api/evaluations/balance/pass-plan", body, PassPlanResult),
  });
}

/** Saved scenarios of a unit and year. */
export function useScenarios(orgUnitId: string, year: number) {
  return useQuery({
    queryKey: [...SCENARIOS, orgUnitId, year],
    queryFn: ({ signal }) =>
      getJson(`/api/evaluations/scenarios${toQueryString({ orgUnitId, year })}`, ScenarioList, signal),
  });
}

/** Creates (no id) or replaces (id) a saved scenario. */
export function useSaveScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ScenarioBody }) =>
      id === undefined
        ? postJson("/api/evaluations/scenarios", body, Scenario)
        : request("PUT", `/api/evaluations/scenarios/${encodeURIComponent(id)}`, { body, schema: Scenario }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SCENARIOS }),
  });
}

/** Deletes a saved scenario. */
export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request("DELETE", `/api/evaluations/scenarios/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SCENARIOS }),
  });
}

/** Evaluates a change list (saved or not): before and after side by side. */
export function useEvaluateScenario() {
  return useMutation({
    mutationFn: (body: ScenarioEvaluateBody) =>
      postJson("/api/evaluations/scenarios/evaluate", body, ScenarioComparison),
  });
}
