/**
 * What the 优质均衡 资源配置 report files (.xlsx, .docx) share: their input, the wording of the 教学点
 * policy and rule set printed on every report, the title, and short indicator names for chart axes.
 */
import type { Issue } from "@luoshi/domain";
import {
  formatIndicatorValue,
  type Level,
  LEVEL_LABELS,
  type ResourceEvaluation,
  type ResourceIndicatorKey,
  type RuleSet,
  type TeachingPointPolicy,
} from "@luoshi/domain/evaluation";

/** One evaluated county as the report writers read it (a `BalanceEvaluation` plus when it was made). */
export interface BalanceReportData {
  orgUnit: { code: string; name: string };
  year: number;
  ruleSet: RuleSet;
  teachingPointPolicy: TeachingPointPolicy;
  evaluation: ResourceEvaluation;
  generatedAt: Date;
  /** Problems found while loading the statistics (missing elements, schools without a record). */
  issues?: readonly Issue[];
}

/** Every data problem of a report: loading first, then the evaluation's own. */
export function reportIssues(data: BalanceReportData): Issue[] {
  return [...(data.issues ?? []), ...data.evaluation.issues];
}

/** Chinese labels of issue severities. */
export const SEVERITY_LABELS: Record<Issue["severity"], string> = {
  error: "错误",
  warning: "警告",
  info: "提示",
};

/** How each 教学点 policy reads on a report (spec §1.1a scope, §6.5), worded as the web page shows it. */
export const TEACHING_POINT_POLICY_LABELS: Record<TeachingPointPolicy, string> = {
  "exclude-below-50": "不足50人的教学点不参与计算",
  "merge-into-parent": "教学点并入所属学校计算",
  include: "教学点单独参与计算",
};

/** Short indicator names for chart axes and narrow columns (spec §1.1a order). */
export const SHORT_INDICATOR_NAMES: Record<ResourceIndicatorKey, string> = {
  qualifiedTeachers: "高于规定学历教师",
  backboneTeachers: "骨干教师",
  peArtTeachers: "体育艺术教师",
  teachingFloorArea: "教学及辅助用房",
  sportsArea: "体育运动场馆",
  equipmentValue: "教学仪器设备值",
  multimediaClassrooms: "网络多媒体教室",
};

/** Decimals of a school value, 全县平均值 and 标准差 in the tables (spec §1.1b display rule). */
export const VALUE_DIGITS = 2;
/** Decimals of a 差异系数 (spec §1.1b: 3 decimals). */
export const CV_DIGITS = 3;

/** `2024年度` title: 崆峒区义务教育优质均衡发展资源配置评估报告（2024年度）. */
export function balanceReportTitle(countyName: string, year: number): string {
  return `${countyName}义务教育优质均衡发展资源配置评估报告（${String(year)}年度）`;
}

/** 规则集 as printed: its Chinese name and version (the id is the software's, not the reader's). */
export function ruleSetText(ruleSet: Pick<RuleSet, "name" | "version">): string {
  return `${ruleSet.name}（${ruleSet.version} 版）`;
}

/** A threshold as printed in the tables (4.2, 2000: no trailing zeros). */
export function thresholdText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A school value / mean / SD for display, half-up at {@link VALUE_DIGITS}. */
export function valueText(value: number | null): string {
  return formatIndicatorValue(value, VALUE_DIGITS);
}

/** The 学段 label (小学 / 初中). */
export function levelText(level: Level): string {
  return LEVEL_LABELS[level];
}
