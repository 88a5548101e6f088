/**
 * 学籍 (student registry): the row shape of a county's 学籍 export, its parsing and validation, the
 * movements between two imports and the synthetic demo registry.
 */
export * from "./grades.ts";
export * from "./record.ts";
export * from "./parse.ts";
export * from "./movements.ts";
export * from "./synthetic.ts";
export * from "./demo.ts";
