/** 单位名称规则: the county's renamed agencies and unit groups, read and saved whole. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UnitNameRulesView } from "@luoshi/contracts";
import type { UnitNameRules } from "@luoshi/contracts";
import { getJson, request } from "../../../lib/api.ts";

const RULES = "/api/plans/unit-name-rules";
const rulesKey = ["plans", "unit-name-rules"] as const;

/** `GET /api/plans/unit-name-rules` — asked for only while the editor is open. */
export function useUnitNameRules(enabled: boolean) {
  return useQuery({
    queryKey: rulesKey,
    queryFn: ({ signal }) => getJson(RULES, UnitNameRulesView, signal),
    enabled,
  });
}

/**
 * `PUT /api/plans/unit-name-rules`. A draft plan resolves its names with the rules when it is read, so
 * every plan query is refreshed after a save.
 */
export function useSaveUnitNameRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rules: UnitNameRules) => request("PUT", RULES, { body: rules, schema: UnitNameRulesView }),
    onSuccess: (view) => {
      queryClient.setQueryData(rulesKey, view);
      return queryClient.invalidateQueries({ queryKey: ["plans", "detail"] });
    },
  });
}
