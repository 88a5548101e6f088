import { useMemo, useState } from "react";
import { Empty, Segmented, Spin, Typography } from "antd";
import type { DashboardIndicator, IndicatorDistribution } from "@luoshi/contracts";
import { EChart } from "../../../components/echart.tsx";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { useIndicatorDistribution } from "../api/dashboard-queries.ts";
import { formatDecimal } from "@luoshi/common";
import { formatGoal, formatValue } from "../api/indicator-format.ts";

type View = "box" | "histogram";

const LINE_COLORS = ["#d4380d", "#fa8c16", "#722ed1"];

/** The references drawn for a level: per-school ones over schools, the area's value over 乡镇. */
function relevantReferences(d: IndicatorDistribution) {
  const own = d.references.filter((r) => r.scope === (d.level === "school" ? "school" : "area"));
  return own.length > 0 ? own : d.references.filter((r) => r.scope === "area");
}

function boxOption(
  d: IndicatorDistribution,
  indicator: DashboardIndicator,
  levelLabel: string,
  totalLabel: string,
) {
  const fmt = (v: unknown) => (typeof v === "number" ? formatValue(indicator, v) : "—");
  const refs = relevantReferences(d);
  const box = d.box;
  return {
    grid: { left: 8, right: 32, top: 24, bottom: 24, containLabel: true },
    tooltip: { trigger: "item" },
    xAxis: { type: "value", scale: true },
    yAxis: { type: "category", data: [levelLabel] },
    series: [
      {
        type: "boxplot",
        data: box === null ? [] : [[box.min, box.q1, box.median, box.q3, box.max]],
        itemStyle: { color: "#e6f0ff", borderColor: "#1458c9" },
        markLine: {
          symbol: "none",
          data: [
            ...refs.map((r, i) => ({
              xAxis: r.value,
              lineStyle: { color: LINE_COLORS[i % LINE_COLORS.length], type: "solid" },
              // Alternate label ends so that close thresholds (小学 4.5 / 初中 5.8) do not overlap.
              label: {
                formatter: `${r.label} ${formatGoal(indicator, r.comparator, r.value)}`,
                position: i % 2 === 0 ? "end" : "start",
              },
            })),
            ...(d.total.value === null
              ? []
              : [
                  {
                    xAxis: d.total.value,
                    lineStyle: { color: "#389e0d", type: "dashed" },
                    label: { formatter: totalLabel, position: "insideStartTop" },
                  },
                ]),
          ],
        },
      },
      {
        type: "scatter",
        symbolSize: 7,
        itemStyle: { color: "#1458c9", opacity: 0.45 },
        tooltip: {
          formatter: (p: { name: string; value: [number, number] }) => `${p.name}：${fmt(p.value[0])}`,
        },
        data: d.units.map((u) => ({ name: u.name, value: [u.value, 0] })),
      },
    ],
  };
}

function histogramOption(d: IndicatorDistribution, indicator: DashboardIndicator, countLabel: string) {
  const refs = relevantReferences(d);
  const only = refs.length === 1 ? refs[0] : undefined;
  const edge = (v: number) => String(Number(formatDecimal(v, Math.min(indicator.decimals, 2))));
  const colour = (from: number, to: number) => {
    if (only === undefined) {
      return "#1458c9";
    }
    const passes = only.comparator === ">=" ? from >= only.value : to <= only.value;
    const fails = only.comparator === ">=" ? to <= only.value : from >= only.value;
    return passes ? "#389e0d" : fails ? "#fa8c16" : "#1458c9";
  };
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: {
      type: "category",
      data: d.histogram.map((b) => `${edge(b.from)}–${edge(b.to)}`),
      axisLabel: { interval: 0, rotate: d.histogram.length > 6 ? 30 : 0 },
    },
    yAxis: { type: "value", minInterval: 1, name: countLabel },
    series: [
      {
        type: "bar",
        name: countLabel,
        barCategoryGap: "4%",
        label: { show: true, position: "top" },
        data: d.histogram.map((b) => ({ value: b.count, itemStyle: { color: colour(b.from, b.to) } })),
      },
    ],
  };
}

/** One indicator over the schools (or 乡镇) below the unit: box plot or histogram with the thresholds. */
export function IndicatorDistributionChart({
  indicator,
  unitId,
  year,
}: {
  indicator: DashboardIndicator;
  unitId: string;
  year: number;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<View>("box");
  const query = useIndicatorDistribution(unitId, year, indicator.code);
  const d = query.data;
  const option = useMemo(() => {
    if (d === undefined) {
      return {};
    }
    const levelLabel = t(d.level === "school" ? "ind.dist.title" : "ind.dist.titleArea");
    return view === "box"
      ? boxOption(d, indicator, levelLabel, t("ind.dist.total", { value: d.total.display }))
      : histogramOption(d, indicator, t("ind.dist.count"));
  }, [d, view, indicator, t]);
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (d === undefined) {
    return <Spin />;
  }
  const f = (v: number) => formatValue(indicator, v);
  return (
    <div className="indicator-distribution">
      <div className="indicator-section-bar">
        <Typography.Text strong>
          {t(d.level === "school" ? "ind.dist.title" : "ind.dist.titleArea")}
        </Typography.Text>
        <Segmented<View>
          size="small"
          className="no-print"
          value={view}
          onChange={setView}
          options={[
            { value: "box", label: t("ind.dist.box") },
            { value: "histogram", label: t("ind.dist.histogram") },
          ]}
        />
      </div>
      {d.box === null ? (
        <Empty description={t("ind.dist.empty")} />
      ) : (
        <>
          <EChart
            option={option}
            ariaLabel={t("ind.dist.aria", { name: indicator.name })}
            style={{ height: 260 }}
          />
          <Typography.Paragraph type="secondary" className="indicator-dist-summary">
            {t("ind.dist.summary", {
              count: d.box.count,
              missing: d.missing,
              min: f(d.box.min),
              q1: f(d.box.q1),
              median: f(d.box.median),
              q3: f(d.box.q3),
              max: f(d.box.max),
            })}
          </Typography.Paragraph>
          {d.references.map((r) => (
            <Typography.Paragraph type="secondary" key={`${r.scope}-${r.label}-${String(r.value)}`}>
              {t("ind.dist.reference", {
                label: r.label,
                goal: formatGoal(indicator, r.comparator, r.value),
                source: r.source,
              })}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </div>
  );
}
