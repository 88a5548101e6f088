/**
 * Server-side charts for reports: ECharts' SVG renderer without a DOM (`ssr: true`) draws the chart,
 * resvg rasterises the SVG into a PNG fallback for word processors that cannot show SVG. ECharts is
 * loaded on first use (its modules take a second to import), so the server starts without it.
 */
import { existsSync } from "node:fs";
import { renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import type { EChartsCoreOption } from "echarts/core";
import { formatDecimal } from "@luoshi/common";
import { formatDifferenceCoefficient } from "@luoshi/domain/evaluation";

/**
 * Font families named in the SVG: a CJK font on the server (Noto/Source Han, for the PNG), SimHei or
 * Microsoft YaHei on the government PCs that show the SVG.
 */
const CHART_FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, SimHei, Microsoft YaHei, sans-serif";

/** CJK font files tried, in order, for the PNG; when none exists the system fonts are loaded. */
const CJK_FONT_FILES = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/opentype/adobe-source-han-sans/SourceHanSansCN-Regular.otf",
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
];

/**
 * Small Latin fonts for labels without Chinese (axis numbers). resvg reads a font file for every text
 * it lays out: 20 MB of CJK collection costs about 13 ms a label, a 700 KB Latin font a tenth of that.
 */
const LATIN_FONTS: readonly { file: string; family: string }[] = [
  { file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", family: "DejaVu Sans" },
  { file: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", family: "Liberation Sans" },
];

interface RasterFonts {
  font: NonNullable<ResvgRenderOptions["font"]>;
  /** Family used for labels that are all ASCII, when a Latin font file exists. */
  latinFamily: string | undefined;
}

let rasterFonts: RasterFonts | undefined;

/**
 * resvg's font settings, found once: loading known files takes milliseconds, scanning every system
 * font much longer, so the scan is only the fallback.
 */
function resvgFonts(): RasterFonts {
  if (rasterFonts === undefined) {
    const cjk = CJK_FONT_FILES.filter((f) => existsSync(f));
    const latin = LATIN_FONTS.find((f) => existsSync(f.file));
    rasterFonts =
      cjk.length > 0
        ? {
            font: {
              loadSystemFonts: false,
              fontFiles: latin === undefined ? cjk : [...cjk, latin.file],
              defaultFontFamily: "Noto Sans CJK SC",
            },
            latinFamily: latin?.family,
          }
        : { font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC" }, latinFamily: undefined };
  }
  return rasterFonts;
}

/** For the PNG only: labels of plain ASCII (axis numbers) switch to the small Latin font. */
function withLatinLabels(svg: string, family: string | undefined): string {
  if (family === undefined) {
    return svg;
  }
  return svg.replace(/<text\b([^>]*)>([\x20-\x7e]*)<\/text>/g, (whole, attrs: string, text: string) =>
    attrs.includes("font-family:")
      ? `<text${attrs.replace(/font-family:[^;"]*/, `font-family:${family}`)}>${text}</text>`
      : whole,
  );
}

type EChartsCore = typeof import("echarts/core");
let echartsLoading: Promise<EChartsCore> | undefined;

/** The ECharts core with only what the report charts use (bar, scatter, grid, title, markLine, SVG). */
function loadECharts(): Promise<EChartsCore> {
  echartsLoading ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import("echarts/core"),
      import("echarts/charts"),
      import("echarts/components"),
      import("echarts/renderers"),
    ]);
    core.use([
      charts.BarChart,
      charts.ScatterChart,
      components.GridComponent,
      components.TitleComponent,
      components.MarkLineComponent,
      components.LegendComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  })();
  return echartsLoading;
}

/** Size of a chart in CSS pixels (96 per inch); the PNG is drawn at `scale` times this. */
export interface ChartSize {
  width: number;
  height: number;
}

/** One rendered chart: the SVG text, its PNG fallback and the size both were drawn at. */
export interface RenderedChart {
  svg: string;
  png: Buffer;
  size: ChartSize;
}

/** Renders an ECharts option to SVG text (no animation, the report font family). */
export async function renderChartSvg(option: EChartsCoreOption, size: ChartSize): Promise<string> {
  const echarts = await loadECharts();
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * Rasterises SVG text to PNG at `scale` × its size, on libuv's thread pool (so that several charts
 * render in parallel), with a white background as printed pages have.
 */
export async function rasteriseSvg(svg: string, scale = 1.5): Promise<Buffer> {
  const fonts = resvgFonts();
  const image = await renderAsync(withLatinLabels(svg, fonts.latinFamily), {
    font: fonts.font,
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
  });
  return image.asPng();
}

/** Charts kept, newest last; past this many the oldest go first. */
const MAX_KEPT_CHARTS = 128;
const keptCharts = new Map<string, Promise<RenderedChart>>();

/**
 * Renders an option to SVG and its PNG fallback. The same option at the same size draws the same
 * chart: a report asked for again while its figures are unchanged reuses the charts drawn the first
 * time (the PNG is most of a report's cost) instead of drawing them on every request.
 */
export async function renderChart(option: EChartsCoreOption, size: ChartSize): Promise<RenderedChart> {
  const key = `${String(size.width)}x${String(size.height)}|${JSON.stringify(option)}`;
  const hit = keptCharts.get(key);
  if (hit !== undefined) {
    // most recently used last
    keptCharts.delete(key);
    keptCharts.set(key, hit);
    return hit;
  }
  const rendering = (async (): Promise<RenderedChart> => {
    const svg = await renderChartSvg(option, size);
    return { svg, png: await rasteriseSvg(svg), size };
  })();
  keptCharts.set(key, rendering);
  if (keptCharts.size > MAX_KEPT_CHARTS) {
    const oldest = keptCharts.keys().next().value;
    if (oldest !== undefined) {
      keptCharts.delete(oldest);
    }
  }
  // A failure is not kept: the next request draws again.
  rendering.catch(() => {
    if (keptCharts.get(key) === rendering) {
      keptCharts.delete(key);
    }
  });
  return rendering;
}

const AXIS_COLOR = "#595959";
const PASS_COLOR = "#4e79a7";
const FAIL_COLOR = "#e15759";
const LINE_COLOR = "#d62728";

/**
 * Schools above which the bars get no names: a county of 300 cannot print them, and each label is a
 * text the rasteriser lays out with the CJK font (the slow part of the PNG).
 */
export const MAX_NAMED_BARS = 20;

/** The title block, or none; the plot starts lower when there is a title. */
function titleOf(title: string | undefined): { title?: Record<string, unknown>; top: number } {
  return title === undefined
    ? { top: 28 }
    : {
        title: { text: title, left: "center", top: 4, textStyle: { fontSize: 14, fontWeight: "bold" } },
        top: 48,
      };
}

/** One school on an indicator chart. */
interface DistributionPoint {
  name: string;
  value: number;
}

/** What an indicator distribution chart shows. */
export interface DistributionChartInput {
  /** Drawn above the plot; leave it out when the document prints a caption (every text costs raster time). */
  title?: string;
  /** Axis name, e.g. the unit (人, 平方米); leave it out when the caption names it. */
  unit?: string;
  points: readonly DistributionPoint[];
  /** The per-school 标准值, drawn as a red line. */
  threshold: number;
  /** The 85% floor of the per-school rule, drawn dashed without a label; absent to leave it out. */
  floor?: number;
  /** Decimals of the threshold label. */
  digits?: number;
}

/**
 * 各校指标分布: the schools' values sorted ascending as bars (red below the 标准值, blue at or above),
 * with the 标准值 and the 85% floor as horizontal lines. Values are drawn at full precision.
 */
export function distributionChartOption(input: DistributionChartInput): EChartsCoreOption {
  const sorted = [...input.points].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.value - b.value);
  const isNamed = sorted.length <= MAX_NAMED_BARS;
  const lines: Record<string, unknown>[] = [
    {
      yAxis: input.threshold,
      name: "标准值",
      lineStyle: { color: LINE_COLOR, type: "solid", width: 1.5 },
      label: {
        formatter: `标准值 ${String(input.threshold)}`,
        color: LINE_COLOR,
        position: "insideEndTop",
        textBorderColor: "#ffffff",
        textBorderWidth: 3,
      },
    },
  ];
  if (input.floor !== undefined) {
    const floor = Number(input.floor.toPrecision(12));
    lines.push({
      yAxis: floor,
      name: "85%",
      lineStyle: { color: "#f28e2b", type: "dashed", width: 1 },
      label: { show: false },
    });
  }
  const max = Math.max(input.threshold, ...sorted.map((p) => p.value));
  const { title, top } = titleOf(input.title);
  return {
    ...(title === undefined ? {} : { title }),
    grid: { left: 56, right: 24, top, bottom: isNamed ? 96 : 16 },
    xAxis: {
      type: "category",
      data: sorted.map((p) => p.name),
      axisLabel: isNamed ? { rotate: 45, fontSize: 10, color: AXIS_COLOR, interval: 0 } : { show: false },
      axisTick: { show: isNamed },
    },
    yAxis: {
      type: "value",
      ...(input.unit === undefined ? {} : { name: input.unit }),
      max: Number((max * 1.1).toPrecision(3)),
      splitNumber: 4,
      // The explicit max would print as an odd number (4.62) above the round ticks.
      axisLabel: { color: AXIS_COLOR, showMaxLabel: false },
    },
    series: [
      {
        type: "bar",
        barCategoryGap: sorted.length > 100 ? "0%" : "20%",
        data: sorted.map((p) => ({
          value: p.value,
          itemStyle: { color: p.value >= input.threshold ? PASS_COLOR : FAIL_COLOR },
        })),
        markLine: { symbol: "none", silent: true, data: lines },
      },
    ],
  };
}

