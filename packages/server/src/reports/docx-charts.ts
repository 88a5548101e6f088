/**
 * Charts in a 公文 .docx: the body is written with one placeholder paragraph per chart, the charts are
 * rendered (SVG with a PNG fallback) while the document is built, and each placeholder is then replaced
 * by the picture and its caption “图N …”.
 */
import { AlignmentType, ImageRun, LineRuleType, Paragraph, PatchType, patchDocument, TextRun } from "docx";
import type { EChartsCoreOption } from "echarts/core";
import { type ChartSize, renderChart, type RenderedChart } from "./charts.ts";
import {
  FONT_SIZE_PT,
  GONGWEN_FONTS,
  gongwenDocument,
  type GongwenInput,
  type GongwenSection,
} from "./gongwen-docx.ts";

/** Chart size in CSS pixels: the 156 mm 版心 is 590 px wide at 96 dpi. */
const DOCX_CHART_SIZE: ChartSize = { width: 590, height: 300 };

interface ChartRequest {
  key: string;
  option: EChartsCoreOption;
  /** Printed under the chart as “图N caption”, and its alt text. */
  caption: string;
}

/** Collects the charts of the body while the sections are written, one placeholder each. */
export class ChartSlots {
  readonly requests: ChartRequest[] = [];

  /** A placeholder paragraph for a chart, replaced by the picture later. */
  add(option: EChartsCoreOption, caption: string): GongwenSection {
    const key = `chart${String(this.requests.length)}`;
    this.requests.push({ key, option, caption });
    return { kind: "paragraph", text: `{{${key}}}` };
  }
}

/** The chart and its caption, with their own line spacing (the body's fixed line would clip the picture). */
function picture(chart: RenderedChart, number: number, caption: string): Paragraph[] {
  const altText = `图${String(number)} ${caption}`;
  const image = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 },
    keepNext: true,
    children: [
      new ImageRun({
        type: "svg",
        data: Buffer.from(chart.svg),
        fallback: { type: "png", data: chart.png },
        transformation: { width: chart.size.width, height: chart.size.height },
        altText: { name: altText, description: altText, title: altText },
      }),
    ],
  });
  const captionParagraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 60, after: 180 },
    children: [
      new TextRun({
        text: `图${String(number)}\u3000${caption}`,
        font: GONGWEN_FONTS.body,
        size: FONT_SIZE_PT.xiaosi * 2,
      }),
    ],
  });
  return [image, captionParagraph];
}

/** Builds the 公文 and puts each chart of `slots` in its placeholder. */
export async function gongwenWithCharts(input: GongwenInput, slots: ChartSlots): Promise<Buffer> {
  const [base, charts] = await Promise.all([
    gongwenDocument(input),
    Promise.all(slots.requests.map((r) => renderChart(r.option, DOCX_CHART_SIZE))),
  ]);
  if (slots.requests.length === 0) {
    return base;
  }
  const patches = Object.fromEntries(
    slots.requests.map((r, i) => {
      const chart = charts[i];
      if (chart === undefined) {
        throw new Error(`chart ${r.key} was not rendered`);
      }
      return [r.key, { type: PatchType.DOCUMENT, children: picture(chart, i + 1, r.caption) }];
    }),
  );
  return patchDocument({ outputType: "nodebuffer", data: base, patches, keepOriginalStyles: false });
}
