import { useEffect, useRef } from "react";
import type { CSSProperties } from "react";
import * as echarts from "echarts/core";
import type { EChartsCoreOption } from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// Only the parts the charts use, so the echarts chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/**
 * A thin React binding for ECharts: one instance per mount, options replaced on change, resized with
 * its box, disposed on unmount. (echarts-for-react needs an undeclared `tslib`, hence our own.)
 */
export function EChart({
  option,
  style,
  ariaLabel,
}: {
  option: EChartsCoreOption;
  style?: CSSProperties;
  ariaLabel: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) {
      return;
    }
    const chart = echarts.init(box, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => {
      chart.resize();
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={boxRef} role="img" aria-label={ariaLabel} style={style} />;
}
