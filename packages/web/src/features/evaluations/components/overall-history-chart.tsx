import { Alert, Card, Empty, Skeleton, Typography } from "antd";
import { ErrorResult } from "../../../components/error-result.tsx";
import { EChart } from "../../../components/echart.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { useBasicBalanceHistory } from "../api/supervision.ts";
import { formatCv } from "./balance-format.ts";

/** The 2012 基本均衡 综合差异系数 per year and 学段 as lines, each with its limit as a markLine (spec §3). */
export function OverallHistoryChart({ orgUnitId, year }: { orgUnitId: string; year: number }) {
  const { t } = useI18n();
  const from = year - 8;
  const query = useBasicBalanceHistory(orgUnitId, from, year);
  if (query.isPending) {
    return <Skeleton active />;
  }
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  const r = query.data;
  const years = r.years.filter((y) => y.hasData);
  const used = Math.max(0, ...years.flatMap((y) => [y.primary.indicatorsUsed, y.junior.indicatorsUsed]));
  const line = (level: "primary" | "junior", color: string) => ({
    name: t(`ovr.history.${level}`),
    type: "line",
    color,
    connectNulls: false,
    data: years.map((y) => (y[level].composite === null ? null : Number(formatCv(y[level].composite)))),
    markLine: {
      symbol: "none",
      lineStyle: { type: "dashed", color },
      label: { formatter: t("ovr.history.limit", { value: r.limits[level] }) },
      data: [{ yAxis: r.limits[level] }],
    },
  });
  return (
    <Card size="small" title={t("ovr.history")} className="overall-history">
      {years.length === 0 ? (
        <Empty description={t("ovr.history.empty")} />
      ) : (
        <>
          <EChart
            ariaLabel={t("ovr.history")}
            style={{ height: 300 }}
            option={{
              tooltip: { trigger: "axis" },
              legend: { top: 0 },
              grid: { left: 48, right: 96, top: 40, bottom: 32 },
              xAxis: { type: "category", data: years.map((y) => String(y.year)) },
              yAxis: {
                type: "value",
                min: 0,
                max: Math.max(0.8, ...years.map((y) => y.primary.composite ?? 0)),
              },
              series: [line("primary", "#1677ff"), line("junior", "#fa8c16")],
            }}
          />
          {used > 0 && used < 8 && <Alert type="info" showIcon title={t("ovr.history.note", { n: used })} />}
          <Typography.Text type="secondary">{r.ruleSet.name}</Typography.Text>
        </>
      )}
    </Card>
  );
}
