/** 目标监测 (plan targets ↔ indicators) — Chinese source strings, spread into the main dictionary. */
export const targetsZhCN = {
  "tgt.tab": "目标监测",
} as const;
