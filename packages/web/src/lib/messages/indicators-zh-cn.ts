/** 指标看板 (dashboard) — Chinese source strings, spread into the main dictionary. */
export const indicatorsZhCN = {
  "ind.title": "指标监测",
  "ind.tab.dashboard": "指标看板",
  "ind.unit": "单位",
  "ind.year": "统计年度",
} as const;
