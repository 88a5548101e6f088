/**
 * The plan's own reports as 公文 (.docx): the 规划实施进展监测报告 / 中期评估报告 of an own plan, with a
 * trend chart per measured target, and the 落实情况报告 of a 上级文件.
 */
import { chinaDate, formatDecimal } from "@luoshi/common";
import { chineseNumber } from "@luoshi/domain/plans";
import type { ImplementationReportData, PlanReportData } from "../services/plans/plan-report.service.ts";
import { trendChartOption } from "./charts.ts";
import { ChartSlots, gongwenWithCharts } from "./docx-charts.ts";
import { gongwenDocument, type GongwenSection } from "./gongwen-docx.ts";

/** Charts at most in one report: each is rendered and rasterised, and a reader follows a few. */
const MAX_CHARTS = 12;

const value = (v: number | null | undefined, unit = ""): string =>
  v === null || v === undefined ? "—" : `${formatDecimal(v, 2).replace(/\.?0+$/, "")}${unit}`;

/** The report's sections, numbered 一、二、… in order. */
class Sections {
  readonly out: GongwenSection[] = [];
  private n = 0;

  heading(text: string): void {
    this.n += 1;
    this.out.push({ kind: "heading", level: 1, text: `${chineseNumber(this.n)}、${text}` });
  }

  paragraph(text: string): void {
    this.out.push({ kind: "paragraph", text });
  }
}

/** 规划实施进展监测报告 or 中期评估报告 (.docx bytes). */
export async function planReportDocx(data: PlanReportData): Promise<Buffer> {
  const { report, plan, orgUnitName } = data;
  const s = new Sections();
  const slots = new ChartSlots();
  const c = report.targetCounts;
  const period =
    plan.period_start === null ? "" : `（${String(plan.period_start)}—${String(plan.period_end ?? "")}年）`;
  s.heading("总体情况");
  s.paragraph(
    `《${plan.title}》${period}共设定可监测目标${String(report.targets.length)}项。截至${String(report.year)}年，` +
      `已达成${String(c.achieved)}项，进度正常${String(c["on-track"])}项，存在风险${String(c["at-risk"])}项，` +
      `严重滞后${String(c["off-track"])}项，无数据${String(c["no-data"])}项。` +
      `由规划条目立项的督办任务${String(report.taskCounts.total)}项，已销号${String(report.taskCounts.closed)}项，` +
      `逾期未办结${String(report.taskCounts.overdue)}项。`,
  );
  s.heading("目标完成情况");
  if (report.targets.length === 0) {
    s.paragraph("本规划没有可监测的目标。");
  } else {
    s.out.push({
      kind: "table",
      header: ["序号", "指标", "基期值", "规划目标", `${String(report.year)}年实际`, "目标年预计", "状态"],
      widths: [0.6, 2.6, 1.1, 1.3, 1.2, 1.2, 1.1],
      align: ["center", "left"],
      rows: report.targets.map((t, i) => [
        String(i + 1),
        t.metric,
        t.baseline === null ? "—" : `${value(t.baseline.value)}（${String(t.baseline.year)}）`,
        `${value(t.value, t.unit)}${t.targetYear === null ? "" : `（${String(t.targetYear)}）`}`,
        t.latest === null ? "—" : `${value(t.latest.value)}（${String(t.latest.year)}）`,
        value(t.projected),
        t.statusLabel,
      ]),
    });
    for (const t of report.targets) {
      const behind =
        t.tasks.length === 0
          ? "尚无由该条目立项的督办任务"
          : t.tasks.map((k) => `${k.title}（${k.stateLabel}，进度${String(k.progress)}%）`).join("；");
      s.paragraph(
        `${t.metric}：${t.statusLabel}。责任单位：${t.units.length === 0 ? "未明确" : t.units.join("、")}。支撑任务：${behind}。`,
      );
      if (slots.requests.length < MAX_CHARTS && t.series.some((p) => p.value !== null)) {
        s.out.push(
          slots.add(
            trendChartOption({
              series: t.series,
              goal: t.value,
              projection:
                t.projected === null || t.targetYear === null
                  ? null
                  : { year: t.targetYear, value: t.projected },
            }),
            `${t.metric}走势与目标（单位：${t.unit === "" ? "—" : t.unit}）`,
          ),
        );
      }
    }
  }
  s.heading("重点任务推进情况");
  if (report.tasks.length === 0) {
    s.paragraph("本规划的条目尚未立项为督办任务。");
  } else {
    s.paragraph(report.taskCounts.byState.map((b) => `${b.label}${String(b.count)}项`).join("，") + "。");
    s.out.push({
      kind: "table",
      header: ["任务", "责任单位", "状态", "进度", "最新进展"],
      widths: [2.6, 1.8, 1.1, 0.8, 3],
      align: ["left", "left", "center", "center", "left"],
      rows: report.tasks.map((t) => [
        t.title,
        t.units.join("、"),
        t.overdue ? `${t.stateLabel}（逾期）` : t.stateLabel,
        `${String(t.progress)}%`,
        t.latest === null ? "尚未报送" : `${t.latest.period}：${t.latest.text}`,
      ]),
    });
  }
  if (report.kind === "midterm") {
    s.heading("存在风险的目标及实现路径");
    if (report.atRisk.length === 0) {
      s.paragraph("各项目标均已达成或进度正常。");
    } else {
      s.out.push({
        kind: "table",
        header: ["指标", "现状", "目标", "状态", "实现目标需要"],
        widths: [2.2, 1.3, 1.3, 1.1, 3.2],
        align: ["left", "center", "center", "center", "left"],
        rows: report.atRisk.map((a) => [
          a.metric,
          a.latest === null ? "—" : `${value(a.latest.value, a.unit)}（${String(a.latest.year)}）`,
          `${value(a.goal, a.unit)}${a.targetYear === null ? "" : `（${String(a.targetYear)}）`}`,
          a.statusLabel,
          a.need,
        ]),
      });
    }
  }
  s.heading("说明");
  s.paragraph(
    "实际值由教育事业统计数据按指标目录计算；目标年预计值为近年趋势外推（巩固率为队列推算）；" +
      "状态按目标监测规则判定。上级文件的目标不计入本报告。",
  );
  return gongwenWithCharts(
    {
      title: report.title,
      issuer: `${orgUnitName}教育局`,
      date: chinaDate(data.generatedAt),
      sections: s.out,
    },
    slots,
  );
}

