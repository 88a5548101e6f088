import { describe, expect, it } from "vitest";
import {
  cvChartOption,
  distributionChartOption,
  MAX_NAMED_BARS,
  rasteriseSvg,
  renderChart,
  renderChartSvg,
} from "./charts.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const size = { width: 590, height: 300 };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("report charts", () => {
  it("draws the schools sorted, red below the 标准值, with the 标准值 line and its value", async () => {
    const option = distributionChartOption({
      threshold: 4.2,
      floor: 4.2 * 0.85,
      points: [
        { name: "甲校", value: 5 },
        { name: "乙校", value: 3.5 },
        { name: "丙校", value: 4.2 },
      ],
    });
    const svg = await renderChartSvg(option, size);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("标准值 4.2");
    // Sorted ascending: 乙校 (3.5), 丙校 (4.2, meets it exactly), 甲校.
    expect(svg.indexOf("乙校")).toBeLessThan(svg.indexOf("丙校"));
    expect(svg.indexOf("丙校")).toBeLessThan(svg.indexOf("甲校"));
    expect(svg.match(/fill="#e15759"/g)).toHaveLength(1);
    expect(svg.match(/fill="#4e79a7"/g)).toHaveLength(2);
  });

  it("leaves the school names out when there are too many to print", async () => {
    const points = Array.from({ length: MAX_NAMED_BARS + 1 }, (_, i) => ({
      name: `第${String(i)}校`,
      value: i,
    }));
    const svg = await renderChartSvg(distributionChartOption({ threshold: 10, points }), size);
    expect(svg).not.toContain("第3校");
    expect(svg.match(/fill="#e15759"/g)).toHaveLength(10);
  });

  it("draws each 差异系数 against the limit, red above it", async () => {
    const svg = await renderChartSvg(
      cvChartOption({
        limit: 0.45,
        showValues: true,
        items: [
          { label: "骨干教师", cv: 0.51549 },
          { label: "体育运动场馆", cv: 0.3 },
          { label: "教学仪器设备值", cv: null },
        ],
      }),
      size,
    );
    expect(svg).toContain("限值 0.45");
    expect(svg).toContain("骨干教师");
    // Labels are printed the way official tables round (half up, 3 decimals).
    expect(svg).toContain(">0.515<");
    expect(svg.match(/fill="#e15759"/g)).toHaveLength(1);
  });

  it("rasterises the SVG into a PNG at 1.5 times its size", async () => {
    const chart = await renderChart(
      distributionChartOption({
        title: "小学 生均教学仪器设备值",
        threshold: 2000,
        points: [{ name: "甲校", value: 2500 }],
      }),
      size,
    );
    expect(chart.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(chart.png)).toEqual({ width: 885, height: 450 });
    const blank = await rasteriseSvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="590" height="300"></svg>`,
    );
    // A chart with a Chinese title and bars has far more to compress than a blank page.
    expect(chart.png.length).toBeGreaterThan(blank.length * 3);
  });

  it("draws a chart once: the same option and size again is the chart kept, another option a new one", async () => {
    const option = (threshold: number) =>
      distributionChartOption({ threshold, points: [{ name: "乙校", value: 3 }] });
    const first = await renderChart(option(2), size);
    expect(await renderChart(option(2), size)).toBe(first);
    const other = await renderChart(option(4), size);
    expect(other).not.toBe(first);
    expect(other.svg).toContain("标准值 4");
    expect(await renderChart(option(2), { width: 300, height: 200 })).not.toBe(first);
  });
});
