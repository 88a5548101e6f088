/**
 * 指标 (indicators): a small typed formula language over statistics data elements, its one-pass engine
 * over the org hierarchy, the standard catalogue and target monitoring (display formats live in
 * @luoshi/common).
 */
export * from "./ast.ts";
export * from "./tokenizer.ts";
export * from "./parser.ts";
export * from "./compile.ts";
export * from "./prepared-rows.ts";
export * from "./engine.ts";
export * from "./rows.ts";
export * from "./definition.ts";
export * from "./catalogue.ts";
export * from "./targets.ts";
export * from "./cohort-projection.ts";
export * from "./target-rules.ts";
export * from "./target-link.ts";
export * from "./formula-vector.ts";
export * from "./distribution.ts";
export * from "./references.ts";
export * from "./target-monitor.ts";
export * from "./citation.ts";
