import { useMemo } from "react";
import { Empty } from "antd";
import { EChart } from "../../../components/echart.tsx";

/** One bar: a 办学类型 label and its number of schools. */
export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bar chart of schools by 办学类型; only real counts, zero types left out. */
export function SchoolTypeChart({ bars, emptyText }: { bars: readonly Bar[]; emptyText: string }) {
  const option = useMemo(() => {
    const ordered = [...bars].reverse(); // echarts draws the first category at the bottom
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: ordered.map((b) => b.label) },
      series: [
        {
          type: "bar",
          data: ordered.map((b) => b.value),
          barMaxWidth: 22,
          itemStyle: { color: "#1458c9" },
          label: { show: true, position: "right" },
        },
      ],
    };
  }, [bars]);

  if (bars.length === 0) {
    return <Empty description={emptyText} />;
  }
  return (
    <EChart
      option={option}
      ariaLabel={bars.map((b) => `${b.label} ${b.value}`).join("，")}
      style={{ height: Math.max(220, bars.length * 40) }}
    />
  );
}
