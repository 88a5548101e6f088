/**
 * 基层表 import: the 教育事业统计 年报 workbooks (one per school, one sheet per 表) read through layouts
 * kept as data per statistical-year generation, and synthetic workbooks in those layouts for tests.
 */
export * from "./layout.ts";
export * from "./read.ts";
export * from "./upload.ts";
export * from "./generate.ts";
export * from "./cross-school.ts";
