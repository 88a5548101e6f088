import { useMemo } from "react";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { PassPlanAddition, PassPlanResult, UnitCosts } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { type IndicatorKey, usePassPlan, useUnitCostDefaults } from "../api/balance.ts";
import { formatAmount, formatYuan } from "./balance-format.ts";
import { PolicySelect, PolicyTag, usePolicy } from "./policy-select.tsx";
import "./balance.css";

function Verdict({ pass }: { pass: boolean }) {
  const { t } = useI18n();
  return <Tag color={pass ? "success" : "error"}>{pass ? t("eval.pass") : t("eval.fail")}</Tag>;
}

function PlanResult({ plan, names }: { plan: PassPlanResult; names: Map<IndicatorKey, string> }) {
  const { t } = useI18n();
  const byIndicator = Object.entries(plan.costByIndicator).filter(([, v]) => v > 0) as [
    IndicatorKey,
    number,
  ][];
  return (
    <div className="plan-result">
      <Alert
        className="form-alert plan-verdict"
        type={plan.isPass ? "success" : "error"}
        showIcon
        title={
          <Space wrap>
            {t(plan.isPass ? "eval.plan.passesAfter" : "eval.plan.failsAfter", {
              cost: formatYuan(plan.totalCost),
            })}
            <PolicyTag policy={plan.teachingPointPolicy} />
          </Space>
        }
        description={
          <Space wrap size="large">
            <span>
              {t("eval.plan.before")} <Verdict pass={plan.wasPass} />
            </span>
            <span>
              {t("eval.plan.after")} <Verdict pass={plan.after.resourcePass} />
            </span>
            <span>
              {t("eval.verdict.schools")} <Verdict pass={plan.after.schoolsPass} />
            </span>
            <span>
              {t("eval.verdict.cv")} <Verdict pass={plan.after.cvPass} />
            </span>
          </Space>
        }
      />
      <Descriptions
        size="small"
        bordered
        column={2}
        title={t("eval.plan.costs")}
        items={[
          {
            key: "total",
            label: t("eval.plan.total"),
            children: <strong>{formatYuan(plan.totalCost)}</strong>,
          },
          ...byIndicator.map(([k, v]) => ({ key: k, label: names.get(k) ?? k, children: formatYuan(v) })),
        ]}
      />
      <Table<PassPlanAddition>
        size="small"
        className="plan-additions"
        rowKey={(r) => `${r.schoolCode}:${r.indicator}:${r.level ?? ""}`}
        dataSource={plan.additions}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t("eval.col.school"), dataIndex: "schoolName" },
          {
            title: t("eval.col.indicator"),
            dataIndex: "indicator",
            render: (k: IndicatorKey, r) =>
              `${names.get(k) ?? k}${r.level === undefined ? "" : `（${t(`eval.level.${r.level}`)}）`}`,
          },
          {
            title: t("eval.plan.amount"),
            key: "amount",
            align: "right",
            render: (_: unknown, r) => `${formatAmount(r.amount)} ${r.planUnit}`,
          },
          {
            title: t("eval.plan.cost"),
            dataIndex: "cost",
            align: "right",
            render: (v: number) => formatYuan(v),
          },
          {
            title: t("eval.plan.reason"),
            dataIndex: "reason",
            render: (v: PassPlanAddition["reason"]) => t(`eval.plan.reason.${v}`),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="plan-method">
        {plan.method}
      </Typography.Paragraph>
      {plan.issues.some((i) => i.severity !== "info") && (
        <ul>
          {plan.issues
            .filter((i) => i.severity !== "info")
            .slice(0, 50)
            .map((i, n) => (
              <li key={`${i.code}:${String(n)}`}>{i.message}</li>
            ))}
        </ul>
      )}
    </div>
  );
}

/**
 * 达标方案: the unit costs (元 per planning unit, defaults from the server), the county plan that makes
 * every school pass and every 差异系数 fall within its limit, its cost, the verdict before and after,
 * and the method used.
 */
export function PassPlanTab({ unit, year }: UnitYearProps) {
  const { t, tOr } = useI18n();
  const [policy, setPolicy] = usePolicy();
  const defaults = useUnitCostDefaults();
  const plan = usePassPlan();
  const names = useMemo(
    () => new Map((defaults.data?.items ?? []).map((i) => [i.indicator, i.name] as const)),
    [defaults.data],
  );
  const compute = (values: Record<IndicatorKey, number | null>) => {
    const unitCosts: UnitCosts = {};
    for (const [k, v] of Object.entries(values) as [IndicatorKey, number | null][]) {
      if (typeof v === "number") {
        unitCosts[k] = v;
      }
    }
    plan.mutate({ orgUnitId: unit.id, year, policy, unitCosts });
  };
  return (
    <div className="pass-plan-tab">
      <Space wrap className="eval-toolbar" size="large">
        <PolicySelect value={policy} onChange={setPolicy} />
      </Space>
      {defaults.isLoading && <Skeleton active />}
      {defaults.error && <ErrorResult error={defaults.error} />}
      {defaults.data && (
        <Card size="small" title={t("eval.plan.unitCosts")}>
          <Form<Record<IndicatorKey, number | null>>
            layout="inline"
            className="plan-form"
            initialValues={Object.fromEntries(defaults.data.items.map((i) => [i.indicator, i.cost]))}
            onFinish={compute}
          >
            {defaults.data.items.map((i) => (
              <Form.Item
                key={i.indicator}
                name={i.indicator}
                label={`${i.name}（${t("eval.plan.perUnit", { unit: i.planUnit })}）`}
              >
                <InputNumber min={0} step={i.cost >= 1000 ? 1000 : 1} style={{ width: 140 }} />
              </Form.Item>
            ))}
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={plan.isPending}>
                {t("eval.plan.compute")}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      {plan.error && (
        <Alert className="form-alert" type="error" showIcon title={errorText(plan.error, tOr)} />
      )}
      {plan.data && <PlanResult plan={plan.data} names={names} />}
    </div>
  );
}
