import { useEffect, useRef } from "react";
import type { CSSProperties } from "react";
import * as echarts from "echarts/core";
import type { EChartsCoreOption, ECElementEvent } from "echarts/core";
import { BarChart, BoxplotChart, LineChart, ScatterChart } from "echarts/charts";
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// Only the parts the charts use, so the echarts chunk stays small. Add here what a new chart needs.
echarts.use([
  BarChart,
  BoxplotChart,
  LineChart,
  ScatterChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/**
 * A thin React binding for ECharts: one instance per mount, options replaced on change, resized with
 * its box, disposed on unmount. (echarts-for-react needs an undeclared `tslib`, hence our own.)
 */
export function EChart({
  option,
  style,
  ariaLabel,
  onClick,
}: {
  option: EChartsCoreOption;
  style?: CSSProperties;
  ariaLabel: string;
  /** Called with the clicked data item (drill-down, explain). */
  onClick?: (event: ECElementEvent) => void;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) {
      return;
    }
    const chart = echarts.init(box, undefined, { renderer: "canvas" });
    chartRef.current = chart;
    chart.on("click", (event) => {
      clickRef.current?.(event);
    });
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
