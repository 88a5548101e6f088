/**
 * 目标监测 and 指标目录 over the API: the monitored targets of a unit, confirming a target's indicator,
 * the catalogue and the custom indicators users define.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  CatalogueEntry,
  FormulaCheckResult,
  IndicatorCatalogue,
  TargetLinkResult,
  TargetMonitorList,
} from "@luoshi/contracts";
import type { CustomIndicatorBody, CustomIndicatorPatch } from "@luoshi/contracts";
import { getJson, postJson, request } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

const MONITOR = ["targets", "monitor"] as const;
const CATALOGUE = ["indicators", "catalogue"] as const;

/** `GET /api/targets/monitor`. */
export function useTargetMonitor(orgUnitId: string, year: number) {
  return useQuery({
    queryKey: [...MONITOR, orgUnitId, year],
    queryFn: ({ signal }) =>
      getJson(`/api/targets/monitor${toQueryString({ orgUnitId, year })}`, TargetMonitorList, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** `PUT /api/targets/:id/link` — confirm or change a target's indicator; the monitor reloads. */
export function useLinkTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, indicatorCode }: { targetId: string; indicatorCode: string | null }) =>
      request("PUT", `/api/targets/${targetId}/link`, { body: { indicatorCode }, schema: TargetLinkResult }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MONITOR }),
  });
}

/** `GET /api/indicators/catalogue`. */
export function useIndicatorCatalogue() {
  return useQuery({
    queryKey: CATALOGUE,
    queryFn: ({ signal }) => getJson("/api/indicators/catalogue", IndicatorCatalogue, signal),
    staleTime: 60_000,
  });
}

/** `POST /api/indicators/custom/check` — validate a formula as it is typed. */
export function checkFormula(formula: string) {
  return postJson("/api/indicators/custom/check", { formula }, FormulaCheckResult);
}

const refreshAfterDefine = async (queryClient: ReturnType<typeof useQueryClient>) => {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: CATALOGUE }),
    queryClient.invalidateQueries({ queryKey: MONITOR }),
  ]);
};

/** `POST /api/indicators/custom`. */
export function useCreateCustomIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomIndicatorBody) => postJson("/api/indicators/custom", body, CatalogueEntry),
    onSuccess: () => refreshAfterDefine(queryClient),
  });
}

/** `PATCH /api/indicators/custom/:code` (change, or deactivate with `active: false`). */
export function usePatchCustomIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, patch }: { code: string; patch: CustomIndicatorPatch }) =>
      request("PATCH", `/api/indicators/custom/${encodeURIComponent(code)}`, {
        body: patch,
        schema: CatalogueEntry,
      }),
    onSuccess: () => refreshAfterDefine(queryClient),
  });
}
