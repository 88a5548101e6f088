import { SENSITIVITY_LEVELS } from "@luoshi/common";

/** 安全标记: a record's or field's sensitivity, and a user's clearance, on one scale. */
export type Sensitivity = (typeof SENSITIVITY_LEVELS)[number];

/** Chinese names of the levels. */
export const SENSITIVITY_LABELS: Record<Sensitivity, string> = {
  general: "一般",
  sensitive: "敏感",
  "highly-sensitive": "高敏",
};

/** Whether a text is one of the levels (the database stores them as text). */
export const isSensitivity = (value: string): value is Sensitivity =>
  (SENSITIVITY_LEVELS as readonly string[]).includes(value);

/**
 * 强制访问控制 by label (security.md, "Security labels"): a user with `clearance` may read a record
 * labelled `label` when the label is not above the clearance. An unknown text counts as the highest
 * level for a label and the lowest for a clearance, so that a damaged value denies rather than allows.
 */
export function clears(clearance: string, label: string): boolean {
  const c = isSensitivity(clearance) ? SENSITIVITY_LEVELS.indexOf(clearance) : 0;
  const l = isSensitivity(label) ? SENSITIVITY_LEVELS.indexOf(label) : SENSITIVITY_LEVELS.length;
  return l <= c;
}
