import { Alert, Card, Collapse, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { SupervisionIndicatorView, SupervisionPartResult } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { useSupervisionPart } from "../api/supervision.ts";
import { AttestationActions, EvidenceList, ReviewStateTag } from "./attestation-actions.tsx";
import { formatCheckValue, formatThreshold } from "./supervision-format.ts";

/** 达到 / 未达到 / 待定 tag of a verdict. */
export function VerdictTag({ met }: { met: boolean | null }) {
  const { t } = useI18n();
  if (met === null) {
    return <Tag>{t("sup.verdict.pending")}</Tag>;
  }
  return met ? (
    <Tag color="success">{t("sup.verdict.pass")}</Tag>
  ) : (
    <Tag color="error">{t("sup.verdict.fail")}</Tag>
  );
}

/** The rule set line every result shows. */
export function RuleSetLine({ ruleSet }: { ruleSet: SupervisionPartResult["ruleSet"] }) {
  const { t } = useI18n();
  return <Typography.Text type="secondary">{t("sup.ruleSet", { ...ruleSet })}</Typography.Text>;
}

function ValueCell({ row }: { row: SupervisionIndicatorView }) {
  const { t } = useI18n();
  const lines = row.checks
    .filter((c) => c.value !== null)
    .map((c) => `${c.name}：${formatCheckValue(c, c.value)}（${formatThreshold(c)}）`);
  const claimed =
    row.attestation?.claimedValue !== null &&
    row.attestation?.claimedValue !== undefined &&
    row.source !== "data"
      ? t("sup.claimed", { value: String(row.attestation.claimedValue) })
      : null;
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((l) => (
        <Typography.Text key={l}>{l}</Typography.Text>
      ))}
      {row.inputs.map((i) => (
        <Typography.Text key={i.label} type="secondary">
          {i.label}：{i.value}
        </Typography.Text>
      ))}
      {row.failing.length > 0 && (
        <Typography.Text type="danger">
          {t("sup.failing", {
            list: `${row.failingNames.slice(0, 5).join("、")}${row.failingNames.length > 5 ? t("sup.failing.more", { n: row.failingNames.length }) : ""}`,
          })}
        </Typography.Text>
      )}
      {claimed && <Typography.Text type="secondary">{claimed}</Typography.Text>}
      {lines.length === 0 && row.inputs.length === 0 && claimed === null && (
        <Typography.Text type="secondary">
          {t(`sup.source.${row.source === "none" ? "none" : "attestation"}`)}
        </Typography.Text>
      )}
    </Space>
  );
}

/**
 * 政府保障程度 or 教育质量 as a table: 编号, 指标, 类型, 数值 (with the statistics it came from), 结论,
 * 佐证材料, 审核状态 and the 申报 / 上传 / 审核 actions the user's permissions allow.
 */
export function SupervisionPartTable({
  unit,
  year,
  part,
}: UnitYearProps & { part: "government" | "quality" }) {
  const { t } = useI18n();
  const query = useSupervisionPart(part, { orgUnitId: unit.id, year });
  if (query.isPending) {
    return <Skeleton active />;
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  const r = query.data;
  const count = (m: boolean | null) => r.indicators.filter((i) => i.met === m).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} className={`supervision-${part}`}>
      <Card size="small">
        <Space wrap>
          <VerdictTag met={r.isPass} />
          <Typography.Text>
            {t("sup.part.summary", {
              total: r.indicators.length,
              met: count(true),
              unmet: count(false),
              pending: count(null),
            })}
          </Typography.Text>
          <RuleSetLine ruleSet={r.ruleSet} />
        </Space>
      </Card>
      <Table<SupervisionIndicatorView>
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={r.indicators}
        columns={[
          { title: t("sup.col.code"), dataIndex: "code", width: 64 },
          {
            title: t("sup.col.indicator"),
            key: "name",
            render: (_: unknown, row) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{row.name}</Typography.Text>
                <Typography.Text type="secondary">{row.thresholdText}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t("sup.col.kind"),
            key: "kind",
            width: 72,
            render: (_: unknown, row) => <Tag>{t(`sup.kind.${row.kind}`)}</Tag>,
          },
          {
            title: t("sup.col.value"),
            key: "value",
            width: 260,
            render: (_: unknown, row) => <ValueCell row={row} />,
          },
          {
            title: t("sup.col.verdict"),
            key: "met",
            width: 96,
            render: (_: unknown, row) => <VerdictTag met={row.met} />,
          },
          {
            title: t("sup.col.evidence"),
            key: "evidence",
            width: 180,
            render: (_: unknown, row) => <EvidenceList attestation={row.attestation} />,
          },
          {
            title: t("sup.col.review"),
            key: "review",
            width: 96,
            render: (_: unknown, row) => <ReviewStateTag attestation={row.attestation} />,
          },
          {
            title: t("sup.col.actions"),
            key: "actions",
            width: 220,
            render: (_: unknown, row) => (
              <AttestationActions
                target={{
                  orgUnitId: unit.id,
                  year,
                  code: row.code,
                  name: row.name,
                  hasValue: row.kind !== "attestation",
                }}
                attestation={row.attestation}
              />
            ),
          },
        ]}
      />
      {r.issues.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: "issues",
              label: t("sup.issues", { n: r.issues.length }),
              children: (
                <Space orientation="vertical" style={{ width: "100%" }}>
                  {r.issues.map((i, n) => (
                    <Alert
                      key={`${i.code}-${String(n)}`}
                      type={i.severity === "error" ? "error" : i.severity === "warning" ? "warning" : "info"}
                      title={i.message}
                      showIcon
                    />
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
