/** 政府保障、教育质量、社会认可度、普及普惠 — Chinese source strings, spread into the main dictionary. */
export const supervisionZhCN = {
  "sup.tab.government": "政府保障程度",
  "sup.tab.quality": "教育质量",
  "sup.tab.recognition": "社会认可度",
  "sup.tab.overall": "总体结论",
  "sup.tab.preschool": "学前普及普惠",
} as const;
