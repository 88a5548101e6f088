import type { evaluationZhCN } from "./evaluation-zh-cn.ts";

/** 督导评估 (优质均衡 resource part, pass plan, scenarios) in English; must carry every key of the Chinese strings. */
export const evaluationEnUS: Record<keyof typeof evaluationZhCN, string> = {
  "eval.title": "Evaluations",
  "eval.tab.resource": "Resources",
  "eval.tab.passPlan": "Pass plan",
  "eval.tab.scenario": "Scenarios",
  "eval.unit": "County",
  "eval.year": "Year",
};