/** 落实情况报告 of a 上级文件 (.docx bytes). */
export async function implementationReportDocx(data: ImplementationReportData): Promise<Buffer> {
  const s = new Sections();
  s.heading("总体情况");
  s.paragraph(
    data.adoptions.length === 0
      ? `《${data.plan.title}》印发后，${data.orgUnitName}尚未制定承接方案。`
      : `为贯彻落实《${data.plan.title}》，${data.orgUnitName}制定了${data.adoptions.map((t) => `《${t}》`).join("、")}，` +
          `承接其${String(data.total)}项重点任务中的${String(data.adopted)}项，逐项明确责任单位、本地目标和完成时限。`,
  );
  s.heading("逐项落实情况");
  data.items.forEach((item, i) => {
    s.out.push({ kind: "heading", level: 2, text: `（${chineseNumber(i + 1)}）${item.title}` });
    if (!item.isAdopted) {
      s.paragraph("本地未承接该项任务。");
      return;
    }
    for (const l of item.local) {
      s.paragraph(
        `承接条目：${l.title}。责任单位：${l.units.length === 0 ? "未明确" : l.units.join("、")}。`,
      );
      for (const t of l.targets) {
        s.paragraph(
          `本地目标：${t.metric}${value(t.value, t.unit)}${t.year === null ? "" : `（${String(t.year)}年）`}；` +
            `${String(data.year)}年实际：${t.actual === null ? "暂无数据" : `${value(t.actual, t.unit)}（${String(t.actualYear)}年）`}` +
            `${t.statusLabel === null ? "" : `，${t.statusLabel}`}。`,
        );
      }
      if (l.tasks.length === 0) {
        s.paragraph("尚未立项为督办任务。");
      }
      for (const k of l.tasks) {
        s.paragraph(
          `督办任务“${k.title}”：${k.stateLabel}，进度${String(k.progress)}%。${k.latest === null ? "尚未报送进展。" : `最新进展：${k.latest}`}`,
        );
      }
    }
  });
  return gongwenDocument({
    title: `关于贯彻落实《${data.plan.title}》情况的报告`,
    issuer: `${data.orgUnitName}教育局`,
    date: chinaDate(data.generatedAt),
    sections: s.out,
  });
}
