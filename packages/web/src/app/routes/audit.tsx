import { useState } from "react";
import { PageHeader } from "../../components/page-header.tsx";
import { ErrorResult } from "../../components/error-result.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { useAudit } from "../../features/audit/api/audit.ts";
import type { AuditFilters } from "../../features/audit/api/audit.ts";
import { AuditFilterForm } from "../../features/audit/components/audit-filter-form.tsx";
import { AuditTable } from "../../features/audit/components/audit-table.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** /audit — 审计日志 for the audit administrator: filter, read, expand, export. */
export function AuditRoute() {
  const { t } = useI18n();
  const canExport = useCan("audit.export");
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const audit = useAudit(filters, paging.page, paging.pageSize);

  return (
    <>
      <PageHeader title={t("audit.title")} />
      <div className="panel">
        <AuditFilterForm
          filters={filters}
          canExport={canExport}
          onChange={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        {audit.isError ? (
          <ErrorResult error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <AuditTable
            data={audit.data}
            loading={audit.isFetching}
            page={paging.page}
            pageSize={paging.pageSize}
            onPageChange={(page, pageSize) => {
              setPaging({ page, pageSize });
            }}
          />
        )}
      </div>
    </>
  );
}
