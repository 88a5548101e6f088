/**
 * 学校统计 (school statistics): the data element catalogue of 教育事业统计 基层表, school-year and
 * population records, their validation, import templates and the demo county's statistics 2016–2024.
 */
export * from "./levels.ts";
export * from "./data-elements.ts";
export * from "./records.ts";
export * from "./validation.ts";
export * from "./template.ts";
export * from "./template-parse.ts";
export * from "./demo-allocate.ts";
export { DEMO_STATS_REFERENCE_YEAR } from "./demo-school-model.ts";
export * from "./demo-statistics.ts";
export * from "./import-plan.ts";
export * from "./synthetic.ts";
export * from "./jiceng/index.ts";
