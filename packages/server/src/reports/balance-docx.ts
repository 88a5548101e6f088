/**
 * 优质均衡 资源配置 evaluation report as a 公文 (.docx, GB/T 9704 layout via gongwen-docx.ts):
 * 一、基本情况; 二、差异系数 (county table and 差异系数 chart per 学段); 三、校际达标情况 (counts and the
 * failing schools); 四、各指标分布 (one chart per indicator and 学段 with the 标准值 line).
 *
 * Charts are SVG with a PNG fallback (ECharts SSR + resvg, see charts.ts). The 公文 builder has no image
 * block, so the body carries `{{chartN}}` placeholder paragraphs that `patchDocument` replaces with
 * picture paragraphs (with their own line spacing: the body's fixed 28.95 pt line would clip them).
 */
import { chinaDate, formatDecimal } from "@luoshi/common";
import {
  type Level,
  LEVELS,
  RESOURCE_INDICATOR_KEYS,
  RESOURCE_INDICATORS,
  formatDifferenceCoefficient,
} from "@luoshi/domain/evaluation";
import {
  type BalanceReportData,
  balanceReportTitle,
  levelText,
  reportIssues,
  ruleSetText,
  SHORT_INDICATOR_NAMES,
  TEACHING_POINT_POLICY_LABELS,
  thresholdText,
  valueText,
} from "./balance-report-text.ts";
import { cvChartOption, distributionChartOption } from "./charts.ts";
import { ChartSlots, gongwenWithCharts } from "./docx-charts.ts";
import type { GongwenSection } from "./gongwen-docx.ts";

/** Who signs the report and when; defaults: `<county>教育局`, the day it was generated (China time). */
export interface BalanceDocxOptions {
  issuer?: string;
  date?: string;
}

function schoolCounts(data: BalanceReportData, level: Level): { total: number; passing: number } {
  const parts = data.evaluation.schools.filter((s) => s.level === level);
  return { total: parts.length, passing: parts.filter((s) => s.isPass).length };
}

/** One sentence on the data problems found, pointing to the workbook that lists them. */
function issueParagraph(data: BalanceReportData): GongwenSection[] {
  const issues = reportIssues(data);
  if (issues.length === 0) {
    return [];
  }
  const count = (s: string) => issues.filter((i) => i.severity === s).length;
  return [
    {
      kind: "paragraph",
      text:
        `数据核查发现问题${String(issues.length)}条（错误${String(count("error"))}条、警告${String(count("warning"))}条、` +
        `提示${String(count("info"))}条），详见评估表（Excel）“数据提示”工作表。`,
    },
  ];
}

function basics(data: BalanceReportData): GongwenSection[] {
  const e = data.evaluation;
  const [p, j] = [e.levels.primary, e.levels.junior];
  const verdict = e.isResourcePass ? "达到" : "未达到";
  return [
    { kind: "heading", level: 1, text: "一、基本情况" },
    {
      kind: "paragraph",
      text:
        `本次评估依据${ruleSetText(data.ruleSet)}，以${String(data.year)}年度教育事业统计数据为基础，` +
        `对${data.orgUnit.name}义务教育学校资源配置情况进行测算。参与计算的小学（含一贯制学校小学部）` +
        `${String(p.schoolCount)}所、在校生${String(p.students)}人，初中（含一贯制学校初中部）` +
        `${String(j.schoolCount)}所、在校生${String(j.students)}人；未参与计算的学校（学段）${String(e.excluded.length)}个。`,
    },
    {
      kind: "paragraph",
      text: `教学点处理方式：${TEACHING_POINT_POLICY_LABELS[data.teachingPointPolicy]}。`,
    },
    ...issueParagraph(data),
    {
      kind: "paragraph",
      text:
        `经测算，${data.orgUnit.name}资源配置${verdict}优质均衡发展要求：差异系数` +
        `${e.isCvPass ? "全部达标" : "未全部达标"}，学校${e.isSchoolsPass ? "全部达标" : "未全部达标"}。`,
    },
    {
      kind: "table",
      header: ["学段", "参与计算学校数", "在校生数", "差异系数限值", "达标学校数"],
      rows: LEVELS.map((l) => {
        const c = schoolCounts(data, l);
        return [
          levelText(l),
          String(e.levels[l].schoolCount),
          String(e.levels[l].students),
          formatDecimal(data.ruleSet.thresholds[`resource.cvLimit.${l}`], 2),
          String(c.passing),
        ];
      }),
    },
  ];
}