/** What a 差异系数 chart shows. */
export interface CvChartInput {
  /** See {@link DistributionChartInput.title}. */
  title?: string;
  /** One bar per indicator (null: undefined CV, drawn as no bar). */
  items: readonly { label: string; cv: number | null }[];
  /** The 学段's limit (0.50 / 0.45). */
  limit: number;
  /** Print each 差异系数 above its bar (off when a table next to the chart gives them). */
  showValues?: boolean;
}

/** 差异系数: one bar per indicator, red above the limit, with the limit as a labelled red line. */
export function cvChartOption(input: CvChartInput): EChartsCoreOption {
  const max = Math.max(input.limit, ...input.items.map((i) => i.cv ?? 0));
  const { title, top } = titleOf(input.title);
  return {
    ...(title === undefined ? {} : { title }),
    grid: { left: 56, right: 24, top, bottom: 72 },
    xAxis: {
      type: "category",
      data: input.items.map((i) => i.label),
      axisLabel: { interval: 0, fontSize: 11, color: AXIS_COLOR, rotate: 20 },
    },
    yAxis: {
      type: "value",
      max: Number((max * 1.15).toPrecision(2)),
      splitNumber: 4,
      // The explicit max would print as an odd number (4.62) above the round ticks.
      axisLabel: { color: AXIS_COLOR, showMaxLabel: false },
    },
    series: [
      {
        type: "bar",
        barWidth: "50%",
        data: input.items.map((i) => ({
          value: i.cv,
          itemStyle: { color: i.cv !== null && i.cv > input.limit ? FAIL_COLOR : PASS_COLOR },
        })),
        label: {
          show: input.showValues === true,
          position: "top",
          fontSize: 11,
          formatter: (p: { value: unknown }) =>
            formatDifferenceCoefficient(typeof p.value === "number" ? p.value : null),
        },
        markLine: {
          symbol: "none",
          silent: true,
          data: [
            {
              yAxis: input.limit,
              lineStyle: { color: LINE_COLOR, type: "solid", width: 1.5 },
              label: {
                formatter: `限值 ${formatDecimal(input.limit, 2)}`,
                color: LINE_COLOR,
                position: "insideEndTop",
              },
            },
          ],
        },
      },
    ],
  };
}

