/**
 * 日考勤、日报告: absence reasons, the 控辍 risk rules on attendance and movements (pure, versioned,
 * explained), the reporting rule for a school's day and the synthetic demo term.
 */
export * from "./reasons.ts";
export * from "./rules.ts";
export * from "./calendar.ts";
export * from "./explain.ts";
export * from "./reporting.ts";
export * from "./synthetic.ts";