function cvSections(data: BalanceReportData, slots: ChartSlots): GongwenSection[] {
  const out: GongwenSection[] = [{ kind: "heading", level: 1, text: "二、差异系数" }];
  LEVELS.forEach((level, i) => {
    const e = data.evaluation.levels[level];
    const limit = data.ruleSet.thresholds[`resource.cvLimit.${level}`];
    out.push({ kind: "heading", level: 2, text: `（${["一", "二"][i] ?? ""}）${levelText(level)}` });
    if (e.schoolCount === 0) {
      out.push({ kind: "paragraph", text: `${levelText(level)}没有参与计算的学校。` });
      return;
    }
    const over = RESOURCE_INDICATOR_KEYS.filter((k) => !e.indicators[k].isCvPass);
    out.push({
      kind: "paragraph",
      text:
        `${levelText(level)}7项指标差异系数限值为${formatDecimal(limit, 2)}，` +
        (over.length === 0
          ? "均未超过限值。"
          : `其中${over.map((k) => `“${RESOURCE_INDICATORS[k].name}”`).join("、")}超过限值或无法计算。`),
    });
    out.push({
      kind: "table",
      header: ["序号", "指标", "标准值", "全县平均值", "标准差", "差异系数", "是否达标"],
      widths: [0.6, 3.4, 0.9, 1.1, 0.9, 1, 0.9],
      align: ["center", "left"],
      rows: RESOURCE_INDICATOR_KEYS.map((k) => {
        const s = e.indicators[k];
        const def = RESOURCE_INDICATORS[k];
        return [
          String(def.number),
          `${def.name}（${def.unit}）`,
          thresholdText(s.threshold),
          valueText(s.mean),
          valueText(s.sd),
          formatDifferenceCoefficient(s.cv),
          s.isCvPass ? "达标" : "未达标",
        ];
      }),
    });
    out.push(
      slots.add(
        cvChartOption({
          limit,
          items: RESOURCE_INDICATOR_KEYS.map((k) => ({
            label: SHORT_INDICATOR_NAMES[k],
            cv: e.indicators[k].cv,
          })),
        }),
        `${levelText(level)}各项指标差异系数（红线为限值 ${formatDecimal(limit, 2)}）`,
      ),
    );
  });
  return out;
}

function schoolSections(data: BalanceReportData): GongwenSection[] {
  const out: GongwenSection[] = [{ kind: "heading", level: 1, text: "三、校际达标情况" }];
  const counts = LEVELS.map((l) => {
    const c = schoolCounts(data, l);
    return `${levelText(l)}参与计算${String(c.total)}所，达标${String(c.passing)}所，未达标${String(c.total - c.passing)}所`;
  });
  const minimumMet = data.ruleSet.thresholds["resource.minimumMet"];
  out.push({
    kind: "paragraph",
    text: `按“每所学校至少${String(minimumMet)}项指标达到标准值，余项不低于标准值的85%”的要求，${counts.join("；")}。`,
  });
  const failing = data.evaluation.schools.filter((s) => !s.isPass);
  if (failing.length === 0) {
    out.push({ kind: "paragraph", text: "所有参与计算的学校均达标。" });
    return out;
  }
  out.push({
    kind: "paragraph",
    text: "未达标学校及其未达到标准值的指标如下（标注“低于85%”的指标低于标准值的85%）。",
  });
  out.push({
    kind: "table",
    header: ["序号", "学校名称", "学段", "达标项数", "未达到标准值的指标"],
    widths: [0.6, 2.6, 0.7, 0.9, 4],
    align: ["center", "left", "center", "center", "left"],
    rows: failing.map((s, i) => {
      const unmet = RESOURCE_INDICATOR_KEYS.filter((k) => !s.met[k]).map(
        (k) =>
          `${SHORT_INDICATOR_NAMES[k]} ${valueText(s.values[k])}${s.reachesPartial[k] ? "" : "（低于85%）"}`,
      );
      return [String(i + 1), s.name, levelText(s.level), String(s.metCount), unmet.join("；")];
    }),
  });
  return out;
}

function distributionSections(data: BalanceReportData, slots: ChartSlots): GongwenSection[] {
  const out: GongwenSection[] = [
    { kind: "heading", level: 1, text: "四、各指标分布" },
    {
      kind: "paragraph",
      text: "下列各图按指标值由低到高排列参与计算的学校，纵轴为指标值，红色实线为标准值，橙色虚线为标准值的85%，红色柱为未达到标准值的学校。",
    },
  ];
  const factor = data.ruleSet.thresholds["resource.partialFactor"];
  LEVELS.forEach((level, i) => {
    out.push({ kind: "heading", level: 2, text: `（${["一", "二"][i] ?? ""}）${levelText(level)}` });
    const parts = data.evaluation.schools.filter((s) => s.level === level);
    if (parts.length === 0) {
      out.push({ kind: "paragraph", text: `${levelText(level)}没有参与计算的学校。` });
      return;
    }
    for (const key of RESOURCE_INDICATOR_KEYS) {
      const def = RESOURCE_INDICATORS[key];
      const threshold = data.ruleSet.thresholds[`resource.${level}.${key}`];
      out.push(
        slots.add(
          distributionChartOption({
            threshold,
            floor: threshold * factor,
            points: parts.map((s) => ({ name: s.name, value: s.values[key] })),
          }),
          `${levelText(level)}“${def.name}”各校分布（单位：${def.unit}；标准值 ${thresholdText(threshold)}；共${String(parts.length)}所）`,
        ),
      );
    }
  });
  return out;
}

/** Writes the evaluation report (.docx bytes) with its charts. */
export async function balanceDocx(
  data: BalanceReportData,
  options: BalanceDocxOptions = {},
): Promise<Buffer> {
  const slots = new ChartSlots();
  const sections: GongwenSection[] = [
    ...basics(data),
    ...cvSections(data, slots),
    ...schoolSections(data),
    ...distributionSections(data, slots),
  ];
  return gongwenWithCharts(
    {
      title: balanceReportTitle(data.orgUnit.name, data.year),
      issuer: options.issuer ?? `${data.orgUnit.name}教育局`,
      date: options.date ?? chinaDate(data.generatedAt),
      sections,
    },
    slots,
  );
}
