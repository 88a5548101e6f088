/** 督导评估 (优质均衡 resource part, pass plan, scenarios) — Chinese source strings, spread into the main dictionary. */
export const evaluationZhCN = {
  "eval.title": "督导评估",
  "eval.tab.resource": "资源配置",
  "eval.tab.passPlan": "达标方案",
  "eval.tab.scenario": "情景模拟",
  "eval.unit": "县（区）",
  "eval.year": "统计年度",
} as const;
