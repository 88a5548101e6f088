/**
 * Public API of the evaluation rules (spec §1–§3): 优质均衡 资源配置 with 差异系数, rule sets, 学前普及普惠,
 * 基本均衡, government/quality catalogues, pass plans, scenarios and the CLI's CSV/JSON contract.
 */
export * from "./attestation-part.ts";
export * from "./balance-csv.ts";
export * from "./balance-json.ts";
export * from "./basic-balance.ts";
export * from "./basic-balance-parts.ts";
export * from "./compulsory-part.ts";
export * from "./difference-coefficient.ts";
export * from "./display.ts";
export * from "./exact-compare.ts";
export * from "./facility-split.ts";
export * from "./indicator-check.ts";
export * from "./overall-verdict.ts";
export * from "./pass-plan.ts";
export * from "./plan-additions.ts";
export * from "./preschool.ts";
export * from "./resource-evaluation.ts";
export * from "./resource-indicators.ts";
export * from "./rule-set.ts";
export * from "./scenario.ts";
export * from "./school-fixes.ts";
export * from "./school-part-view.ts";
export * from "./school-parts.ts";
export * from "./social-recognition.ts";
export * from "./supervision-catalogue.ts";
export * from "./supervision-checks.ts";
export * from "./thresholds.ts";
export * from "./from-statistics.ts";
