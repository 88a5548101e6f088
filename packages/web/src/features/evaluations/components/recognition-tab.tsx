import { useState } from "react";
import {
  Alert,
  App,
  Button,
  Card,
  InputNumber,
  Radio,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from "antd";
import type { RecognitionResult } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useCan } from "../../auth/api/session.ts";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { useRecognition, useSaveRecognition } from "../api/supervision.ts";
import { formatPercent } from "@luoshi/common";
import { RuleSetLine, VerdictTag } from "./supervision-part-table.tsx";

type Group = RecognitionResult["groups"][number]["group"];
type Aggregation = RecognitionResult["aggregation"];
type Draft = Record<Group, { respondents: number | null; satisfied: number | null }>;

const pct = (x: number | null) => formatPercent(x, 2);

function draftOf(r: RecognitionResult): Draft {
  return Object.fromEntries(
    r.groups.map((g) => [g.group, { respondents: g.respondents, satisfied: g.satisfied }]),
  ) as Draft;
}

/**
 * 社会认可度 (spec §1.1d): survey figures per respondent group (有效问卷数, 满意及比较满意人数), the
 * aggregation (rule-set group weights or by respondents) and the computed rate against 85%.
 */
export function RecognitionTab({ unit, year }: UnitYearProps) {
  const query = useRecognition({ orgUnitId: unit.id, year });
  if (query.isPending) {
    return <Skeleton active />;
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  // Keyed by the stored state, so that the form starts again from what the server holds.
  return (
    <RecognitionForm
      key={`${unit.id}-${String(year)}-${query.data.updatedAt ?? ""}-${query.data.aggregation}`}
      r={query.data}
    />
  );
}

function RecognitionForm({ r }: { r: RecognitionResult }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const canWrite = useCan("evaluation.write");
  const save = useSaveRecognition();
  const [draft, setDraft] = useState<Draft>(() => draftOf(r));
  const [aggregation, setAggregation] = useState<Aggregation>(r.aggregation);
  const unitId = r.orgUnit.id;
  const { year } = r;
  const set = (group: Group, field: "respondents" | "satisfied", value: number | null) => {
    setDraft({ ...draft, [group]: { ...draft[group], [field]: value } });
  };
  const onSave = () => {
    const groups = r.groups.flatMap((g) => {
      const d = draft[g.group];
      return d.respondents === null
        ? []
        : [{ group: g.group, respondents: d.respondents, satisfied: d.satisfied ?? 0 }];
    });
    save.mutate(
      { orgUnitId: unitId, year, aggregation, groups },
      {
        onSuccess: () => void message.success(t("rec.saved")),
        onError: (e) => void message.error(errorText(e, tOr)),
      },
    );
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} className="recognition-tab">
      <Card size="small">
        <Space size="large" wrap align="center">
          <Statistic title={t("rec.result")} value={pct(r.rate)} />
          <VerdictTag met={r.isPass} />
          <Typography.Text type="secondary">
            {t("rec.threshold", { threshold: pct(r.threshold) })}
          </Typography.Text>
          <RuleSetLine ruleSet={r.ruleSet} />
          {r.updatedAt !== null && (
            <Typography.Text type="secondary">
              {t("rec.updatedAt", { at: new Date(r.updatedAt).toLocaleString("zh-CN") })}
            </Typography.Text>
          )}
        </Space>
        {r.rate === null && <Alert type="info" showIcon title={t("rec.none")} className="recognition-none" />}
      </Card>
      <Card size="small" title={t("rec.title")}>
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <Typography.Text>{t("rec.aggregation")}</Typography.Text>
            <Radio.Group
              value={aggregation}
              disabled={!canWrite}
              onChange={(e) => {
                setAggregation(e.target.value as Aggregation);
              }}
              options={[
                { value: "groupWeights", label: t("rec.aggregation.groupWeights") },
                { value: "respondents", label: t("rec.aggregation.respondents") },
              ]}
            />
          </Space>
          <Table
            size="small"
            pagination={false}
            rowKey="group"
            dataSource={r.groups}
            columns={[
              { title: t("rec.col.group"), dataIndex: "label" },
              {
                title: t("rec.col.respondents"),
                key: "respondents",
                render: (_: unknown, g) => (
                  <InputNumber
                    aria-label={`${g.label}${t("rec.col.respondents")}`}
                    min={0}
                    precision={0}
                    disabled={!canWrite}
                    value={draft[g.group].respondents}
                    onChange={(v) => {
                      set(g.group, "respondents", v);
                    }}
                  />
                ),
              },
              {
                title: t("rec.col.satisfied"),
                key: "satisfied",
                render: (_: unknown, g) => (
                  <InputNumber
                    aria-label={`${g.label}${t("rec.col.satisfied")}`}
                    min={0}
                    precision={0}
                    disabled={!canWrite}
                    value={draft[g.group].satisfied}
                    onChange={(v) => {
                      set(g.group, "satisfied", v);
                    }}
                  />
                ),
              },
              { title: t("rec.col.rate"), key: "rate", render: (_: unknown, g) => pct(g.rate) },
              { title: t("rec.col.weight"), key: "weight", render: (_: unknown, g) => pct(g.weight) },
            ]}
          />
          {canWrite && (
            <Button type="primary" loading={save.isPending} onClick={onSave}>
              {t("rec.save")}
            </Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}
