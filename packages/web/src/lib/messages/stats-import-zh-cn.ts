/** 统计数据导入 — Chinese source strings, spread into the main dictionary. */
export const statsImportZhCN = {
  "imp.tab": "数据导入",
} as const;
