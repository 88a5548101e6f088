import type { indicatorsZhCN } from "./indicators-zh-cn.ts";

/** 指标看板 (dashboard) in English; must carry every key of the Chinese strings. */
export const indicatorsEnUS: Record<keyof typeof indicatorsZhCN, string> = {
  "ind.title": "Indicators",
  "ind.tab.dashboard": "Dashboard",
  "ind.unit": "Unit",
  "ind.year": "Year",
};
