import type { targetsZhCN } from "./targets-zh-cn.ts";

/** 目标监测 (plan targets ↔ indicators) in English; must carry every key of the Chinese strings. */
export const targetsEnUS: Record<keyof typeof targetsZhCN, string> = {
  "tgt.tab": "Targets",
};
