import type { supervisionZhCN } from "./supervision-zh-cn.ts";

/** 政府保障、教育质量、社会认可度、普及普惠 in English; must carry every key of the Chinese strings. */
export const supervisionEnUS: Record<keyof typeof supervisionZhCN, string> = {
  "sup.tab.government": "Government",
  "sup.tab.quality": "Quality",
  "sup.tab.recognition": "Recognition",
  "sup.tab.overall": "Overall verdict",
  "sup.tab.preschool": "Preschool",
};
