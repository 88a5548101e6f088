import type { TargetMonitorItem } from "@luoshi/contracts";
import { EChart } from "../../../components/echart.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { formatTargetNumber } from "./target-format.ts";

/**
 * A target's indicator over the years: the yearly values (solid), the goal as a horizontal line, and a
 * dashed line from the latest value to the projection at the target year.
 */
export function TargetTrendChart({ item }: { item: TargetMonitorItem }) {
  const { t } = useI18n();
  const goal = item.goal ?? item.value;
  const lastYear = item.series[item.series.length - 1]?.year ?? item.targetYear ?? 0;
  const endYear = Math.max(lastYear, item.targetYear ?? lastYear);
  const firstYear = item.series[0]?.year ?? endYear;
  const years = Array.from({ length: endYear - firstYear + 1 }, (_, i) => firstYear + i);
  const byYear = new Map(item.series.map((p) => [p.year, p.value]));
  const projection =
    item.latest !== null &&
    item.projected !== null &&
    item.targetYear !== null &&
    item.targetYear > item.latest.year
      ? years.map((y) => {
          if (y === item.latest?.year) {
            return item.latest.value;
          }
          return y === item.targetYear ? item.projected : null;
        })
      : [];
  const option = {
    grid: { left: 48, right: 24, top: 36, bottom: 28 },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    xAxis: { type: "category", data: years.map(String) },
    yAxis: { type: "value", scale: true, name: item.unit },
    series: [
      {
        name: item.seriesIndicatorName ?? item.indicatorName ?? item.metric,
        type: "line",
        data: years.map((y) => byYear.get(y) ?? null),
        connectNulls: true,
        symbolSize: 6,
        markLine:
          goal === null
            ? undefined
            : {
                symbol: "none",
                lineStyle: { color: "#cf1322", type: "solid" },
                label: { formatter: `${t("tgt.chart.goal")} ${formatTargetNumber(goal)}` },
                data: [{ yAxis: goal }],
              },
      },
      ...(projection.length === 0
        ? []
        : [
            {
              name: t("tgt.chart.projection"),
              type: "line",
              data: projection,
              connectNulls: true,
              lineStyle: { type: "dashed" },
              symbol: "emptyCircle",
            },
          ]),
    ],
  };
  return (
    <EChart
      option={option}
      style={{ height: 240 }}
      ariaLabel={t("tgt.chart.aria", { name: item.seriesIndicatorName ?? item.indicatorName ?? item.metric })}
    />
  );
}
