import { useState } from "react";
import { Alert, Select, Space, Table, Tag, Typography } from "antd";
import type { FlagList } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { useFlags } from "./api.ts";

type Flag = FlagList["items"][number];
const RULES = [
  "unexplained-consecutive",
  "unexplained-month",
  "transfer-unreceived",
  "left-behind-falling",
] as const;

/** 风险预警: the open flags in scope, masked, each with the rule and why it was raised. */
export function FlagsTab() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [rule, setRule] = useState<string | undefined>(undefined);
  const flags = useFlags(page, rule);
  if (flags.error !== null) {
    return <Alert type="error" showIcon title={errorText(flags.error, (_k, f) => f)} />;
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">{t("attendance.flagsHint")}</Typography.Paragraph>
      <Select
        allowClear
        placeholder={t("attendance.ruleFilter")}
        style={{ width: 220 }}
        value={rule}
        onChange={(v: string | undefined) => {
          setRule(v);
          setPage(1);
        }}
        options={RULES.map((r) => ({ value: r, label: t(`attendance.rule.${r}`) }))}
      />
      <Table<Flag>
        size="small"
        rowKey="id"
        loading={flags.isFetching}
        dataSource={flags.data?.items ?? []}
        locale={{ emptyText: t("attendance.noFlags") }}
        pagination={{
          current: page,
          pageSize: 50,
          total: flags.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t("attendance.raisedOn"), dataIndex: "raisedOn", width: 110 },
          { title: t("attendance.township"), dataIndex: "township", render: (v: string | null) => v ?? "—" },
          { title: t("attendance.school"), dataIndex: "schoolName" },
          {
            title: t("attendance.pupil"),
            render: (_v, f) => (
              <Space>
                {f.name}
                {f.leftBehind && <Tag>{t("attendance.leftBehind")}</Tag>}
              </Space>
            ),
          },
          { title: t("attendance.class"), render: (_v, f) => `${f.gradeLabel}${f.className}` },
          {
            title: t("attendance.ruleCol"),
            dataIndex: "ruleLabel",
            render: (v: string) => <Tag color="red">{v}</Tag>,
          },
          { title: t("attendance.why"), dataIndex: "explanation" },
        ]}
      />
    </Space>
  );
}
