import { useState } from "react";
import { Alert, Card, Select, Skeleton, Space, Table, Typography } from "antd";
import type { PreschoolResult } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { usePreschool } from "../api/supervision.ts";
import { formatCheckValue, formatThreshold } from "./supervision-format.ts";
import { RuleSetLine, VerdictTag } from "./supervision-part-table.tsx";

type Check = PreschoolResult["checks"][number];

/**
 * 学前普及普惠 (spec §2): the indicators from stored statistics against the thresholds of the chosen
 * rule set (河南: 毛入园率 90%), with the verdict and the rule set recorded.
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
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} className="preschool-tab">
      <Card size="small" title={t("pre.title")}>
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
          <RuleSetLine ruleSet={r.ruleSet} />
        </Space>
      </Card>
      <Table<Check>
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={r.checks}
        columns={[
          { title: t("sup.col.indicator"), dataIndex: "name" },
          { title: t("sup.col.threshold"), key: "threshold", render: (_: unknown, c) => formatThreshold(c) },
          {
            title: t("pre.col.value"),
            key: "value",
            render: (_: unknown, c) => (c.value === null ? t("pre.noData") : formatCheckValue(c, c.value)),
          },
          {
            title: t("pre.col.basis"),
            key: "basis",
            render: (_: unknown, c) =>
              c.numerator !== null && c.denominator !== null
                ? `${c.numerator.toLocaleString("zh-CN")} / ${c.denominator.toLocaleString("zh-CN")}`
                : "—",
          },
          { title: t("sup.col.verdict"), key: "met", render: (_: unknown, c) => <VerdictTag met={c.met} /> },
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
