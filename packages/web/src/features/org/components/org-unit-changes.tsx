import { Empty, Skeleton, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import type { OrgUnitChange } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Translate } from "../../../lib/i18n.tsx";
import { useOrgUnitChanges } from "../api/org-unit-changes.ts";

/** A recorded value as text: lists joined, yes/no, "—" for none. */
function show(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === "") {
    return "—";
  }
  if (typeof value === "boolean") {
    return t(value ? "common.yes" : "common.no");
  }
  if (Array.isArray(value)) {
    return value.join("、");
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** What a change did, in words: 并入 X, 调整至 Y, 名称 甲 → 乙, each changed field before → after. */
function describeChange(c: OrgUnitChange, t: Translate, tOr: (k: string, f: string) => string): string {
  const related = c.relatedUnit?.name ?? "—";
  let text: string;
  switch (c.kind) {
    case "open":
      text = t("org.changeOpen", { name: show(c.after["name"], t), code: show(c.after["code"], t) });
      break;
    case "move":
      text = t("org.changeMove", { name: related });
      break;
    case "merge":
      text =
        c.after["absorbedId"] === undefined
          ? t("org.mergedInto", { name: related })
          : t("org.changeAbsorbed", { name: related });
      break;
    case "close":
    case "reopen":
      text = c.kindLabel;
      break;
    default:
      text = Object.keys(c.after)
        .map((k) => `${tOr(`org.${k}`, k)}：${show(c.before[k], t)} → ${show(c.after[k], t)}`)
        .join("；");
  }
  return c.reason === null ? text : `${text}（${c.reason}）`;
}

/** 变更记录: every recorded change of the unit, newest effective day first. */
export function OrgUnitChanges({ id }: { id: string }) {
  const { t, tOr } = useI18n();
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
    { key: "what", title: t("org.changeWhat"), render: (_, c) => describeChange(c, t, tOr) },
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
