/** 评估报告下载 — Chinese source strings, spread into the main dictionary. */
export const evaluationReportZhCN = {
  "evr.xlsx": "导出 Excel",
  "evr.docx": "导出评估报告（Word）",
  "evr.xlsxHint": "各校 7 项指标及达标情况、全县平均值、标准差与差异系数",
  "evr.docxHint": "公文格式的评估报告，含差异系数图和各指标分布图",
  "evr.fileName": "资源配置评估",
} as const;
