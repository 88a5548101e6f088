import { useState } from "react";
import { Button, Form, Input, Select, Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { Link } from "react-router";
import type { OrgUnit } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { ORG_KIND_CODES, SCHOOL_TYPE_CODES } from "../../../lib/codes.ts";
import type { OrgKindCode } from "../../../lib/codes.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useOrgUnits } from "../api/org-units.ts";
import type { OrgUnitFilters } from "../api/org-units.ts";

interface FilterValues {
  q?: string;
  kind?: OrgKindCode;
  schoolType?: string;
}

/**
 * 机构查询: search by 名称/代码, 类型 and 办学类型 across the user's scope, paged on the server; closed
 * units only when `includeClosed`.
 */
export function OrgUnitTable({ includeClosed = false }: { includeClosed?: boolean }) {
  const { t, tOr } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<OrgUnitFilters>({ page: 1, pageSize: 20 });
  const list = useOrgUnits(includeClosed ? { ...filters, includeClosed: "true" } : filters);

  const columns: TableColumnsType<OrgUnit> = [
    {
      title: t("org.name"),
      dataIndex: "name",
      render: (_: unknown, unit) => <Link to={`/org/${unit.id}`}>{unit.name}</Link>,
    },
    { title: t("org.code"), dataIndex: "code", width: 140 },
    {
      title: t("org.kind"),
      dataIndex: "kind",
      width: 130,
      render: (_: unknown, u) => tOr(`kind.${u.kind}`, u.kindLabel),
    },
    {
      title: t("org.schoolType"),
      key: "schoolType",
      width: 160,
      render: (_: unknown, u) =>
        u.school ? tOr(`schoolType.${u.school.schoolType}`, u.school.schoolTypeLabel) : t("common.none"),
    },
    {
      title: t("org.urbanRural"),
      key: "urbanRural",
      width: 110,
      render: (_: unknown, u) => u.school?.urbanRuralLabel ?? t("common.none"),
    },
    {
      title: t("org.status"),
      key: "status",
      width: 110,
      render: (_: unknown, u) => (u.status === "open" ? u.statusLabel : <Tag>{u.statusLabel}</Tag>),
    },
  ];

  const search = (values: FilterValues) => {
    setFilters({ ...values, page: 1, pageSize: filters.pageSize ?? 20 });
  };

  return (
    <>
      <Form<FilterValues> form={form} layout="inline" onFinish={search} className="filter-form">
        <Form.Item label={t("org.name")} name="q">
          <Input placeholder={t("org.searchPlaceholder")} allowClear maxLength={100} />
        </Form.Item>
        <Form.Item label={t("org.kind")} name="kind">
          <Select
            allowClear
            placeholder={t("org.allKinds")}
            className="filter-select"
            options={ORG_KIND_CODES.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item label={t("org.schoolType")} name="schoolType">
          <Select
            allowClear
            placeholder={t("org.allSchoolTypes")}
            className="filter-select-wide"
            options={SCHOOL_TYPE_CODES.map((s) => ({ value: s, label: t(`schoolType.${s}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t("common.search")}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({ page: 1, pageSize: filters.pageSize ?? 20 });
            }}
          >
            {t("common.reset")}
          </Button>
        </Form.Item>
      </Form>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<OrgUnit>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={{
            current: filters.page ?? 1,
            pageSize: filters.pageSize ?? 20,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t("common.total", { total }),
            onChange: (page, pageSize) => {
              setFilters((prev) => ({ ...prev, page, pageSize }));
            },
          }}
        />
      )}
    </>
  );
}
