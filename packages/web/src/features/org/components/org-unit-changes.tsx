import { Empty, Skeleton, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import type { OrgUnitChange } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { useOrgUnitChanges } from "../api/org-unit-changes.ts";

/** `{name: "甲"}` → `甲`; several fields → `名称: 甲；电话: …`; ids of units → their names when known. */
function describeFields(fields: Record<string, unknown>, names: ReadonlyMap<string, string>): string {
  const entries = Object.entries(fields).filter(([k]) => !k.endsWith("Name"));
  return entries
    .map(([k, v]) => {
      const value = typeof v === "string" ? (names.get(v) ?? v) : v === null ? "—" : JSON.stringify(v);
      return entries.length === 1 ? value : `${k}: ${value}`;
    })
    .join("；");
}

/** One change as "before → after", naming the related unit (并入 X, 新上级 Y). */
function describeChange(c: OrgUnitChange): string {
  const names = new Map<string, string>();
  if (c.relatedUnit !== null) {
    names.set(c.relatedUnit.id, c.relatedUnit.name);
  }
  const before = describeFields(c.before, names);
  const after = describeFields(c.after, names);
  const change = before === "" ? after : `${before} → ${after}`;
  return c.reason === null ? change : `${change}（${c.reason}）`;
}

/** 变更记录: every recorded change of the unit, newest effective day first. */
export function OrgUnitChanges({ id }: { id: string }) {
  const { t } = useI18n();
  const changes = useOrgUnitChanges(id);
  if (changes.isPending) {
    return <Skeleton active />;
  }
  if (changes.isError) {
    return <ErrorResult error={changes.error} onRetry={() => void changes.refetch()} />;
  }
  const columns: TableColumnsType<OrgUnitChange> = [
    { key: "when", title: t("org.changeWhen"), dataIndex: "effectiveOn", width: 120 },
    { key: "kind", title: t("org.changeKind"), width: 100, render: (_, c) => <Tag>{c.kindLabel}</Tag> },
    { key: "what", title: t("org.changeWhat"), render: (_, c) => describeChange(c) },
    { key: "who", title: t("org.changeWho"), width: 140, render: (_, c) => c.actorName ?? t("org.system") },
  ];
  return (
    <Table<OrgUnitChange>
      className="org-unit-changes"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={changes.data.items}
      pagination={false}
      locale={{ emptyText: <Empty description={t("org.noChanges")} /> }}
    />
  );
}
