import { useState } from "react";
import { Alert, Button, Select, Space, Table, Tag, Typography, message } from "antd";
import type { FlagList } from "@luoshi/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCan } from "../auth/api/session.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { caseActions } from "../dropout/api.ts";
import { CaseDrawer } from "../dropout/case-drawer.tsx";
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
  const canWrite = useCan("pupil.write");
  const queryClient = useQueryClient();
  const [openCase, setOpenCase] = useState<string | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const fromFlag = (f: Flag) => {
    setOpening(f.id);
    caseActions
      .openFromFlag(f.id)
      .then(async (d) => {
        void message.success(t("attendance.caseOpened"));
        setOpenCase(d.id);
        await queryClient.invalidateQueries({ queryKey: ["attendance-flags"] });
        await queryClient.invalidateQueries({ queryKey: ["dropout-cases"] });
      })
      .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        setOpening(null);
      });
  };
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
          {
            title: t("attendance.caseCol"),
            width: 130,
            render: (_v, f) =>
              f.case !== null ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setOpenCase(f.case?.id ?? null);
                  }}
                >
                  {f.case.stateLabel}
                </Button>
              ) : canWrite ? (
                <Button
                  size="small"
                  loading={opening === f.id}
                  aria-label={`${t("attendance.openCase")}：${f.name}`}
                  onClick={() => {
                    fromFlag(f);
                  }}
                >
                  {t("attendance.openCase")}
                </Button>
              ) : (
                t("attendance.noCase")
              ),
          },
        ]}
      />
      <CaseDrawer
        id={openCase}
        onClose={() => {
          setOpenCase(null);
        }}
      />
    </Space>
  );
}
