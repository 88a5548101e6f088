/**
 * 学生资助: the 认定 categories and rules, the 公示 period, the file readers and 动态监测 flags. Pure, no
 * I/O.
 */
export * from "./rules.ts";
export * from "./parse.ts";
export * from "./monitor.ts";
