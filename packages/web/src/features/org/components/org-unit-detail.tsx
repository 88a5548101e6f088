import { Breadcrumb, Descriptions, Empty, Skeleton, Tag, Typography } from "antd";
import type { DescriptionsProps } from "antd";
import { Link } from "react-router";
import type { OrgUnitDetail } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Translate } from "../../../lib/i18n.tsx";
import { useOrgUnit } from "../api/org-units.ts";
import { OrgKindIcon } from "./org-kind-icon.tsx";

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
    );
  }
  return items;
}

/**
 * One unit: ancestors as a breadcrumb (each a link), code, kind and — for schools — 办学类型, 办学性质,
 * 普惠 and 城乡分类. A 403 from the server shows 无权访问 with its reason; a 404 shows 未找到.
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
        <OrgKindIcon kind={unit.kind} /> {unit.name} <Tag>{tOr(`kind.${unit.kind}`, unit.kindLabel)}</Tag>
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={describe(unit, t, tOr)} />
    </div>
  );
}
