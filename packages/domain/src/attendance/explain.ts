/** Each risk flag explained in Chinese, from its evidence alone (no personal value is needed). */
import type { FlagExplanation, RiskRule } from "./rules.ts";

export const RISK_RULE_LABELS: Readonly<Record<RiskRule, string>> = {
  "unexplained-consecutive": "连续无故缺勤",
  "unexplained-month": "当月累计无故缺勤",
  "transfer-unreceived": "转出后未见转入",
  "left-behind-falling": "留守儿童出勤率下降",
};

const md = (day: string) => `${String(Number(day.slice(5, 7)))}月${String(Number(day.slice(8, 10)))}日`;
const pct = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/** Why the flag was raised, in one sentence, with the rule version. */
export function explainFlag(e: FlagExplanation, version: number): string {
  const v = `（规则第 ${String(version)} 版）`;
  switch (e.rule) {
    case "unexplained-consecutive":
      return `连续 ${String(e.days.length)} 个上学日旷课或原因不明（${e.days.map(md).join("、")}），达到连续 ${String(e.threshold)} 天的上报线${v}`;
    case "unexplained-month":
      return `${String(Number(e.month.slice(5, 7)))}月累计 ${String(e.days.length)} 个上学日旷课或原因不明，达到当月 ${String(e.threshold)} 天的预警线${v}`;
    case "transfer-unreceived":
      return `${md(e.transferOutOn)}转出，${String(e.workingDays)} 个工作日内（至${md(e.deadline)}）未见任何学校转入${v}`;
    case "left-behind-falling":
      return `留守儿童，近 ${String(e.windowDays)} 个上学日出勤率 ${pct(e.rate)}，低于 ${pct(e.rateBelow)}，比此前 ${String(e.windowDays)} 个上学日（${pct(e.previousRate)}）下降 ${pct(e.previousRate - e.rate)}${v}`;
  }
}
