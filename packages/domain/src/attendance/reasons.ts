/** Why a pupil is absent, as a school reports it each day. */
export const ABSENCE_REASONS = ["sick", "personal", "truant", "unknown"] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** The Chinese labels of the reasons, as a school reports them. */
export const ABSENCE_REASON_LABELS: Readonly<Record<AbsenceReason, string>> = {
  sick: "病假",
  personal: "事假",
  truant: "旷课",
  unknown: "不明",
};

/** 旷课 and 不明: an absence no one has explained, the kind the 控辍 rules count. */
export function isUnexplained(reason: AbsenceReason): boolean {
  return reason === "truant" || reason === "unknown";
}
