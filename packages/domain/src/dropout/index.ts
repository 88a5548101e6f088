/**
 * 控辍保学: the 适龄 rule and the 适龄儿童 list, the 一生一案 cases with their steps and lights, and the
 * arithmetic of 动态监测. Pure, no I/O.
 */
export * from "./school-age.ts";
export * from "./parse.ts";
export * from "./cases.ts";
export * from "./monitor.ts";
export * from "./demo.ts";
export * from "./from-flag.ts";
