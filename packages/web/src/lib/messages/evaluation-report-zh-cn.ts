/** 评估报告下载 — Chinese source strings, spread into the main dictionary. */
export const evaluationReportZhCN = {
  "evr.xlsx": "导出 Excel",
  "evr.docx": "导出评估报告（Word）",
} as const;
