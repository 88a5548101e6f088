import type { evaluationReportZhCN } from "./evaluation-report-zh-cn.ts";

/** 评估报告下载 in English; must carry every key of the Chinese strings. */
export const evaluationReportEnUS: Record<keyof typeof evaluationReportZhCN, string> = {
  "evr.xlsx": "Export Excel",
  "evr.docx": "Export report (Word)",
  "evr.xlsxHint": "Each school's 7 indicators and pass marks; county mean, SD and difference coefficient",
  "evr.docxHint": "The evaluation report in official-document layout, with the CV and distribution charts",
  "evr.fileName": "resource-evaluation",
};
