import { useMemo } from "react";
import type { DashboardIndicator, IndicatorSeries } from "@luoshi/contracts";
import { EChart } from "../../../components/echart.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { formatGoal, formatValue } from "../api/indicator-format.ts";
import type { CardGoal } from "../api/indicator-light.ts";

type Series = IndicatorSeries["series"][number];

/** Years beyond the latest value a projection reaches when no target year is set. */
const PROJECTION_YEARS = 3;

/** Comparators whose goal is a level that can be drawn as a line. */
const LEVELS = new Set(["<=", ">=", "<", ">", "="]);

/**
 * The indicator year by year (from the first year with a value), the goal as a horizontal line, and the
 * least-squares trend (last five values) drawn dashed up to the target year (or three years ahead).
 */
export function IndicatorTrendChart({
  indicator,
  series,
  goal,
}: {
  indicator: DashboardIndicator;
  series: Series;
  goal: CardGoal;
}) {
  const { t } = useI18n();
  const option = useMemo(() => {
    const known = series.points.filter((p) => p.value !== null);
    const lastPoint = series.points.at(-1)?.year ?? 0;
    const lastYear = known.at(-1)?.year ?? lastPoint;
    const firstYear = known[0]?.year ?? series.points[0]?.year ?? lastYear;
    const targetYear = goal.kind === "target" && goal.year !== null ? goal.year : null;
    const trend = series.trend;
    const endYear = Math.max(lastPoint, trend === null ? 0 : (targetYear ?? lastYear + PROJECTION_YEARS));
    const years = Array.from({ length: Math.max(endYear - firstYear + 1, 1) }, (_, i) => firstYear + i);
    const byYear = new Map(series.points.map((p) => [p.year, p.value]));
    const goalValue =
      goal.kind === "none" || goal.value === null || !LEVELS.has(goal.comparator) ? null : goal.value;
    const goalName =
      goal.kind === "none"
        ? ""
        : t(goal.kind === "target" ? "ind.trend.target" : "ind.trend.reference", {
            goal: formatGoal(indicator, goal.comparator, goal.value),
          });
    const fmt = (v: unknown) => (typeof v === "number" ? formatValue(indicator, v) : "—");
    return {
      grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis", valueFormatter: fmt },
      xAxis: { type: "category", data: years.map(String), boundaryGap: false },
      yAxis: { type: "value", scale: true },
      series: [
        {
          name: t("ind.trend.value"),
          type: "line",
          data: years.map((y) => byYear.get(y) ?? null),
          symbolSize: 7,
          itemStyle: { color: "#1458c9" },
          label: { show: true, position: "top", formatter: (p: { value: unknown }) => fmt(p.value) },
        },
        ...(trend === null
          ? []
          : [
              {
                name: t("ind.trend.projection"),
                type: "line",
                data: years.map((y) => (y < trend.fromYear ? null : trend.intercept + trend.slope * y)),
                symbol: "none",
                lineStyle: { type: "dashed", color: "#8c8c8c" },
                itemStyle: { color: "#8c8c8c" },
              },
            ]),
        // The goal as a series (not a markLine) so that the axis always takes it in.
        ...(goalValue === null
          ? []
          : [
              {
                name: goalName,
                type: "line",
                data: years.map(() => goalValue),
                symbol: "none",
                lineStyle: { color: "#d4380d", width: 1.5 },
                itemStyle: { color: "#d4380d" },
              },
            ]),
      ],
    };
  }, [indicator, series, goal, t]);
  return (
    <EChart
      option={option}
      ariaLabel={t("ind.trend.aria", { name: indicator.name })}
      style={{ height: 300 }}
    />
  );
}
