import { useState } from "react";
import {
  App,
  Button,
  Card,
  Descriptions,
  InputNumber,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { OverallResult } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useCan } from "../../auth/api/session.ts";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { useOverall, useSaveOverallSettings } from "../api/supervision.ts";
import { AttestationActions, EvidenceList, ReviewStateTag } from "./attestation-actions.tsx";
import { OverallHistoryChart } from "./overall-history-chart.tsx";
import { RuleSetLine, VerdictTag } from "./supervision-part-table.tsx";

type VetoRow = OverallResult["vetoItems"][number];

const STATUS = { pass: "success", fail: "error", pending: "info" } as const;

function VetoTag({ met }: { met: boolean | null }) {
  const { t } = useI18n();
  if (met === null) {
    return <Tag>{t("ovr.veto.pending")}</Tag>;
  }
  return met ? (
    <Tag color="success">{t("ovr.veto.free")}</Tag>
  ) : (
    <Tag color="error">{t("ovr.veto.present")}</Tag>
  );
}

function BasicYear({ r, orgUnitId, year }: { r: OverallResult; orgUnitId: string; year: number }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan("evaluation.write");
  const save = useSaveOverallSettings();
  const [value, setValue] = useState<number | null>(r.basicBalanceYear);
  return (
    <Space>
      <Typography.Text>{t("ovr.basicYear")}</Typography.Text>
      <InputNumber
        aria-label={t("ovr.basicYear")}
        min={2000}
        max={2100}
        precision={0}
        value={value}
        disabled={!canWrite}
        onChange={setValue}
      />
      {canWrite && (
        <Button
          loading={save.isPending}
          onClick={() => {
            save.mutate(
              { orgUnitId, year, basicBalanceYear: value },
              {
                onSuccess: () => void message.success(t("ovr.basicYear.saved")),
                onError: (e) => void message.error(errorText(e, tOr)),
              },
            );
          }}
        >
          {t("ovr.basicYear.save")}
        </Button>
      )}
    </Space>
  );
}

/**
 * 总体结论 (spec §1.1e): the verdict card with each part, the prerequisite and the 一票否决 items (declared
 * and reviewed like any attestation), plus the 2012 基本均衡 history chart.
 */
export function OverallTab({ unit, year }: UnitYearProps) {
  const { t } = useI18n();
  const query = useOverall({ orgUnitId: unit.id, year });
  if (query.isPending) {
    return <Skeleton active />;
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  const r = query.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} className="overall-tab">
      <Card size="small" title={t("ovr.title")}>
        <Result
          status={STATUS[r.verdict]}
          title={<span className="overall-verdict">{t(`ovr.verdict.${r.verdict}`)}</span>}
          subTitle={<RuleSetLine ruleSet={r.ruleSet} />}
          style={{ padding: 16 }}
        />
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} title={t("ovr.parts")}>
          {r.parts.map((p) => (
            <Descriptions.Item key={p.part} label={p.label}>
              <VerdictTag met={p.isPass} />
            </Descriptions.Item>
          ))}
        </Descriptions>
        <div style={{ marginTop: 12 }}>
          <BasicYear
            key={`${unit.id}-${String(year)}-${String(r.basicBalanceYear)}`}
            r={r}
            orgUnitId={unit.id}
            year={year}
          />
        </div>
        {r.reasons.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <Typography.Title level={5}>{t("ovr.reasons")}</Typography.Title>
            <ul className="overall-reasons">
              {r.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <Card size="small" title={t("ovr.vetoes")}>
        <Table<VetoRow>
          size="small"
          pagination={false}
          rowKey="item"
          dataSource={r.vetoItems}
          columns={[
            { title: t("sup.col.indicator"), dataIndex: "label" },
            { title: t("sup.col.verdict"), key: "met", render: (_: unknown, v) => <VetoTag met={v.met} /> },
            {
              title: t("sup.col.evidence"),
              key: "evidence",
              render: (_: unknown, v) => <EvidenceList attestation={v.attestation} />,
            },
            {
              title: t("sup.col.review"),
              key: "review",
              render: (_: unknown, v) => <ReviewStateTag attestation={v.attestation} />,
            },
            {
              title: t("sup.col.actions"),
              key: "actions",
              render: (_: unknown, v) => (
                <AttestationActions
                  target={{ orgUnitId: unit.id, year, code: v.item, name: v.label, isVeto: true }}
                  attestation={v.attestation}
                />
              ),
            },
          ]}
        />
      </Card>
      <OverallHistoryChart orgUnitId={unit.id} year={year} />
    </Space>
  );
}
