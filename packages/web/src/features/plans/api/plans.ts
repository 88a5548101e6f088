/** 规划文件: import, review (draft edits), confirm, diff and export. Every edit answers with the whole plan. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlanDetail, PlanDiff, PlanList, PlanSource } from "@luoshi/contracts";
import type {
  PlanDocumentLevelBody,
  PlanImportBody,
  PlanNodePatch,
  PlanNodeSplitBody,
  PlanNodeUnitsBody,
  PlanSummary,
  PlanTargetBody,
  PlanTargetPatch,
  PlanUnitMapBody,
} from "@luoshi/contracts";
import { getJson, postJson, request } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

/** 状态: draft 草稿, confirmed 已确认, superseded 已被修订, discarded 已作废. */
export type PlanStatus = PlanSummary["status"];

/** Query keys: the list, one plan, its source text and its diff share the `plans` root. */
const planKeys = {
  all: ["plans"] as const,
  list: (status: PlanStatus | undefined) => ["plans", "list", status ?? "all"] as const,
  detail: (id: string) => ["plans", "detail", id] as const,
  source: (id: string) => ["plans", "source", id] as const,
  diff: (id: string) => ["plans", "diff", id] as const,
};

const base = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** `GET /api/plans?status=` */
export function usePlans(status?: PlanStatus) {
  return useQuery({
    queryKey: planKeys.list(status),
    queryFn: ({ signal }) => getJson(`/api/plans${toQueryString({ status })}`, PlanList, signal),
  });
}

/** `GET /api/plans/:id` — the plan with its tree and targets. */
export function usePlan(id: string, enabled = true) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => getJson(base(id), PlanDetail, signal),
    enabled: enabled && id !== "",
  });
}

/** `GET /api/plans/:id/source` — the text every span points into. It never changes, so keep it. */
export function usePlanSource(id: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.source(id),
    queryFn: ({ signal }) => getJson(`${base(id)}/source`, PlanSource, signal),
    enabled,
    staleTime: Infinity,
  });
}

/** `GET /api/plans/:id/diff` — only asked for when the draft revises a confirmed plan. */
export function usePlanDiff(id: string, enabled: boolean) {
  return useQuery({
    queryKey: planKeys.diff(id),
    queryFn: ({ signal }) => getJson(`${base(id)}/diff`, PlanDiff, signal),
    enabled,
  });
}

/** `POST /api/plans` — the file as base64; answers with the new draft. */
export function useImportPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanImportBody) => postJson("/api/plans", body, PlanDetail),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      return queryClient.invalidateQueries({ queryKey: ["plans", "list"] });
    },
  });
}

/** Every edit of a plan, each answering with the whole {@link PlanDetail}. */
export type PlanEdit =
  | { kind: "node"; nodeId: string; patch: PlanNodePatch }
  | { kind: "units"; nodeId: string; body: PlanNodeUnitsBody }
  | { kind: "merge"; nodeId: string }
  | { kind: "split"; nodeId: string; body: PlanNodeSplitBody }
  | { kind: "addTarget"; body: PlanTargetBody }
  | { kind: "editTarget"; targetId: string; patch: PlanTargetPatch }
  | { kind: "deleteTarget"; targetId: string }
  | { kind: "documentLevel"; body: PlanDocumentLevelBody }
  | { kind: "mapName"; body: PlanUnitMapBody }
  | { kind: "confirm" }
  | { kind: "discard" };

/** Sends one {@link PlanEdit} to its route. */
function sendPlanEdit(id: string, edit: PlanEdit): Promise<PlanDetail> {
  const plan = base(id);
  const node = (nodeId: string) => `${plan}/nodes/${encodeURIComponent(nodeId)}`;
  const target = (targetId: string) => `${plan}/targets/${encodeURIComponent(targetId)}`;
  const schema = PlanDetail;
  switch (edit.kind) {
    case "node":
      return request("PATCH", node(edit.nodeId), { body: edit.patch, schema });
    case "units":
      return request("PUT", `${node(edit.nodeId)}/units`, { body: edit.body, schema });
    case "merge":
      return request("POST", `${node(edit.nodeId)}/merge`, { body: {}, schema });
    case "split":
      return request("POST", `${node(edit.nodeId)}/split`, { body: edit.body, schema });
    case "addTarget":
      return request("POST", `${plan}/targets`, { body: edit.body, schema });
    case "editTarget":
      return request("PATCH", target(edit.targetId), { body: edit.patch, schema });
    case "deleteTarget":
      return request("DELETE", target(edit.targetId), { schema });
    case "documentLevel":
      return request("PUT", `${plan}/document-level`, { body: edit.body, schema });
    case "mapName":
      return request("POST", `${plan}/unit-names`, { body: edit.body, schema });
    case "confirm":
      return request("POST", `${plan}/confirm`, { body: {}, schema });
    case "discard":
      return request("POST", `${plan}/discard`, { body: {}, schema });
  }
}

/** One mutation for all edits of a plan: the answer replaces the cached plan at once. */
export function usePlanEdit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: PlanEdit) => sendPlanEdit(id, edit),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(id), plan);
      // Counts in the list and the diff follow every edit; neither is on screen while editing.
      void queryClient.invalidateQueries({ queryKey: planKeys.diff(id) });
      void queryClient.invalidateQueries({ queryKey: ["plans", "list"] });
    },
  });
}

/** Where the workbook of a plan is downloaded from. */
export function planExportUrl(id: string): string {
  return `${base(id)}/export.xlsx`;
}
