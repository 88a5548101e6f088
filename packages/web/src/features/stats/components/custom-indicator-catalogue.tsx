import { useMemo, useState } from "react";
import { App, Button, Drawer, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { CatalogueEntry } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useIndicatorCatalogue, usePatchCustomIndicator } from "../api/target-queries.ts";
import { CustomIndicatorForm } from "./custom-indicator-form.tsx";

/** 指标目录: every standard and custom indicator with its formula; bureau staff add or deactivate their own. */
export function CustomIndicatorCatalogue({
  open,
  onClose,
  canDefine,
}: {
  open: boolean;
  onClose: () => void;
  canDefine: boolean;
}) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const catalogue = useIndicatorCatalogue();
  const patch = usePatchCustomIndicator();
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState("");
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const items = catalogue.data?.items ?? [];
    return q === ""
      ? items
      : items.filter((i) => i.name.toLowerCase().includes(q) || i.code.includes(q) || i.formula.includes(q));
  }, [catalogue.data, query]);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t("tgt.catalogue.title")}
      extra={
        canDefine ? (
          <Button
            type="primary"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t("tgt.custom.add")}
          </Button>
        ) : null
      }
    >
      {catalogue.error ? (
        <ErrorResult error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Input.Search
            allowClear
            placeholder={t("tgt.catalogue.search")}
            aria-label={t("tgt.catalogue.search")}
            onChange={(e) => {
              setQuery(e.target.value);
            }}
          />
          <Table<CatalogueEntry>
            size="small"
            rowKey="code"
            loading={catalogue.isLoading}
            dataSource={rows}
            pagination={{ pageSize: 15 }}
            className="indicator-catalogue-table"
            expandable={{
              expandedRowRender: (r) => (
                <Space orientation="vertical" size={4}>
                  <Typography.Text code copyable>
                    {r.formula}
                  </Typography.Text>
                  {r.description === "" ? null : (
                    <Typography.Text type="secondary">{r.description}</Typography.Text>
                  )}
                  <Typography.Text type="secondary">
                    {t("tgt.catalogue.source")}：{r.source}
                  </Typography.Text>
                </Space>
              ),
            }}
            columns={[
              { title: t("tgt.catalogue.name"), dataIndex: "name" },
              {
                title: t("tgt.catalogue.code"),
                dataIndex: "code",
                render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
              },
              { title: t("tgt.catalogue.unit"), dataIndex: "unit", width: 70 },
              {
                title: t("tgt.catalogue.origin"),
                key: "origin",
                width: 110,
                render: (_: unknown, r) =>
                  r.origin === "standard" ? (
                    <Tag>{t("tgt.catalogue.standard")}</Tag>
                  ) : (
                    <Space size={4}>
                      <Tag color="purple">{r.category}</Tag>
                      {r.active ? null : <Tag>{t("tgt.catalogue.inactive")}</Tag>}
                    </Space>
                  ),
              },
              ...(canDefine
                ? [
                    {
                      title: t("tgt.catalogue.actions"),
                      key: "actions",
                      width: 90,
                      render: (_: unknown, r: CatalogueEntry) =>
                        r.origin === "custom" ? (
                          <Popconfirm
                            title={
                              r.active
                                ? t("tgt.catalogue.deactivateConfirm")
                                : t("tgt.catalogue.activateConfirm")
                            }
                            onConfirm={() => {
                              patch.mutate(
                                { code: r.code, patch: { active: !r.active } },
                                {
                                  onError: (e) => {
                                    void message.error(errorText(e, tOr));
                                  },
                                },
                              );
                            }}
                          >
                            <Button type="link" size="small">
                              {r.active ? t("tgt.catalogue.deactivate") : t("tgt.catalogue.activate")}
                            </Button>
                          </Popconfirm>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      )}
      <CustomIndicatorForm
        open={adding}
        onClose={() => {
          setAdding(false);
        }}
      />
    </Drawer>
  );
}
