/** Counts for the 工作台: real totals from `GET /api/org-units?pageSize=1&…`, nothing estimated. */
import { useQueries } from "@tanstack/react-query";
import { SCHOOL_TYPE_CODES } from "../../../lib/codes.ts";
import type { OrgKindCode } from "../../../lib/codes.ts";
import { fetchOrgUnits, orgKeys } from "../../org/api/org-units.ts";
import type { OrgUnitFilters } from "../../org/api/org-units.ts";

/** The kinds a county bureau counts on its dashboard. */
const COUNTED_KINDS: readonly OrgKindCode[] = ["township", "school", "department"];

/** One count: its code, the total (undefined while loading) and any error. */
export interface Count {
  code: string;
  total: number | undefined;
  error: unknown;
}

function useTotals(
  filterList: readonly { code: string; filters: OrgUnitFilters }[],
  enabled: boolean,
): Count[] {
  return useQueries({
    queries: filterList.map(({ filters }) => ({
      queryKey: orgKeys.list(filters),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchOrgUnits(filters, signal),
      enabled,
    })),
    combine: (results) =>
      results.map((r, i) => ({ code: filterList[i]?.code ?? "", total: r.data?.total, error: r.error })),
  });
}

const KIND_FILTERS = COUNTED_KINDS.map((kind) => ({ code: kind, filters: { kind, page: 1, pageSize: 1 } }));
const SCHOOL_TYPE_FILTERS = SCHOOL_TYPE_CODES.map((schoolType) => ({
  code: schoolType,
  filters: { kind: "school" as const, schoolType, page: 1, pageSize: 1 },
}));

/** Units in scope per kind. */
export function useKindCounts(enabled: boolean): Count[] {
  return useTotals(KIND_FILTERS, enabled);
}

/** Schools in scope per 办学类型. */
export function useSchoolTypeCounts(enabled: boolean): Count[] {
  return useTotals(SCHOOL_TYPE_FILTERS, enabled);
}
