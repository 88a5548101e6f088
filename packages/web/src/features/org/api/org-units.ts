/** Org units (组织机构) as the server scopes them to the signed-in user. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { OrgUnitDetail, OrgUnitPage } from "@luoshi/contracts";
import type { OrgUnit } from "@luoshi/contracts";
import { getJson } from "../../../lib/api.ts";
import type { OrgKindCode } from "../../../lib/codes.ts";
import { toQueryString } from "../../../lib/query-string.ts";

/** Filters of `GET /api/org-units`. */
export interface OrgUnitFilters {
  parentId?: string;
  kind?: OrgKindCode;
  schoolType?: string;
  q?: string;
  /** "true": closed and merged units too. */
  includeClosed?: "true";
  page?: number;
  pageSize?: number;
}

/** The most a tree level asks for at once (the server's page limit). */
export const TREE_PAGE_SIZE = 200;

/** Query keys, so that the tree, the table and the dashboard share one cache. */
export const orgKeys = {
  all: ["org-units"] as const,
  list: (filters: OrgUnitFilters) => ["org-units", "list", filters] as const,
  detail: (id: string) => ["org-units", "detail", id] as const,
  roots: () => ["org-units", "roots"] as const,
};

/** `GET /api/org-units?…` */
export function fetchOrgUnits(filters: OrgUnitFilters, signal?: AbortSignal): Promise<OrgUnitPage> {
  return getJson(`/api/org-units${toQueryString({ ...filters })}`, OrgUnitPage, signal);
}

/** `GET /api/org-units/:id` with its ancestors. */
function fetchOrgUnit(id: string, signal?: AbortSignal): Promise<OrgUnitDetail> {
  return getJson(`/api/org-units/${encodeURIComponent(id)}`, OrgUnitDetail, signal);
}

/**
 * The top of the user's scope. Without parentId the server answers with the scope root; should it
 * list the whole scope instead, the shallowest units are the roots all the same.
 */
async function fetchScopeRoots(signal?: AbortSignal): Promise<OrgUnit[]> {
  const page = await fetchOrgUnits({ pageSize: TREE_PAGE_SIZE }, signal);
  const minDepth = Math.min(...page.items.map((u) => u.depth));
  return page.items.filter((u) => u.depth === minDepth);
}

/** One page of units; the previous page stays on screen while the next loads. */
export function useOrgUnits(filters: OrgUnitFilters, enabled = true) {
  return useQuery({
    queryKey: orgKeys.list(filters),
    queryFn: ({ signal }) => fetchOrgUnits(filters, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One unit's details; disabled without an id. */
export function useOrgUnit(id: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ""),
    queryFn: ({ signal }) => fetchOrgUnit(id ?? "", signal),
    enabled: id !== undefined,
  });
}

/** The scope roots for the tree. */
export function useScopeRoots() {
  return useQuery({ queryKey: orgKeys.roots(), queryFn: ({ signal }) => fetchScopeRoots(signal) });
}
