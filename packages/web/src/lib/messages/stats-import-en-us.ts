import type { statsImportZhCN } from "./stats-import-zh-cn.ts";

/** 统计数据导入 in English; must carry every key of the Chinese strings. */
export const statsImportEnUS: Record<keyof typeof statsImportZhCN, string> = {
  "imp.tab": "Import",
};
