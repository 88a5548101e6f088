/** The audit trail (审计日志): read-only, filtered on the server. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { AuditPage } from "@luoshi/contracts";
import { getJson } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

/** Filters of `GET /api/audit`; dates as YYYY-MM-DD, `to` inclusive. */
export interface AuditFilters {
  actor?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

/** `GET /api/audit?…&page=&pageSize=` */
function fetchAudit(filters: AuditFilters, page: number, pageSize: number, signal?: AbortSignal) {
  return getJson(`/api/audit${toQueryString({ ...filters, page, pageSize })}`, AuditPage, signal);
}

/** One page of the audit trail. */
export function useAudit(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["audit", filters, page, pageSize],
    queryFn: ({ signal }) => fetchAudit(filters, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** The CSV export address for the same filters (all pages). */
export function auditExportUrl(filters: AuditFilters): string {
  return `/api/audit/export.csv${toQueryString({ ...filters })}`;
}
