import { useState } from "react";
import { Alert, Card, Select, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { PreschoolResult } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { type Translate, useI18n } from "../../../lib/i18n.tsx";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { usePreschool } from "../api/supervision.ts";
import { AttestationActions, EvidenceList, ReviewStateTag } from "./attestation-actions.tsx";
import { formatCheckValue, formatThreshold } from "./supervision-format.ts";
import { RuleSetLine, VerdictTag } from "./supervision-part-table.tsx";

type Check = PreschoolResult["checks"][number];

function ValueCell({ c }: { c: Check }) {
  const { t } = useI18n();
  if (c.value !== null) {
    return <Typography.Text>{formatCheckValue(c, c.value)}</Typography.Text>;
  }
  const claimed = c.attestation?.claimedValue ?? null;
  if (claimed !== null) {
    // A figure claimed but not (yet) confirmed: shown, not counted.
    return (
      <Typography.Text type="secondary">
        {t("sup.claimed", { value: formatCheckValue(c, claimed) })}
      </Typography.Text>
    );
  }
  if (c.source === "attestation") {
    return <Typography.Text>{t(c.met === true ? "sup.claim.met" : "sup.claim.unmet")}</Typography.Text>;
  }
  return <Typography.Text type="secondary">{t("pre.noData")}</Typography.Text>;
}

function basis(c: Check, t: Translate): string {
  if (c.source === "attestation") {
    return t("pre.basis.claim");
  }
  if (c.numerator !== null && c.denominator !== null) {
    return `${c.numerator.toLocaleString("zh-CN")} / ${c.denominator.toLocaleString("zh-CN")}`;
  }
  return c.attestable && c.source === "none" ? t("pre.basis.needsClaim") : "—";
}

/**
 * 学前普及普惠 (spec §2) against the thresholds of the chosen rule set (河南: 毛入园率 90%): 毛入园率, 普惠
 * 覆盖率, 公办占比, 幼师比 and 持证率 from stored statistics; the funding standards, salary ratio, 办园条件,
 * 班额 and 社会认可度 from claims (佐证) confirmed by a second person, with the 申报 / 上传 / 审核 actions.
 */
export function PreschoolTab({ unit, year }: UnitYearProps) {
  const { t } = useI18n();
  const [ruleSet, setRuleSet] = useState<string>("cn-national");
  const query = usePreschool({ orgUnitId: unit.id, year, ruleSet });
  if (query.isPending) {
    return <Skeleton active />;
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  const r = query.data;
  const count = (m: boolean | null) => r.checks.filter((c) => c.met === m).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} className="preschool-tab">
      <Card size="small" title={t("pre.title")}>
        <Space orientation="vertical" size="small" style={{ width: "100%" }}>
          <Space wrap>
            <Typography.Text>{t("sup.ruleSet.label")}</Typography.Text>
            <Select
              aria-label={t("sup.ruleSet.label")}
              style={{ minWidth: 320 }}
              value={ruleSet}
              onChange={setRuleSet}
              options={r.ruleSets.map((s) => ({ value: s.id, label: s.name }))}
            />
            <VerdictTag met={r.isPass} />
            <Typography.Text>
              {t("sup.part.summary", {
                total: r.checks.length,
                met: count(true),
                unmet: count(false),
                pending: count(null),
              })}
            </Typography.Text>
            <RuleSetLine ruleSet={r.ruleSet} />
          </Space>
          <Typography.Text type="secondary">{t("pre.hint")}</Typography.Text>
        </Space>
      </Card>
      <Table<Check>
        size="small"
        pagination={false}
        rowKey="indicator"
        dataSource={r.checks}
        scroll={{ x: 1200 }}
        columns={[
          { title: t("sup.col.code"), dataIndex: "indicator", width: 64 },
          { title: t("sup.col.indicator"), dataIndex: "name" },
          {
            title: t("sup.col.kind"),
            key: "kind",
            width: 72,
            render: (_: unknown, c) => (
              <Tag>{t(c.attestable ? "sup.kind.attestation" : "sup.kind.computable")}</Tag>
            ),
          },
          {
            title: t("sup.col.threshold"),
            key: "threshold",
            width: 110,
            render: (_: unknown, c) => formatThreshold(c),
          },
          {
            title: t("pre.col.value"),
            key: "value",
            width: 130,
            render: (_: unknown, c) => <ValueCell c={c} />,
          },
          { title: t("pre.col.basis"), key: "basis", width: 150, render: (_: unknown, c) => basis(c, t) },
          {
            title: t("sup.col.verdict"),
            key: "met",
            width: 96,
            render: (_: unknown, c) => <VerdictTag met={c.met} />,
          },
          {
            title: t("sup.col.evidence"),
            key: "evidence",
            width: 170,
            render: (_: unknown, c) => (c.attestable ? <EvidenceList attestation={c.attestation} /> : null),
          },
          {
            title: t("sup.col.review"),
            key: "review",
            width: 96,
            render: (_: unknown, c) => (c.attestable ? <ReviewStateTag attestation={c.attestation} /> : null),
          },
          {
            title: t("sup.col.actions"),
            key: "actions",
            width: 220,
            render: (_: unknown, c) =>
              c.attestable ? (
                <AttestationActions
                  target={{ orgUnitId: unit.id, year, code: c.indicator, name: c.name, hasValue: true }}
                  attestation={c.attestation}
                />
              ) : null,
          },
        ]}
      />
      {r.issues.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t("sup.issues", { n: r.issues.length })}
          description={r.issues.map((i) => i.message).join("；")}
        />
      )}
    </Space>
  );
}