/** What a target's trend chart shows. */
export interface TrendChartInput {
  /** The indicator's values by year (null: not computed that year). */
  series: readonly { year: number; value: number | null }[];
  /** The plan value, drawn as a red line. */
  goal: number | null;
  /** The value projected for the target year, drawn dashed from the latest value. */
  projection: { year: number; value: number } | null;
  unit?: string;
}

/**
 * 指标走势: the actual values as a line, the projection to the target year dashed, and the plan value as a
 * labelled red line.
 */
export function trendChartOption(input: TrendChartInput): EChartsCoreOption {
  const lastYear = Math.max(
    ...input.series.map((p) => p.year),
    input.projection?.year ?? Number.NEGATIVE_INFINITY,
  );
  const firstYear = Math.min(...input.series.map((p) => p.year), lastYear);
  const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
  const actual = years.map((y) => input.series.find((p) => p.year === y)?.value ?? null);
  const latest = [...input.series].reverse().find((p) => p.value !== null);
  const projected = years.map((y) =>
    input.projection === null || latest?.value === null || latest === undefined
      ? null
      : y === latest.year
        ? latest.value
        : y === input.projection.year
          ? input.projection.value
          : null,
  );
  return {
    grid: { left: 56, right: 24, top: 28, bottom: 36 },
    legend: { top: 0, data: ["实际值", "预测值"] },
    xAxis: { type: "category", data: years.map(String), axisLabel: { color: AXIS_COLOR } },
    yAxis: {
      type: "value",
      scale: true,
      ...(input.unit === undefined ? {} : { name: input.unit }),
      axisLabel: { color: AXIS_COLOR },
    },
    series: [
      {
        name: "实际值",
        type: "line",
        connectNulls: true,
        data: actual,
        itemStyle: { color: PASS_COLOR },
        ...(input.goal === null
          ? {}
          : {
              markLine: {
                symbol: "none",
                silent: true,
                data: [
                  {
                    yAxis: input.goal,
                    lineStyle: { color: LINE_COLOR, type: "solid", width: 1.5 },
                    label: {
                      formatter: `目标 ${String(input.goal)}`,
                      color: LINE_COLOR,
                      position: "insideEndTop",
                    },
                  },
                ],
              },
            }),
      },
      {
        name: "预测值",
        type: "line",
        connectNulls: true,
        data: projected,
        lineStyle: { type: "dashed" },
        itemStyle: { color: "#f28e2b" },
      },
    ],
  };
}
