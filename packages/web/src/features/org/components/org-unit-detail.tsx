import { Breadcrumb, Descriptions, Empty, Skeleton, Tabs, Tag, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { Link } from "react-router";
import type { OrgUnitDetail } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Translate } from "../../../lib/i18n.tsx";
import { useOrgUnit } from "../api/org-units.ts";
import { OrgKindIcon } from "./org-kind-icon.tsx";
import { OrgUnitActions } from "./org-unit-actions.tsx";
import { OrgUnitChanges } from "./org-unit-changes.tsx";

/** 在办 / 已撤并 → 并入 X / 已撤销, as a tag. */
function OrgUnitStatusTag({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useI18n();
  if (unit.status === "open") {
    return <Tag color="green">{unit.statusLabel}</Tag>;
  }
  return (
    <Tag color={unit.status === "merged" ? "orange" : "default"} className="org-unit-status">
      {unit.statusLabel}
      {unit.mergedInto !== null && ` · ${t("org.mergedInto", { name: unit.mergedInto.name })}`}
    </Tag>
  );
}

function describe(unit: OrgUnitDetail, t: Translate, tOr: (k: string, f: string) => string) {
  const none = t("common.none");
  const items: DescriptionsProps["items"] = [
    { key: "code", label: t("org.code"), children: unit.code },
    { key: "kind", label: t("org.kind"), children: tOr(`kind.${unit.kind}`, unit.kindLabel) },
    { key: "children", label: t("org.childCount"), children: unit.childCount },
    {
      key: "aliases",
      label: t("org.aliases"),
      children: unit.aliases.length > 0 ? unit.aliases.join("、") : none,
    },
  ];
  const school = unit.school;
  if (school) {
    const inclusive = school.isInclusive === null ? none : t(school.isInclusive ? "common.yes" : "common.no");
    items.push(
      {
        key: "schoolType",
        label: t("org.schoolType"),
        children: tOr(`schoolType.${school.schoolType}`, school.schoolTypeLabel),
      },
      { key: "ownership", label: t("org.ownership"), children: school.ownershipLabel ?? none },
      { key: "inclusive", label: t("org.isInclusive"), children: inclusive },
      { key: "urbanRural", label: t("org.urbanRural"), children: school.urbanRuralLabel ?? none },
      { key: "schoolTypeCode", label: t("org.schoolTypeCode"), children: unit.schoolTypeCode ?? none },
    );
  }
  items.push(
    { key: "sponsor", label: t("org.sponsor"), children: unit.sponsor ?? none },
    { key: "principal", label: t("org.principal"), children: unit.principal ?? none },
    { key: "phone", label: t("org.phone"), children: unit.phone ?? none },
    { key: "address", label: t("org.address"), children: unit.address ?? none },
    { key: "openedOn", label: t("org.openedOn"), children: unit.openedOn ?? none },
  );
  if (unit.closedOn !== null) {
    items.push({ key: "closedOn", label: t("org.closedOn"), children: unit.closedOn });
  }
  return items;
}

/**
 * One unit: ancestors as a breadcrumb (each a link), its status, the changes a system administrator
 * may make, and two tabs: the registry fields (for schools 办学类型, 办学性质, 普惠, 城乡分类 too) and
 * the 变更记录. A 403 from the server shows 无权访问 with its reason; a 404 shows 未找到.
 */
export function OrgUnitDetailPanel({ id }: { id: string | undefined }) {
  const { t, tOr } = useI18n();
  const detail = useOrgUnit(id);
  if (id === undefined) {
    return <Empty description={t("org.selectHint")} />;
  }
  if (detail.isPending) {
    return <Skeleton active />;
  }
  if (detail.isError) {
    return <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const unit = detail.data;
  return (
    <div className="org-detail">
      <Breadcrumb
        aria-label={t("org.path")}
        items={[
          ...unit.ancestors.map((a) => ({ key: a.id, title: <Link to={`/org/${a.id}`}>{a.name}</Link> })),
          { key: unit.id, title: unit.name },
        ]}
      />
      <Typography.Title level={2} className="section-title">
        <OrgKindIcon kind={unit.kind} /> {unit.name} <Tag>{tOr(`kind.${unit.kind}`, unit.kindLabel)}</Tag>{" "}
        <OrgUnitStatusTag unit={unit} />
      </Typography.Title>
      <OrgUnitActions unit={unit} />
      <Tabs
        items={[
          {
            key: "info",
            label: t("org.tabInfo"),
            children: (
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={describe(unit, t, tOr)} />
            ),
          },
          { key: "changes", label: t("org.tabChanges"), children: <OrgUnitChanges id={unit.id} /> },
        ]}
      />
    </div>
  );
}
